namespace MicroPrompt.Dependability;

/// <summary>
/// Runs code variants of one item on probe inputs beyond its examples (derived from the contract's parameter types,
/// plus edge cases a model proposes for the spec) in the example sandbox, and compares what they do.
/// </summary>
public interface IProbeComparer
{
    /// <summary>
    /// Runs every sample on the probes; an input on which the samples' outcomes differ is an ambiguity. Fewer than two
    /// samples give none.
    /// </summary>
    Task<IReadOnlyList<Ambiguity>> FindAmbiguitiesAsync(
        ProbeSubject subject, IReadOnlyList<SampleCode> samples, CancellationToken cancellationToken);

    /// <summary>The first probe on which <paramref name="variantCode"/> behaves differently from <paramref name="originalCode"/>; null when none does.</summary>
    Task<ProbeDisagreement?> FindDisagreementAsync(
        ProbeSubject subject, string originalCode, string variantCode, CancellationToken cancellationToken);
}
