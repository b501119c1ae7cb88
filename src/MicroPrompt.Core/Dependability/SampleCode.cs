namespace MicroPrompt.Dependability;

/// <summary>One code variant run on the probes: a dependability sample (1-based number) and its code.</summary>
public sealed record SampleCode(int Sample, string Code);
