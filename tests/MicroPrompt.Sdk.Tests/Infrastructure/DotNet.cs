using System.Diagnostics;
using System.Text;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Runs the dotnet CLI in a child process with an environment cleaned of the test host's MSBuild/VSTest variables,
/// node reuse off, and the caller's extra variables.
/// </summary>
internal static class DotNet
{
    /// <summary>
    /// The compiler server (VBCSCompiler) for every child build: a cold <c>csc</c> costs ~3 s of CPU per build, a warm
    /// server well under one, and these tests run a few hundred builds. The machine may set
    /// <c>UseSharedCompilation=false</c>; tests/run.sh shuts the server down when the run ends.
    /// <c>MP_TEST_SHARED_COMPILATION=false</c> turns it off.
    /// </summary>
    public static string CompilerServer { get; } =
        string.Equals(Environment.GetEnvironmentVariable("MP_TEST_SHARED_COMPILATION"), "false", StringComparison.OrdinalIgnoreCase) ? "false" : "true";

    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "DOTNET_HOST_PATH", "VSTEST", "MicroPrompt", "MICROPROMPT", "NUGET_PACKAGES", "TESTINGPLATFORM"];

    public static Task<ProcessResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        Action<Process>? started = null,
        CancellationToken kill = default)
        => RunProgramAsync("dotnet", workingDirectory, arguments, environment, timeout, started, kill);

    /// <summary>Any program (bash, git) with the same cleaned environment as the dotnet CLI gets.</summary>
    public static async Task<ProcessResult> RunProgramAsync(
        string program,
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        Action<Process>? started = null,
        CancellationToken kill = default)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (InheritedPrefixesToDrop.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["UseSharedCompilation"] = CompilerServer;
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(key);
                }
                else
                {
                    start.Environment[key] = value;
                }
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started?.Invoke(process);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(kill);
        cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (gate)
            {
                output.AppendLine(kill.IsCancellationRequested ? $"[test harness] {program} was killed" : $"[test harness] {program} timed out and was killed");
            }

            return new ProcessResult(-1, output.ToString());
        }

        process.WaitForExit();
        lock (gate)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }
}
