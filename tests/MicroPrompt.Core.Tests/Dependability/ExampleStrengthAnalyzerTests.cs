using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Dependability;
using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>Example strength on a real item: its mutants compile with Roslyn and run against its examples in the harness.</summary>
public sealed class ExampleStrengthAnalyzerTests : IDisposable
{
    private const string Code = """
        namespace Acme.Rules;

        public static class Age
        {
            public static bool IsAdult(int age) => age >= 18;
        }
        """;

    // The examples never try 18 itself: the boundary is not pinned down.
    private const string Prompt = """
        # Adult

        Whether a person of this age is an adult: 18 or older.

        ## Examples
        ```csharp
        Age.IsAdult(30) == true
        ```
        ```csharp
        Age.IsAdult(5) == false
        ```
        """;

    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Examples_that_miss_a_boundary_let_its_mutant_survive_with_a_suggested_example()
    {
        using var runner = new ExampleRunner(Options());
        var probes = new FakeProbes(new ProbeDisagreement("Age.IsAdult(18)", "true", "false", "Age.IsAdult(18) == true"));
        var analyzer = new ExampleStrengthAnalyzer(Checker, runner, probes);

        var strength = await analyzer.AnalyzeAsync(Subject(), Code, CancellationToken.None);

        // age >= 18 → age > 18 survives; age >= 18 → age < 18 is killed by both examples.
        Assert.Equal((2, 1, 0.5), (strength.Mutants, strength.Killed, strength.Score));
        var survivor = Assert.Single(strength.Survivors);
        Assert.Equal(new SurvivingMutant(5, "age >= 18", "age > 18", "your examples do not notice if `age >= 18` becomes `age > 18` (line 5)", "Age.IsAdult(18) == true"), survivor);
        var asked = Assert.Single(probes.Asked);
        Assert.Equal(Code, asked.Original);
        Assert.Contains("=> age > 18;", asked.Variant, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_probe_comparer_survivors_have_no_suggestion_and_a_boundary_example_kills_the_mutant()
    {
        using var runner = new ExampleRunner(Options());
        var analyzer = new ExampleStrengthAnalyzer(Checker, runner);

        var weak = await analyzer.AnalyzeAsync(Subject(), Code, CancellationToken.None);
        var strong = await analyzer.AnalyzeAsync(Subject(Prompt + "\n```csharp\nAge.IsAdult(18) == true\n```\n"), Code, CancellationToken.None);

        Assert.Null(Assert.Single(weak.Survivors).SuggestedExample);
        Assert.Equal((2, 2, 1.0), (strong.Mutants, strong.Killed, strong.Score));
        Assert.Empty(strong.Survivors);
    }

    [Fact]
    public async Task Code_that_fails_its_own_examples_cannot_be_measured_MP2070()
    {
        using var runner = new ExampleRunner(Options());
        var analyzer = new ExampleStrengthAnalyzer(Checker, runner);

        var error = await Assert.ThrowsAsync<MicroPromptException>(
            () => analyzer.AnalyzeAsync(Subject(), Code.Replace(">= 18", "> 40", StringComparison.Ordinal), CancellationToken.None));

        Assert.Equal(DiagnosticCodes.MutationBaselineFailed, error.Diagnostic.Code);
        Assert.StartsWith("Rules/Adult.mprompt: example strength cannot be measured: the code itself fails its examples (example at line 7:", error.Diagnostic.Message);
    }

    private ProbeSubject Subject(string prompt = Prompt)
    {
        var path = Path.Combine(_project.Directory, "Rules", "Adult.mprompt");
        var parsed = PromptParser.Parse(path, prompt);
        Assert.True(parsed.Success, string.Join("; ", parsed.Diagnostics));
        return new ProbeSubject { ItemPath = "Rules/Adult.mprompt", Prompt = parsed.Document!, Namespace = "Acme.Rules", Project = _project.Context() };
    }

    private sealed class FakeProbes(ProbeDisagreement disagreement) : IProbeComparer
    {
        public List<(string Original, string Variant)> Asked { get; } = [];

        public Task<IReadOnlyList<Ambiguity>> FindAmbiguitiesAsync(ProbeSubject subject, IReadOnlyList<SampleCode> samples, CancellationToken cancellationToken)
            => throw new NotSupportedException("example strength only compares an original with a mutant");

        public Task<ProbeDisagreement?> FindDisagreementAsync(ProbeSubject subject, string originalCode, string variantCode, CancellationToken cancellationToken)
        {
            Asked.Add((originalCode, variantCode));
            return Task.FromResult<ProbeDisagreement?>(disagreement);
        }
    }
}
