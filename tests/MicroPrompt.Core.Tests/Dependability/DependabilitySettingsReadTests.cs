using MicroPrompt.Diagnostics;
using MicroPrompt.Settings;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>The check's properties become settings in ResolutionSettings.Read, the place the task and the tool share.</summary>
public sealed class DependabilitySettingsReadTests
{
    private static ResolutionParameters Parameters(string? samples, string? temperature = null, string? mutants = null, string? minimum = null) => new()
    {
        ProjectDirectory = Path.GetTempPath(),
        OutputDirectory = Path.Combine(Path.GetTempPath(), "obj"),
        StoreDirectory = Path.Combine(Path.GetTempPath(), ".microprompt"),
        CheckSamples = samples,
        CheckTemperature = temperature,
        CheckMutants = mutants,
        MinDependability = minimum,
    };

    [Fact]
    public void The_check_properties_are_read_with_their_defaults()
    {
        var settings = ResolutionSettings.Read(Parameters("5", minimum: "0.4"));

        Assert.Empty(settings.Problems);
        Assert.Equal((5, 0.7, false), (settings.Dependability!.Samples, settings.Dependability.Temperature, settings.Dependability.Mutants));
        Assert.Equal(0.4, settings.MinDependability);

        var none = ResolutionSettings.Read(Parameters(null));
        Assert.Null(none.Dependability);
        Assert.Null(none.MinDependability);

        var mutants = ResolutionSettings.Read(Parameters("3", "1.2", "true"));
        Assert.Equal((3, 1.2, true), (mutants.Dependability!.Samples, mutants.Dependability.Temperature, mutants.Dependability.Mutants));
    }

    [Fact]
    public void Bad_values_are_MP1060_MP1061_and_MP1062()
    {
        var settings = ResolutionSettings.Read(Parameters("-1", "warm", minimum: "1.01"));

        Assert.Equal(
            [DiagnosticCodes.CheckSamplesInvalid, DiagnosticCodes.CheckTemperatureInvalid, DiagnosticCodes.MinDependabilityInvalid],
            settings.Problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Contains("MicroPromptCheckSamples is '-1'", settings.Problems[0].Message);
        Assert.Null(settings.Dependability);
    }
}
