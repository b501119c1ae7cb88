namespace MicroPrompt.Dependability;

/// <summary>
/// The first probe input on which two variants of an item's code differ (e.g. its resolved code and a mutant), with
/// the example that would tell them apart (pinning the original's outcome).
/// </summary>
public sealed record ProbeDisagreement(string Input, string OriginalOutcome, string VariantOutcome, string SuggestedExample);
