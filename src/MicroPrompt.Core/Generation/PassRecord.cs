namespace MicroPrompt.Generation;

/// <summary>What one generation or repair pass produced (for the report).</summary>
/// <param name="Pass">1-based pass number.</param>
/// <param name="HadCode">Whether a C# file could be taken from the reply.</param>
/// <param name="Compiled">Whether that file compiled.</param>
/// <param name="ErrorCount">Compiler errors (or 1 for a reply without usable code).</param>
public sealed record PassRecord(int Pass, bool HadCode, bool Compiled, int ErrorCount);
