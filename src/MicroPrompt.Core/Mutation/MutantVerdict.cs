namespace MicroPrompt.Mutation;

/// <summary>How one code variant fared: its status and, when it did not survive, why (the failing example, the compile error).</summary>
public sealed record MutantVerdict(MutantStatus Status, string? Detail = null);
