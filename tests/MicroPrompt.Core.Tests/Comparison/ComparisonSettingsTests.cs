using MicroPrompt.Comparison;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;

namespace MicroPrompt.Core.Tests.Comparison;

public sealed class ComparisonSettingsTests
{
    [Fact]
    public void Blank_models_mean_a_normal_build()
    {
        var problems = new List<MicroPromptDiagnostic>();
        Assert.Null(ComparisonSettings.Parse("  ", "3", "exec", 3, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Models_samples_and_modes_are_read_with_defaults()
    {
        var problems = new List<MicroPromptDiagnostic>();
        var settings = ComparisonSettings.Parse(" a; b ;a;c ", null, null, 4, problems);
        Assert.Empty(problems);
        Assert.NotNull(settings);
        Assert.Equal(["a", "b", "c"], settings.Models);
        Assert.Equal(1, settings.Samples);
        Assert.Equal([RepairMode.Exec, RepairMode.Review], settings.Modes);
        Assert.Equal(RepairMode.Exec, settings.LeaderboardMode);
        Assert.Equal(4, settings.MaxPasses);

        settings = ComparisonSettings.Parse("a", "100", "review;exec", 3, problems);
        Assert.Equal(100, settings!.Samples);
        Assert.Equal(RepairMode.Review, settings.LeaderboardMode);
    }

    [Theory]
    [InlineData("a;;b", null, null, DiagnosticCodes.ComparisonModelEmpty)]
    [InlineData(";", null, null, DiagnosticCodes.ComparisonModelEmpty)]
    [InlineData("a", "0", null, DiagnosticCodes.ComparisonSamplesInvalid)]
    [InlineData("a", "101", null, DiagnosticCodes.ComparisonSamplesInvalid)]
    [InlineData("a", "three", null, DiagnosticCodes.ComparisonSamplesInvalid)]
    [InlineData("a", "-2", null, DiagnosticCodes.ComparisonSamplesInvalid)]
    [InlineData("a", null, "exec;fast", DiagnosticCodes.ComparisonRepairModeUnknown)]
    public void Bad_values_are_clear_errors(string models, string? samples, string? modes, string code)
    {
        var problems = new List<MicroPromptDiagnostic>();
        Assert.Null(ComparisonSettings.Parse(models, samples, modes, 3, problems));
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Contains(code == DiagnosticCodes.ComparisonModelEmpty ? "MicroPromptModels" : code == DiagnosticCodes.ComparisonSamplesInvalid ? "MicroPromptSamples" : "'fast'", problem.Message);
    }

    [Theory]
    [InlineData(null, 0.0)]
    [InlineData("", 0.0)]
    [InlineData("0.7", 0.7)]
    [InlineData(" 2 ", 2.0)]
    public void Temperature_defaults_to_the_builds_zero_and_takes_a_number_up_to_two(string? text, double expected)
    {
        var problems = new List<MicroPromptDiagnostic>();
        var settings = ComparisonSettings.Parse("a", null, null, 3, problems, text);
        Assert.Empty(problems);
        Assert.Equal(expected, settings!.Temperature);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("-0.1")]
    [InlineData("warm")]
    [InlineData("0,7")]
    public void A_bad_temperature_is_MP1033(string text)
    {
        var problems = new List<MicroPromptDiagnostic>();
        Assert.Null(ComparisonSettings.Parse("a", null, null, 3, problems, text));
        var problem = Assert.Single(problems);
        Assert.Equal(DiagnosticCodes.ComparisonTemperatureInvalid, problem.Code);
        Assert.Contains("MicroPromptCompareTemperature", problem.Message);
    }
}
