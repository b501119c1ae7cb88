using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Mutation;

/// <summary>
/// Grades an item's mutants one at a time, in order: first the unmutated code (it must pass, or there is nothing to
/// measure: MP2070), then each mutant. After a mutant that timed out (its harness was killed) the unmutated code runs
/// once more, so the next mutant starts on a warm harness and is not timed out by the restart itself.
/// </summary>
public sealed class MutationTester(IMutantGrader grader)
{
    private readonly IMutantGrader _grader = grader ?? throw new ArgumentNullException(nameof(grader));

    /// <summary>Receives each result as it is graded (progress output of long runs); may be null.</summary>
    public Action<MutantResult>? OnResult { get; init; }

    /// <summary>Grades <paramref name="mutants"/> of <paramref name="code"/> (all of <see cref="MutantFinder.Find"/>, or a selection).</summary>
    /// <param name="itemPath">The item, for the MP2070 message.</param>
    /// <exception cref="MicroPromptException">MP2070: the unmutated code does not compile or fails its examples.</exception>
    public async Task<MutationReport> RunAsync(string itemPath, string code, IReadOnlyList<Mutant> mutants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(mutants);
        var baseline = await _grader.GradeAsync(code, cancellationToken).ConfigureAwait(false);
        if (baseline.Status != MutantStatus.Survived)
        {
            throw new MicroPromptException(MutationMessages.BaselineFails(itemPath, baseline));
        }

        var results = new List<MutantResult>(mutants.Count);
        foreach (var mutant in mutants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var verdict = await _grader.GradeAsync(mutant.ApplyTo(code), cancellationToken).ConfigureAwait(false);
            var result = new MutantResult(mutant, verdict.Status, verdict.Detail);
            results.Add(result);
            OnResult?.Invoke(result);
            if (verdict.Status == MutantStatus.Timeout)
            {
                await _grader.GradeAsync(code, cancellationToken).ConfigureAwait(false);
            }
        }

        return new MutationReport(results);
    }
}
