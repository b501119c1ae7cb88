using MicroPrompt.Dependability;
using MicroPrompt.Settings;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>What a check uses beyond the grades, for the build's settings: probes in the example sandbox, mutants on request.</summary>
public sealed class DependabilityAnalyzersTests
{
    private static ResolutionSettings Settings(string runExamples, string locked) => ResolutionSettings.Read(new ResolutionParameters
    {
        ProjectDirectory = Path.GetTempPath(),
        OutputDirectory = Path.Combine(Path.GetTempPath(), "obj"),
        StoreDirectory = Path.Combine(Path.GetTempPath(), ".microprompt"),
        Model = "m",
        Endpoint = "http://127.0.0.1:9/v1",
        RunExamples = runExamples,
        Locked = locked,
        CheckSamples = "3",
    });

    [Fact]
    public void A_check_runs_probes_and_with_mutants_measures_example_strength()
    {
        using var plain = DependabilityRun.Analyzers(Settings("true", "true"));
        Assert.IsType<MicroPrompt.Dependability.Probes.ProbeComparer>(plain.Probes);
        Assert.Null(plain.ExampleStrength);

        using var mutants = DependabilityRun.Analyzers(Settings("true", "false"), mutants: true);
        Assert.NotNull(mutants.Probes);
        Assert.IsType<ExampleStrengthAnalyzer>(mutants.ExampleStrength);
    }

    [Fact]
    public void Without_examples_nothing_runs_beyond_the_grades()
    {
        using var none = DependabilityRun.Analyzers(Settings("false", "true"), mutants: true);
        Assert.Null(none.Probes);
        Assert.Null(none.ExampleStrength);
    }
}
