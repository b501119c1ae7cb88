using MicroPrompt.Diagnostics;
using MicroPrompt.Mutation;

namespace MicroPrompt.Core.Tests.Mutation;

/// <summary>The tester's order, baseline, warm-up after a timeout and score, with a grader that answers from a script.</summary>
public sealed class MutationTesterTests
{
    private const string Code = """
        namespace Acme;

        public static class C
        {
            public static bool F(int a) => a <= 10 && a > 0;
        }
        """;

    [Fact]
    public async Task Each_mutant_is_graded_once_in_order_and_scored_without_compile_errors_and_equivalents()
    {
        var mutants = MutantFinder.Find(Code);
        var grader = new ScriptedGrader(Code, mutants, m => m.Id switch
        {
            1 => MutantStatus.Survived,
            2 => MutantStatus.CompileError,
            3 => MutantStatus.Timeout,
            _ => MutantStatus.Killed,
        });

        var report = await new MutationTester(grader).RunAsync("C.mprompt", Code, mutants, CancellationToken.None);

        Assert.Equal(mutants, report.Results.Select(r => r.Mutant));
        Assert.Equal((1, 1, 1), (report.Survived, report.CompileErrors, report.Timeouts));
        Assert.Equal(mutants.Count - 3, report.Killed);
        var valid = mutants.Count - 1;
        Assert.Equal((double)(valid - 1) / valid, report.Score(), 6);
        Assert.Equal(1.0, report.Score(new HashSet<string> { mutants[0].Key }), 6);
        Assert.Equal([mutants[0]], report.Survivors().Select(r => r.Mutant));
        // The baseline first, every mutant once, and the baseline again right after the timeout (a warm harness).
        Assert.Equal(["original", "#1", "#2", "#3", "original", .. mutants.Skip(3).Select(m => "#" + m.Id)], grader.Graded);
    }

    [Fact]
    public async Task Code_that_fails_its_own_examples_is_MP2070()
    {
        var grader = new ScriptedGrader(Code, [], _ => MutantStatus.Killed, baseline: MutantStatus.Killed);

        var error = await Assert.ThrowsAsync<MicroPromptException>(() => new MutationTester(grader).RunAsync("Rules/C.mprompt", Code, MutantFinder.Find(Code), CancellationToken.None));

        Assert.Equal(DiagnosticCodes.MutationBaselineFailed, error.Diagnostic.Code);
        Assert.Equal("Rules/C.mprompt: example strength cannot be measured: the code itself fails its examples (example 1 failed). "
            + "Make the item pass its examples first (dotnet build), then run the check again.", error.Diagnostic.Message);
    }

    [Fact]
    public void Slices_are_stable_disjoint_and_cover_every_mutant_and_spread_keeps_order()
    {
        var mutants = MutantFinder.Find(Code);

        var slices = Enumerable.Range(0, 3).Select(i => MutantSelection.Slice(mutants, i, 3)).ToList();

        Assert.Equal(mutants.Count, slices.Sum(s => s.Count));
        Assert.Equal(mutants.OrderBy(m => m.Id), slices.SelectMany(s => s).OrderBy(m => m.Id));
        Assert.Equal(slices[1], MutantSelection.Slice(MutantFinder.Find("// moved\n" + Code), 1, 3).Select(m => mutants.Single(o => o.Key == m.Key)));
        Assert.Equal([mutants[0], mutants[mutants.Count / 2]], MutantSelection.Spread(mutants, 2));
        Assert.Same(mutants, MutantSelection.Spread(mutants, 0));
    }

    /// <summary>Answers for the original and for each mutant's code; records what it was asked, in order.</summary>
    private sealed class ScriptedGrader(string original, IReadOnlyList<Mutant> mutants, Func<Mutant, MutantStatus> answer, MutantStatus baseline = MutantStatus.Survived) : IMutantGrader
    {
        public List<string> Graded { get; } = [];

        public Task<MutantVerdict> GradeAsync(string code, CancellationToken cancellationToken)
        {
            if (code == original)
            {
                Graded.Add("original");
                return Task.FromResult(new MutantVerdict(baseline, baseline == MutantStatus.Survived ? null : "example 1 failed"));
            }

            var mutant = mutants.Single(m => m.ApplyTo(original) == code);
            Graded.Add("#" + mutant.Id);
            return Task.FromResult(new MutantVerdict(answer(mutant)));
        }
    }
}
