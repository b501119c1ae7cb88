using System.Diagnostics;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// MicroPrompt.Tool packed with the run's SDK version into the run's feed and installed with
/// `dotnet tool install --tool-path` (once per run, on first use), then run as the installed `dotnet-mprompt`.
/// </summary>
public static class ToolInstallation
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _toolPath;

    /// <summary>The tool folder (holds the <c>dotnet-mprompt</c> command).</summary>
    public static async Task<string> InstallAsync(SdkPackageFixture sdk)
    {
        await Gate.WaitAsync();
        try
        {
            if (_toolPath is { } existing && Directory.Exists(existing))
            {
                return existing;
            }

            var pack = await DotNet.RunAsync(
                RepoPaths.Root,
                ["pack", Path.Combine("src", "MicroPrompt.Tool", "MicroPrompt.Tool.csproj"), "-c", "Release", "-o", sdk.Feed, $"-p:Version={sdk.Version}", "-nodeReuse:false"],
                timeout: TimeSpan.FromMinutes(10));
            Assert.True(pack.Succeeded && File.Exists(Path.Combine(sdk.Feed, $"MicroPrompt.Tool.{sdk.Version}.nupkg")), "Packing MicroPrompt.Tool failed:\n" + pack);

            var config = Path.Combine(sdk.Root, "tool-install");
            Directory.CreateDirectory(config);
            File.WriteAllText(Path.Combine(config, "nuget.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            var toolPath = Path.Combine(sdk.Root, "tools");
            var install = await DotNet.RunAsync(
                config,
                ["tool", "install", "--tool-path", toolPath, "--add-source", sdk.Feed, "MicroPrompt.Tool", "--version", sdk.Version],
                timeout: TimeSpan.FromMinutes(5));
            Assert.True(install.Succeeded, "dotnet tool install failed:\n" + install);
            _toolPath = toolPath;
            return toolPath;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs the installed tool in <paramref name="directory"/> with the project's environment; stdout and stderr apart.</summary>
    public static async Task<ToolRun> RunAsync(string toolPath, string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-mprompt.exe" : "dotnet-mprompt"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_HOST_PATH", StringComparison.Ordinal)
            || k.StartsWith("VSTEST", StringComparison.Ordinal) || k.StartsWith("MICROPROMPT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = DotNet.CompilerServer;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>One run of the tool.</summary>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
