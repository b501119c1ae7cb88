using System.Globalization;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Dependability;

/// <summary>
/// A dependability check (<c>MicroPromptCheckSamples</c>, <c>dotnet mprompt check --samples N</c>): N independent
/// generations per item with the item's own model, repair mode and passes, each graded as in a build.
/// </summary>
public sealed class DependabilitySettings
{
    /// <summary>The largest number of samples accepted.</summary>
    public const int MaxSamples = 100;

    /// <summary>The default sampling temperature: above 0, so samples are independent draws rather than one answer N times.</summary>
    public const double DefaultTemperature = 0.7;

    /// <summary>The largest temperature accepted (OpenAI's upper bound).</summary>
    public const double MaxTemperature = 2;

    /// <summary>Independent generations per item (≥ 1).</summary>
    public required int Samples { get; init; }

    /// <summary>The sampling temperature of the samples (part of each sample's cache key when not 0).</summary>
    public double Temperature { get; init; } = DefaultTemperature;

    /// <summary>Also measure example strength (mutants of the item's resolved code run against its examples).</summary>
    public bool Mutants { get; init; }

    /// <summary>Only these items (paths relative to the project); null checks every item.</summary>
    public IReadOnlySet<string>? Items { get; init; }

    /// <summary>
    /// Reads the check's values. Returns null when <paramref name="samples"/> is empty or 0 (no check) or a value is bad —
    /// then <paramref name="problems"/> holds MP1060 / MP1061 / MP1005 errors. <paramref name="source"/> names the
    /// property or option in messages.
    /// </summary>
    public static DependabilitySettings? Parse(
        string? samples,
        string? temperature,
        string? mutants,
        ICollection<MicroPromptDiagnostic> problems,
        string samplesSource = "MicroPromptCheckSamples",
        string temperatureSource = "MicroPromptCheckTemperature")
    {
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var count = 0;
        if (!string.IsNullOrWhiteSpace(samples)
            && !(int.TryParse(samples.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 0 and <= MaxSamples))
        {
            problems.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.CheckSamplesInvalid, DependabilityMessages.SamplesInvalid(samplesSource, samples, MaxSamples)));
        }

        var temperatureValue = DefaultTemperature;
        if (!string.IsNullOrWhiteSpace(temperature)
            && !(double.TryParse(temperature.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out temperatureValue)
                 && temperatureValue is >= 0 and <= MaxTemperature))
        {
            problems.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.CheckTemperatureInvalid, DependabilityMessages.TemperatureInvalid(temperatureSource, temperature, MaxTemperature)));
        }

        var withMutants = (mutants ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "false" => false,
            "true" => true,
            _ => Invalid(problems, mutants),
        };

        return problems.Count > before || count == 0
            ? null
            : new DependabilitySettings { Samples = count, Temperature = temperatureValue, Mutants = withMutants };
    }

    /// <summary><c>MicroPromptMinDependability</c>: null when empty; a bad value adds MP1062 to <paramref name="problems"/>.</summary>
    public static double? ParseMinimum(string? value, ICollection<MicroPromptDiagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var min) && min is >= 0 and <= 1)
        {
            return min;
        }

        problems.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.MinDependabilityInvalid, DependabilityMessages.MinimumInvalid(value)));
        return null;
    }

    private static bool Invalid(ICollection<MicroPromptDiagnostic> problems, string? value)
    {
        problems.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty, DependabilityMessages.MutantsInvalid(value)));
        return false;
    }
}
