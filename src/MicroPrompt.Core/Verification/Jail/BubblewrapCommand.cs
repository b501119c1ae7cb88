namespace MicroPrompt.Verification.Jail;

/// <summary>
/// The command line that starts the harness in the jail:
/// <c>sh -c 'exec 3&lt;filter; exec bwrap … -- prlimit … -- dotnet exec …'</c>. <c>sh</c> only opens the seccomp program
/// on descriptor 3 for <c>bwrap --seccomp 3</c> (.NET cannot hand a child an extra descriptor) and is replaced at once;
/// <c>prlimit</c> (util-linux) sets the resource limits inside the jail, after the user namespace exists, so the
/// process count limit counts the jail's own tasks only.
/// </summary>
internal static class BubblewrapCommand
{
    private const string Launcher = "exec 3<\"$1\"; shift; exec \"$@\"";

    // Read-only: the system's libraries (libc, ICU, OpenSSL), TLS configuration and time zone; nothing personal.
    private static readonly string[] SystemDirectories = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
    private static readonly string[] EtcEntries =
    [
        "/etc/ssl", "/etc/pki", "/etc/ca-certificates", "/etc/crypto-policies", "/etc/ld.so.cache", "/etc/ld.so.conf",
        "/etc/ld.so.conf.d", "/etc/localtime", "/etc/alternatives", "/etc/nsswitch.conf",
    ];

    private static readonly string[] PrivateKeyDirectories = ["/etc/ssl/private", "/etc/pki/tls/private"];

    /// <summary>Program and arguments: <c>/bin/sh</c> and everything after it, ending with <paramref name="command"/>.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Build(JailSpec spec, IEnumerable<string> command)
    {
        var args = new List<string> { "-c", Launcher, "sh", spec.FilterPath, spec.BubblewrapPath };
        args.AddRange(BubblewrapArguments(spec));
        args.Add("--");
        args.Add(spec.PrlimitPath);
        args.AddRange(spec.Limits.PrlimitArguments());
        args.Add("--");
        args.AddRange(command);
        return ("/bin/sh", args);
    }

    private static List<string> BubblewrapArguments(JailSpec spec)
    {
        var args = new List<string>
        {
            // user, ipc, pid, net (only a loopback, brought up by bwrap), uts and cgroup namespaces; no capabilities
            "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--hostname", "microprompt-jail",
            "--ro-bind", "/usr", "/usr",
        };

        foreach (var directory in SystemDirectories)
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, directory]);
            }
            else if (info.Exists)
            {
                args.AddRange(["--ro-bind", directory, directory]);
            }
        }

        foreach (var entry in EtcEntries)
        {
            args.AddRange(["--ro-bind-try", entry, entry]);
        }

        foreach (var secret in PrivateKeyDirectories.Where(Directory.Exists))
        {
            args.AddRange(["--tmpfs", secret]); // the host's TLS private keys: an empty folder instead
        }

        foreach (var file in Directory.EnumerateFiles(spec.EtcDirectory))
        {
            args.AddRange(["--ro-bind", file, "/etc/" + Path.GetFileName(file)]);
        }

        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
        foreach (var directory in spec.ReadOnlyDirectories.Distinct(StringComparer.Ordinal))
        {
            args.AddRange(["--ro-bind", directory, directory]);
        }

        foreach (var file in spec.ReadOnlyFiles.Distinct(StringComparer.Ordinal))
        {
            args.AddRange(["--ro-bind", file, file]);
        }

        foreach (var directory in spec.WritableDirectories)
        {
            args.AddRange(["--bind", directory, directory]);
        }

        args.AddRange(["--chdir", spec.WorkingDirectory, "--seccomp", "3"]);
        return args;
    }

    /// <summary>The jail's <c>/etc/hosts</c> (localhost only; the host's names are not the jail's business).</summary>
    public static void WriteEtc(string etcDirectory)
    {
        Directory.CreateDirectory(etcDirectory);
        File.WriteAllText(Path.Combine(etcDirectory, "hosts"), "127.0.0.1 localhost microprompt-jail\n::1 localhost ip6-localhost\n");
    }
}
