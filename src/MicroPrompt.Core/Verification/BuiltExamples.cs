namespace MicroPrompt.Verification;

/// <summary>The test assembly of one item, or why there is none.</summary>
/// <param name="AssemblyPath">The emitted assembly, or null when it could not be built.</param>
/// <param name="Forms">How each example was written (Excluded: it does not compile).</param>
/// <param name="NotCompiled">For excluded examples: their compiler errors.</param>
/// <param name="Problem">Why no assembly could be built (errors outside the examples), or null.</param>
internal sealed record BuiltExamples(
    string? AssemblyPath,
    IReadOnlyList<ExampleForm> Forms,
    IReadOnlyDictionary<int, string> NotCompiled,
    string? Problem);
