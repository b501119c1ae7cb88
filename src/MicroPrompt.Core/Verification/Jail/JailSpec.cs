namespace MicroPrompt.Verification.Jail;

/// <summary>What one jailed harness sees and runs under (see <see cref="BubblewrapCommand"/>).</summary>
internal sealed record JailSpec
{
    public required string BubblewrapPath { get; init; }

    public required string PrlimitPath { get; init; }

    /// <summary>The compiled seccomp program (<see cref="SeccompFilter"/>).</summary>
    public required string FilterPath { get; init; }

    /// <summary>Bound read-only at the same path: the .NET installation and the harness's folder.</summary>
    public required IReadOnlyList<string> ReadOnlyDirectories { get; init; }

    /// <summary>Bound read-only at the same path: the assemblies the examples load (package and project references).</summary>
    public required IReadOnlyList<string> ReadOnlyFiles { get; init; }

    /// <summary>The only writable places: folders of the build's work folder (HOME, TMPDIR, working directories).</summary>
    public required IReadOnlyList<string> WritableDirectories { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Files bound into the jail's <c>/etc</c> (<see cref="BubblewrapCommand.WriteEtc"/>).</summary>
    public required string EtcDirectory { get; init; }

    public required JailLimits Limits { get; init; }
}
