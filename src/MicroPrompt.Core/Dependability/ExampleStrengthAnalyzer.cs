using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Mutation;
using MicroPrompt.Verification;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Dependability;

/// <summary>
/// Example strength: the item's resolved code is mutated with Stryker.NET's operators (<see cref="MutantFinder"/>),
/// each mutant is graded as a model's reply would be (compile check, then the item's examples in the sandbox), and
/// the score is detected (killed or timed out) over the mutants that compiled. Each survivor reads
/// <c>your examples do not notice if `a &lt;= b` becomes `a &lt; b` (line 12)</c>; when a probe comparer is given, the
/// first probe input on which the original and the mutant differ becomes its suggested example.
/// </summary>
public sealed class ExampleStrengthAnalyzer : IExampleStrengthAnalyzer
{
    private readonly CodeGenerator _verifier;
    private readonly IProbeComparer? _probes;
    private readonly int _maxMutants;

    /// <param name="checker">Compiles each mutant against the project (the build's compile check).</param>
    /// <param name="examples">Runs each mutant's examples in the sandbox; not disposed here.</param>
    /// <param name="probes">Suggests an example that kills a survivor; null: survivors come without a suggestion.</param>
    /// <param name="maxMutants">At most this many mutants per item, spread evenly over the code; 0: all of them.</param>
    public ExampleStrengthAnalyzer(ICompileChecker checker, IExampleRunner examples, IProbeComparer? probes = null, int maxMutants = 0)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegative(maxMutants);
        _verifier = new CodeGenerator(NoModel, checker, examples: examples);
        _probes = probes;
        _maxMutants = maxMutants;
    }

    /// <inheritdoc />
    /// <exception cref="Diagnostics.MicroPromptException">MP2070: <paramref name="code"/> itself fails its examples.</exception>
    public async Task<ExampleStrength> AnalyzeAsync(ProbeSubject subject, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(code);
        var grader = new PipelineMutantGrader(_verifier, Request(subject));
        var mutants = MutantSelection.Spread(MutantFinder.Find(code), _maxMutants);
        var report = await new MutationTester(grader).RunAsync(subject.ItemPath, code, mutants, cancellationToken).ConfigureAwait(false);

        var survivors = new List<SurvivingMutant>();
        foreach (var survivor in report.Survivors())
        {
            var mutant = survivor.Mutant;
            string? suggestion = null;
            if (_probes is not null)
            {
                var disagreement = await _probes.FindDisagreementAsync(subject, code, mutant.ApplyTo(code), cancellationToken).ConfigureAwait(false);
                suggestion = disagreement?.SuggestedExample;
            }

            survivors.Add(new SurvivingMutant(mutant.Line, mutant.Original, mutant.Mutated, MutationMessages.NotNoticed(mutant), suggestion));
        }

        var valid = report.Valid().Count();
        var detected = report.Valid().Count(r => r.Detected);
        return new ExampleStrength(report.Score(), valid, detected, survivors);
    }

    private static GenerationRequest Request(ProbeSubject subject) => new()
    {
        Prompt = subject.Prompt,
        ItemPath = subject.ItemPath,
        Namespace = subject.Namespace,
        Model = "mutation",
        Project = subject.Project,
        CompanionSources = subject.CompanionSources,
        Uses = subject.UsedNamespaces.Select(ns => new UsedItem("", ns, "")).ToList(),
        Repair = RepairMode.None,
        MaxPasses = 1,
    };

    private static IChatClient NoModel(string model)
        => throw new InvalidOperationException("Example strength never calls a model: it only verifies code.");
}
