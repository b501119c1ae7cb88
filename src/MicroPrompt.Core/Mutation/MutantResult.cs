namespace MicroPrompt.Mutation;

/// <summary>A mutant and how grading it went.</summary>
public sealed record MutantResult(Mutant Mutant, MutantStatus Status, string? Detail)
{
    /// <summary>Killed or timed out: the examples notice the change.</summary>
    public bool Detected => Status is MutantStatus.Killed or MutantStatus.Timeout;
}
