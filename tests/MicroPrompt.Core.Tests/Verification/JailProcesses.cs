namespace MicroPrompt.Core.Tests.Verification;

/// <summary>Processes still tied to a runner's work folder (bwrap's command line or the harness's HOME/TMPDIR): none may outlive it.</summary>
internal static class JailProcesses
{
    public static IReadOnlyList<int> Using(string workDirectory)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(directory, "cmdline"));
                var environ = File.ReadAllText(Path.Combine(directory, "environ"));
                if (cmdline.Contains(workDirectory, StringComparison.Ordinal) || environ.Contains(workDirectory, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // exited meanwhile, or not ours to read
            }
        }

        return found;
    }
}
