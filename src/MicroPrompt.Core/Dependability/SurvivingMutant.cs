namespace MicroPrompt.Dependability;

/// <summary>
/// A mutant the examples did not kill: <c>your examples do not notice if `a &lt;= b` becomes `a &lt; b` (line 12)</c>.
/// <see cref="Line"/> is 1-based in the item's code; <see cref="SuggestedExample"/> (when a probe tells the two apart)
/// is an example that would kill it.
/// </summary>
public sealed record SurvivingMutant(int Line, string Original, string Mutated, string Description, string? SuggestedExample);
