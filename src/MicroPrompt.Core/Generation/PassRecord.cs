namespace MicroPrompt.Generation;

/// <summary>What one generation, repair or self-review pass produced (for the report).</summary>
/// <param name="Pass">1-based pass number (model call).</param>
/// <param name="HadCode">Whether a C# file could be taken from the reply.</param>
/// <param name="Compiled">Whether that file compiled.</param>
/// <param name="ErrorCount">Compiler errors (or 1 for a reply without usable code).</param>
/// <param name="ExamplesPassed">Examples that passed (0 when they did not run).</param>
/// <param name="ExamplesTotal">Examples run (0 when the code did not compile, or there are none).</param>
/// <param name="IsReview">Whether this was a <c>review: N</c> self-review pass after the code was correct.</param>
public sealed record PassRecord(
    int Pass,
    bool HadCode,
    bool Compiled,
    int ErrorCount,
    int ExamplesPassed = 0,
    int ExamplesTotal = 0,
    bool IsReview = false);
