using System.Reflection;
using MicroPrompt.Generation;
using MicroPrompt.Verification;

namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>
/// What <c>samples/Bench/Bench.csproj</c> hands the SDK, rebuilt for the tests in ONE place: net10.0, implicit usings,
/// nullable enabled, root namespace <c>Bench</c>, compile references = the framework reference assemblies (including
/// Microsoft.AspNetCore.App, which Bench.Support brings) + MicroPrompt.Bench.Support, run-time references =
/// MicroPrompt.Bench.Support.dll, global usings = Bench.csproj's <c>&lt;Using Include="MicroPrompt.Bench.Support" /&gt;</c>,
/// and the harness runs on Microsoft.AspNetCore.App (the mock services are Kestrel servers), as the task decides for a
/// project that references that framework.
/// </summary>
internal static class BenchProject
{
    public const string RootNamespace = "Bench";

    /// <summary>The project's <c>@(Using)</c> items (global usings), as in Bench.csproj.</summary>
    public static IReadOnlyList<GlobalUsing> GlobalUsings { get; } = [new("MicroPrompt.Bench.Support")];

    /// <summary>The harness built beside the tests (MicroPrompt.ExampleHost.dll).</summary>
    public static string HostAssemblyPath { get; } = typeof(BenchProject).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ExampleHostPath").Value!;

    /// <summary>Framework reference assemblies + Bench.Support, written at build time by the csproj (bench-references.txt).</summary>
    public static IReadOnlyList<string> ReferencePaths { get; } = ReadReferences();

    /// <summary>The implementation assembly the examples load at run time (the project reference's output).</summary>
    public static IReadOnlyList<string> RuntimeReferencePaths { get; } =
        [Path.Combine(AppContext.BaseDirectory, "MicroPrompt.Bench.Support.dll")];

    /// <summary>An empty project directory: the tasks are compiled alone, as the SDK does for the first item it generates.</summary>
    public static ProjectContext Context(string projectDirectory) => new()
    {
        ProjectDirectory = projectDirectory,
        RootNamespace = RootNamespace,
        TargetFramework = "net10.0",
        Nullable = "enable",
        ImplicitUsings = true,
        GlobalUsings = GlobalUsings,
        ReferencePaths = ReferencePaths,
        SourceFiles = [],
    };

    public static ExampleRunnerOptions RunnerOptions(string workRoot, bool aspNetCore = true, TimeSpan? timeout = null, bool stopAtFirstFailure = false, MicroPrompt.Verification.Jail.JailLimits? jailLimits = null) => new()
    {
        HostAssemblyPath = HostAssemblyPath,
        // The first mutual-TLS example in a fresh harness warms up Kestrel and TLS (about 7 s on a loaded 2-core machine).
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
        StopAtFirstFailure = stopAtFirstFailure,
        JailLimits = jailLimits,
        AspNetCore = aspNetCore,
        RuntimeReferencePaths = RuntimeReferencePaths,
        WorkRoot = workRoot,
        // The suite grades inside the jail (CI installs bubblewrap): the mock services, mutual TLS included, run on the
        // jail's own loopback. Without bubblewrap every task fails with MP2051 instead of silently running unjailed.
        Sandbox = OperatingSystem.IsLinux() ? MicroPrompt.Verification.Jail.SandboxMode.Jail : MicroPrompt.Verification.Jail.SandboxMode.Auto,
    };

    private static List<string> ReadReferences()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "bench-references.txt");
        var paths = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
        if (!paths.Any(p => Path.GetFileName(p) == "System.Runtime.dll")
            || !paths.Any(p => Path.GetFileName(p) == "Microsoft.AspNetCore.Http.Abstractions.dll")
            || !paths.Any(p => Path.GetFileName(p) == "MicroPrompt.Bench.Support.dll"))
        {
            throw new InvalidOperationException($"{file} lacks the framework or Bench.Support references: rebuild the test project.");
        }

        return paths;
    }
}
