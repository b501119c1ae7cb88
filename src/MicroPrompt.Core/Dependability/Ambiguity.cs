namespace MicroPrompt.Dependability;

/// <summary>
/// A probe input on which correct samples disagree: the spec and its examples leave the answer open.
/// <see cref="Input"/> is the call or program input as the user would write it (<c>Slug.Make("a_b")</c>);
/// <see cref="SuggestedExample"/> is a ready-to-paste example pinning the majority outcome (a C# expression line for a
/// library, a YAML example block for a program).
/// </summary>
public sealed record Ambiguity(string Input, IReadOnlyList<AmbiguityOutcome> Outcomes, string SuggestedExample);
