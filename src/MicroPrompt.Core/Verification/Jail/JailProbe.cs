using System.Collections.Concurrent;
using System.Diagnostics;

namespace MicroPrompt.Verification.Jail;

/// <summary>
/// Whether the jail works on this machine: Linux, <c>bwrap</c> and <c>prlimit</c> found, libseccomp loads, and
/// <c>bwrap</c> can create the namespaces (containers and some distributions forbid user namespaces). Tried once per
/// process and bwrap path by running <c>true</c> in a jail with the real namespaces and seccomp program.
/// </summary>
internal static class JailProbe
{
    /// <summary>Overrides where <c>bwrap</c> is (default: PATH); also how tests simulate a machine without it.</summary>
    public const string BubblewrapVariable = "MICROPROMPT_BWRAP";

    private static readonly ConcurrentDictionary<string, JailTools> Probed = new(StringComparer.Ordinal);

    /// <summary>The tools, or <see cref="JailTools.Why"/> says what is missing.</summary>
    public static JailTools Probe(string? bubblewrapPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return JailTools.Unavailable($"the jail needs Linux and bubblewrap; on {System.Runtime.InteropServices.RuntimeInformation.OSDescription} there is none");
        }

        var bwrap = bubblewrapPath
            ?? (Environment.GetEnvironmentVariable(BubblewrapVariable) is { Length: > 0 } configured ? configured : FindOnPath("bwrap"));
        if (bwrap is null || !File.Exists(bwrap))
        {
            return JailTools.Unavailable(bwrap is null ? "bubblewrap ('bwrap') is not installed (not on PATH)" : $"bubblewrap is not at {bwrap}");
        }

        return Probed.GetOrAdd(bwrap, TryJail);
    }

    private static JailTools TryJail(string bwrap)
    {
        var prlimit = FindOnPath("prlimit");
        if (prlimit is null)
        {
            return JailTools.Unavailable("'prlimit' (util-linux) is not on PATH");
        }

        var filter = Path.Combine(Path.GetTempPath(), "mp-seccomp-probe-" + Guid.NewGuid().ToString("N")[..12] + ".bpf");
        try
        {
            if (SeccompFilter.TryWrite(filter) is { } why)
            {
                return JailTools.Unavailable(why);
            }

            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[]
                     {
                         "-c", "exec 3<\"$1\"; shift; exec \"$@\"", "sh", filter, bwrap, "--unshare-all", "--die-with-parent",
                         "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--seccomp", "3", "--", prlimit, "--nofile=64", "--", "true",
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(15_000))
            {
                process.Kill(entireProcessTree: true);
                return JailTools.Unavailable($"'{bwrap}' did not finish a trial run within 15 s");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var message = error.Result.Trim();
                return JailTools.Unavailable($"'{bwrap}' cannot create the jail here (exit code {process.ExitCode}{(message.Length > 0 ? ": " + message : "")}); "
                    + "user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone, an AppArmor or container policy)");
            }

            return new JailTools(bwrap, prlimit, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return JailTools.Unavailable($"'{bwrap}' could not be tried ({ex.Message})");
        }
        finally
        {
            File.Delete(filter);
        }
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
