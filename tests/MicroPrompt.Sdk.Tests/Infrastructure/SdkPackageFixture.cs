namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Packs MicroPrompt.Sdk once per test run, with a version unique to the run, into a temporary feed, so no test
/// can pick up a stale package (or a stale MSBuild node holding old task code).
/// </summary>
public sealed class SdkPackageFixture : IAsyncLifetime
{
    public string Version { get; } = $"1.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mp-e2e-" + Guid.NewGuid().ToString("N")[..10]);

    public string Feed => Path.Combine(Root, "feed");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var result = await DotNet.RunAsync(
            RepoPaths.Root,
            ["pack", Path.Combine("sdk", "MicroPrompt.Sdk", "MicroPrompt.Sdk.csproj"), "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nodeReuse:false"],
            timeout: TimeSpan.FromMinutes(10));
        if (!result.Succeeded || !File.Exists(Path.Combine(Feed, $"MicroPrompt.Sdk.{Version}.nupkg")))
        {
            throw new InvalidOperationException("Packing MicroPrompt.Sdk failed:\n" + result);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }
}
