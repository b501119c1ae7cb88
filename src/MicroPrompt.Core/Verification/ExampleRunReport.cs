namespace MicroPrompt.Verification;

/// <summary>What running an item's examples gave, in example order.</summary>
public sealed class ExampleRunReport
{
    public static readonly ExampleRunReport Empty = new() { Results = [] };

    public required IReadOnlyList<ExampleResult> Results { get; init; }

    /// <summary>The sandbox the examples ran in; null when none ran (e.g. the test assembly did not compile).</summary>
    public Jail.SandboxKind? Sandbox { get; init; }

    /// <summary>Time the harness spent running these examples (not compiling them, not starting a harness).</summary>
    public TimeSpan RunTime { get; init; }

    public int Total => Results.Count;

    public int Passed => Results.Count(r => r.Passed);

    public bool AllPassed => Results.All(r => r.Passed);

    public IEnumerable<ExampleResult> Failures => Results.Where(r => !r.Passed);
}
