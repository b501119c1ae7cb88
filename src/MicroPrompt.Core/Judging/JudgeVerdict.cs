namespace MicroPrompt.Judging;

/// <summary>A parsed judge reply: the score 0–1 (null = no score), per-criterion scores, the judge's reason, or why there is no score.</summary>
public sealed record JudgeVerdict(double? Score, IReadOnlyDictionary<string, double?> Criteria, string? Reason, string? Problem);
