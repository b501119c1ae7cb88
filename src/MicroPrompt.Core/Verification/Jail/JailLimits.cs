using System.Globalization;

namespace MicroPrompt.Verification.Jail;

/// <summary>
/// Resource limits of the jailed harness (setrlimit through <c>prlimit</c>), for the harness's whole life, not per
/// example (the per-example time limit is the wall clock the parent enforces).
/// </summary>
/// <param name="CpuSeconds">RLIMIT_CPU: CPU time of all its threads; the kernel ends it with SIGXCPU (SIGKILL 5 s later).</param>
/// <param name="AddressSpaceBytes">RLIMIT_AS: virtual memory, which also caps native allocations the GC heap limit does not see.</param>
/// <param name="OpenFiles">RLIMIT_NOFILE.</param>
/// <param name="Tasks">RLIMIT_NPROC: threads of the jail's user (not enforced for root; the seccomp filter stops processes anyway).</param>
public sealed record JailLimits(int CpuSeconds, long AddressSpaceBytes, int OpenFiles, int Tasks)
{
    internal IEnumerable<string> PrlimitArguments() =>
    [
        string.Create(CultureInfo.InvariantCulture, $"--cpu={CpuSeconds}:{CpuSeconds + 5}"), // SIGXCPU at the soft limit; SIGKILL 5 s later if it is ignored
        string.Create(CultureInfo.InvariantCulture, $"--as={AddressSpaceBytes}"),
        string.Create(CultureInfo.InvariantCulture, $"--nofile={OpenFiles}"),
        string.Create(CultureInfo.InvariantCulture, $"--nproc={Tasks}"),
    ];
}
