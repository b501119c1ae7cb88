using System.Globalization;

namespace MicroPrompt.Verification;

/// <summary>
/// The harness's environment, built from scratch: nothing is inherited from the build (no API keys, no MSBuild or
/// CI variables). Only what the .NET host needs: PATH (the dotnet folder and the system folders), DOTNET_ROOT, HOME and
/// the temp folder inside the build's work folder, telemetry off, a GC heap limit, diagnostics (debugger/profiler
/// attach) off; on Windows also SystemRoot/windir, without which processes cannot start.
/// </summary>
internal static class HarnessEnvironment
{
    public static IReadOnlyDictionary<string, string> Build(string dotnetPath, string home, string temp, long memoryLimitBytes)
    {
        var dotnetRoot = Path.GetDirectoryName(Path.GetFullPath(dotnetPath))!;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_ROOT"] = dotnetRoot,
            ["HOME"] = home,
            ["TMPDIR"] = temp,
            ["TMP"] = temp,
            ["TEMP"] = temp,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_GCHeapHardLimit"] = "0x" + Math.Max(64L * 1024 * 1024, memoryLimitBytes).ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_EnableDiagnostics"] = "0",
        };

        if (OperatingSystem.IsWindows())
        {
            var systemRoot = Environment.GetEnvironmentVariable("SystemRoot") ?? @"C:\Windows";
            env["SystemRoot"] = systemRoot;
            env["windir"] = systemRoot;
            env["USERPROFILE"] = home;
            env["PATH"] = string.Join(Path.PathSeparator, dotnetRoot, Path.Combine(systemRoot, "System32"));
        }
        else
        {
            env["PATH"] = string.Join(Path.PathSeparator, dotnetRoot, "/usr/local/bin", "/usr/bin", "/bin");
        }

        return env;
    }
}
