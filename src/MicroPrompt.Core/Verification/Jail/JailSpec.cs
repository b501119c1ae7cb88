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

    /// <summary>
    /// The jail of one harness: the .NET host and runtimes (the <c>dotnet</c> executable, <c>host/</c> and <c>shared/</c>;
    /// not the SDKs, nor a user installation's certificate stores in <c>~/.dotnet/corefx</c>), the harness's folder, the test assemblies (<c>asm</c>) and the
    /// examples' references read-only; writable only <c>home</c>, <c>tmp</c>, <c>cwd</c> and <c>run</c> of the work folder.
    /// The seccomp program and <c>/etc</c> files stay outside the writable folders, so examples cannot change the next
    /// harness's jail. Null when the seccomp program cannot be written.
    /// </summary>
    public static JailSpec? For(JailTools tools, string dotnetPath, ExampleRunnerOptions options, string workDirectory, string workingDirectory)
    {
        var filter = Path.Combine(workDirectory, "seccomp.bpf");
        if (!File.Exists(filter) && SeccompFilter.TryWrite(filter) is not null)
        {
            return null;
        }

        var etc = Path.Combine(workDirectory, "etc");
        BubblewrapCommand.WriteEtc(etc);
        var dotnet = Path.GetFullPath(dotnetPath);
        var dotnetReal = File.ResolveLinkTarget(dotnet, returnFinalTarget: true)?.FullName ?? dotnet;
        var dotnetFiles = new[] { dotnet, dotnetReal }.Where(p => !IsUnderUsr(p)).Distinct(StringComparer.Ordinal).ToList();
        var dotnetDirectories = dotnetFiles
            .SelectMany(p => new[] { "host", "shared" }.Select(d => Path.Combine(Path.GetDirectoryName(p)!, d)))
            .Where(Directory.Exists);
        return new JailSpec
        {
            BubblewrapPath = tools.BubblewrapPath!,
            PrlimitPath = tools.PrlimitPath!,
            FilterPath = filter,
            ReadOnlyDirectories =
            [
                .. dotnetDirectories, Path.GetDirectoryName(Path.GetFullPath(options.HostAssemblyPath))!, Path.Combine(workDirectory, "asm"),
            ],
            ReadOnlyFiles = [.. dotnetFiles, .. options.RuntimeReferencePaths.Where(File.Exists).Select(Path.GetFullPath)],
            WritableDirectories = [.. new[] { "home", "tmp", "cwd", "run" }.Select(d => Path.Combine(workDirectory, d))],
            WorkingDirectory = workingDirectory,
            EtcDirectory = etc,
            Limits = options.JailLimits ?? options.DefaultJailLimits,
        };
    }

    /// <summary>Under <c>/usr</c>, which the jail binds whole (system installations: /usr/share/dotnet, /usr/lib/dotnet).</summary>
    private static bool IsUnderUsr(string path) => path.StartsWith("/usr/", StringComparison.Ordinal);
}
