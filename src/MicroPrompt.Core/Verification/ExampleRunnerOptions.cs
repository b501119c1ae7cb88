using MicroPrompt.Diagnostics;
using MicroPrompt.Settings;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Verification;

/// <summary>Where the harness is and the limits every example runs under.</summary>
public sealed record ExampleRunnerOptions
{
    /// <summary>The harness, <c>MicroPrompt.ExampleHost.dll</c> (shipped beside the tasks in <c>examplehost/</c>).</summary>
    public required string HostAssemblyPath { get; init; }

    /// <summary>The <c>dotnet</c> executable; null: <c>DOTNET_HOST_PATH</c>, the running runtime's host, then PATH.</summary>
    public string? DotNetPath { get; init; }

    /// <summary><c>MicroPromptExampleTimeoutSeconds</c>: the limit for each example.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(SettingsCatalog.ExampleTimeoutSeconds.Default);

    /// <summary>The harness's GC heap limit (<c>DOTNET_GCHeapHardLimit</c>).</summary>
    public long MemoryLimitBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Run the harness on Microsoft.AspNetCore.App as well as Microsoft.NETCore.App (its
    /// <c>MicroPrompt.ExampleHost.aspnetcore.runtimeconfig.json</c>), so examples can load ASP.NET Core types (e.g. start a
    /// Kestrel server). Set when the project references that shared framework (<see cref="AspNetCoreFramework"/>).
    /// </summary>
    public bool AspNetCore { get; init; }

    /// <summary>Implementation assemblies (package and project references) the examples may load at run time.</summary>
    public IReadOnlyList<string> RuntimeReferencePaths { get; init; } = [];

    /// <summary>Parent of the per-build work folder (assemblies, working directories, HOME); null: the temp folder.</summary>
    public string? WorkRoot { get; init; }

    /// <summary>How long a new harness may take to answer its first request.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>MicroPromptSandbox</c>: the jail, process isolation, or the jail where it works (see <see cref="SandboxMode"/>).</summary>
    public SandboxMode Sandbox { get; init; } = SettingsCatalog.Sandbox.Default;

    /// <summary>The <c>bwrap</c> executable; null: <c>MICROPROMPT_BWRAP</c>, then PATH.</summary>
    public string? BubblewrapPath { get; init; }

    /// <summary>The jailed harness's resource limits; null: <see cref="DefaultJailLimits"/>.</summary>
    public JailLimits? JailLimits { get; init; }

    /// <summary>
    /// Stop an item's examples at the first one that fails; the rest are reported failed as not run. For mutation
    /// testing, where one failure decides and a mutant stuck in a loop would otherwise time out every example.
    /// </summary>
    public bool StopAtFirstFailure { get; init; }

    /// <summary>Receives the one warning of a build whose examples cannot run jailed (<c>MP2050</c>).</summary>
    public Action<MicroPromptDiagnostic>? OnDiagnostic { get; init; }

    /// <summary>
    /// CPU time: 30 example time limits (at least a minute) per harness process; address space: what the runtime
    /// reserves for the GC heap limit plus 1 GB (4 GB for the default 512 MB heap); 1024 open files; 1024 tasks (threads).
    /// </summary>
    public JailLimits DefaultJailLimits => new(
        CpuSeconds: (int)Math.Max(60, Timeout.TotalSeconds * 30),
        AddressSpaceBytes: (GcReserveFactor * Math.Max(64L * 1024 * 1024, MemoryLimitBytes)) + RuntimeReserveBytes,
        OpenFiles: 1024,
        Tasks: 1024);

    /// <summary>
    /// The GC reserves (does not commit) about 5.8 times its hard limit of address space (measured: 2.96 GB for 512 MB,
    /// 11.8 GB for 2 GB on .NET 10); 6 times, plus 1 GB for code, thread stacks and mapped assemblies.
    /// </summary>
    internal const long GcReserveFactor = 6;

    internal const long RuntimeReserveBytes = 1L * 1024 * 1024 * 1024;

    private SandboxSelection? _selection;

    /// <summary>The build's one decision (and warning) about the sandbox.</summary>
    internal SandboxSelection Selection => LazyInitializer.EnsureInitialized(ref _selection, () => new SandboxSelection(this));
}
