namespace MicroPrompt.Verification;

/// <summary>Finds the <c>dotnet</c> executable that runs this build, to start the harness with the same .NET.</summary>
internal static class DotNetHost
{
    private static string ExeName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary><c>DOTNET_HOST_PATH</c> (set by the .NET SDK for tasks), the running runtime's host, then PATH; null if none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <root>/dotnet
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDirectory is { Length: > 0 })
        {
            var candidate = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", ExeName));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory.Trim(), ExeName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
