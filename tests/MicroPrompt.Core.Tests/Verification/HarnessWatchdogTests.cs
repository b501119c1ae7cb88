using System.Diagnostics;

namespace MicroPrompt.Core.Tests.Verification;

public class HarnessWatchdogTests
{
    [Fact]
    public async Task The_harness_exits_when_the_build_that_started_it_is_gone()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // uses `sleep` as the short-lived "build"
        }

        using var build = Process.Start(new ProcessStartInfo("sleep", "1") { UseShellExecute = false })!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", "--roll-forward", "Major", ExampleHostPaths.Host })
        {
            start.ArgumentList.Add(argument);
        }

        using var harness = Process.Start(start)!;
        await harness.StandardInput.WriteLineAsync($$"""{"op":"init","nonce":"n:","parentProcessId":{{build.Id}}}""");
        await harness.StandardInput.FlushAsync();
        Assert.StartsWith("n:", await harness.StandardOutput.ReadLineAsync()); // ready; stdin stays open

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await harness.WaitForExitAsync(timeout.Token);
        Assert.Equal(3, harness.ExitCode);
    }
}
