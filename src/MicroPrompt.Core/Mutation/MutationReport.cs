namespace MicroPrompt.Mutation;

/// <summary>
/// The mutants of one piece of code and how each fared. The score is Stryker.NET's: detected (killed + timeout) over
/// the valid mutants (all but compile errors and the ones marked equivalent); 1 when there is none.
/// </summary>
public sealed record MutationReport(IReadOnlyList<MutantResult> Results)
{
    public int Mutants => Results.Count;

    public int Killed => Count(MutantStatus.Killed);

    public int Survived => Count(MutantStatus.Survived);

    public int CompileErrors => Count(MutantStatus.CompileError);

    public int Timeouts => Count(MutantStatus.Timeout);

    /// <summary>The score with the mutants whose <see cref="Mutant.Key"/> is in <paramref name="equivalent"/> left out.</summary>
    public double Score(IReadOnlySet<string>? equivalent = null)
    {
        var valid = Valid(equivalent).ToList();
        return valid.Count == 0 ? 1.0 : (double)valid.Count(r => r.Detected) / valid.Count;
    }

    /// <summary>Mutants that compiled and are not marked equivalent: the denominator of the score.</summary>
    public IEnumerable<MutantResult> Valid(IReadOnlySet<string>? equivalent = null) => Results.Where(r =>
        r.Status != MutantStatus.CompileError && (equivalent is null || !equivalent.Contains(r.Mutant.Key)));

    /// <summary>Survivors not marked equivalent, in mutant order.</summary>
    public IEnumerable<MutantResult> Survivors(IReadOnlySet<string>? equivalent = null)
        => Valid(equivalent).Where(r => r.Status == MutantStatus.Survived);

    private int Count(MutantStatus status) => Results.Count(r => r.Status == status);
}
