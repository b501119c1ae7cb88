using System.Runtime.InteropServices;

namespace MicroPrompt.Verification.Jail;

/// <summary>
/// The jail's seccomp program, compiled by libseccomp (the library bubblewrap's own documentation points to) and handed
/// to <c>bwrap --seccomp</c>: creating a process fails (<c>fork</c>, <c>vfork</c>, <c>clone</c> without
/// <c>CLONE_THREAD</c> → EPERM; <c>clone3</c> → ENOSYS, so the C library falls back to <c>clone</c>, whose flags can be
/// checked), threads are unaffected; a short list of kernel interfaces sandboxes deny (<see cref="Denied"/>) fails
/// with EPERM too. That is the jail's defence against fork bombs and child processes: unlike
/// RLIMIT_NPROC it also holds when the build runs as root, which that limit exempts.
/// </summary>
internal static class SeccompFilter
{
    private const string Library = "libseccomp.so.2";
    private const uint ActionAllow = 0x7fff0000;
    private const uint ActionErrno = 0x00050000;
    private const int Eperm = 1;
    private const int Enosys = 38;
    private const ulong CloneThread = 0x00010000;
    private const int CompareMaskedEqual = 7;

    // Not namespaced or not needed by .NET, denied as container runtimes do: new namespaces (a nested user namespace
    // would hand the code every capability inside it), mounts, the kernel keyrings, tracing, BPF, kernel modules.
    private static readonly string[] Denied =
    [
        "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "keyctl", "add_key", "request_key", "ptrace",
        "process_vm_writev", "bpf", "perf_event_open", "userfaultfd", "kexec_load", "init_module", "finit_module", "delete_module",
    ];

    /// <summary>Writes the compiled filter to <paramref name="path"/>; returns null, or why it could not.</summary>
    public static string? TryWrite(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "seccomp exists on Linux only";
        }

        try
        {
            return Write(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return $"{Library} could not be loaded ({ex.Message}); install it (Debian/Ubuntu: apt-get install libseccomp2)";
        }
    }

    private static string? Write(string path)
    {
        var context = seccomp_init(ActionAllow);
        if (context == IntPtr.Zero)
        {
            return "seccomp_init failed";
        }

        try
        {
            foreach (var name in new[] { "fork", "vfork" }.Concat(Denied))
            {
                var number = seccomp_syscall_resolve_name(name);
                if (number >= 0 && seccomp_rule_add_array(context, ActionErrno | Eperm, number, 0, []) != 0)
                {
                    return $"the rule for {name} was refused";
                }
            }

            var clone = seccomp_syscall_resolve_name("clone");
            var notAThread = new ScmpArgCmp { Arg = 0, Op = CompareMaskedEqual, DatumA = CloneThread, DatumB = 0 };
            if (clone < 0 || seccomp_rule_add_array(context, ActionErrno | Eperm, clone, 1, [notAThread]) != 0)
            {
                return "the rule for clone was refused";
            }

            var clone3 = seccomp_syscall_resolve_name("clone3");
            if (clone3 >= 0 && seccomp_rule_add_array(context, ActionErrno | Enosys, clone3, 0, []) != 0)
            {
                return "the rule for clone3 was refused";
            }

            using var file = File.Create(path);
            if (seccomp_export_bpf(context, (int)file.SafeFileHandle.DangerousGetHandle()) != 0)
            {
                return "seccomp_export_bpf failed";
            }

            return null;
        }
        finally
        {
            seccomp_release(context);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ScmpArgCmp
    {
        public uint Arg;
        public int Op;
        public ulong DatumA;
        public ulong DatumB;
    }

    [DllImport(Library)]
    private static extern IntPtr seccomp_init(uint defaultAction);

    [DllImport(Library)]
    private static extern int seccomp_rule_add_array(IntPtr context, uint action, int syscall, uint argumentCount, ScmpArgCmp[] arguments);

    [DllImport(Library, CharSet = CharSet.Ansi)]
    private static extern int seccomp_syscall_resolve_name([MarshalAs(UnmanagedType.LPStr)] string name);

    [DllImport(Library)]
    private static extern int seccomp_export_bpf(IntPtr context, int fd);

    [DllImport(Library)]
    private static extern void seccomp_release(IntPtr context);
}
