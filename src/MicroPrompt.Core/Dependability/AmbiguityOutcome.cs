namespace MicroPrompt.Dependability;

/// <summary>
/// One outcome of a probe: the result rendered canonically (<c>"a_b"</c>, <c>42</c>, <c>[1, 2]</c>, <c>null</c>) or
/// <c>throws ArgumentException</c>, and the samples (1-based numbers) that gave it.
/// </summary>
public sealed record AmbiguityOutcome(string Outcome, IReadOnlyList<int> Samples)
{
    public int Count => Samples.Count;
}
