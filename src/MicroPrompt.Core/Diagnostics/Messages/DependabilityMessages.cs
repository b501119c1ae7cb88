using System.Globalization;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The texts of the dependability check's diagnostics (MP1060–MP1062, MP3010).</summary>
public static class DependabilityMessages
{
    public static string SamplesInvalid(string source, string? value, int max) =>
        $"{source} is '{value}'; expected a whole number from 0 to {max}: the independent generations per item of a dependability check (0 or empty: no check; 5 is a good start).";

    public static string TemperatureInvalid(string source, string? value, double max) => string.Create(CultureInfo.InvariantCulture,
        $"{source} is '{value}'; expected a number from 0 to {max} with a '.' decimal point (default 0.7: samples are independent draws; 0 makes every sample the same answer).");

    public static string MutantsInvalid(string? value) => $"MicroPromptCheckMutants is '{value}'; expected true or false.";

    public static string MinimumInvalid(string? value) =>
        $"MicroPromptMinDependability is '{value}'; expected a number from 0 to 1 (the least acceptable 95% Wilson lower bound on an item's correct rate, e.g. 0.5).";

    public static string BelowMinimum(string itemPath, int correct, int samples, double lowerBound, double minimum) => string.Create(CultureInfo.InvariantCulture,
        $"'{itemPath}' produced correct code in {correct} of {samples} sample(s): the 95% lower bound on its correct rate is {lowerBound:0.000}, below MicroPromptMinDependability={minimum:0.###}. ")
        + "Pin down what the spec leaves open (see the report's ambiguities and failing samples: add examples, tighten the instructions), or take more samples; docs/dependability.md.";

    public static string NoModel(string itemPath) =>
        $"'{itemPath}' has no model to sample: set MicroPromptModel, the item's Model metadata or the prompt's `model:`.";
}
