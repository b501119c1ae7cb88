using System.Globalization;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;

namespace MicroPrompt.Comparison;

/// <summary>
/// A model comparison run (<c>MicroPromptModels</c>, <c>MicroPromptSamples</c>, <c>MicroPromptCompareRepair</c>):
/// every item × model × repair mode × sample is generated independently and graded; nothing is resolved.
/// </summary>
public sealed class ComparisonSettings
{
    /// <summary>The largest <c>MicroPromptSamples</c> accepted.</summary>
    public const int MaxSamples = 100;

    /// <summary>The models compared, in the order given (duplicates removed). Overrides per-item pins for the comparison only.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Independent runs per item, model and mode.</summary>
    public int Samples { get; init; } = Settings.SettingsCatalog.Samples.Default;

    /// <summary>The repair modes compared; the first one is the leaderboard's and the by-tag table's.</summary>
    public IReadOnlyList<RepairMode> Modes { get; init; } = [RepairMode.Exec, RepairMode.Review];

    /// <summary><c>MicroPromptMaxPasses</c>: model calls per run at most (p@1..p@MaxPasses).</summary>
    public int MaxPasses { get; init; } = Settings.SettingsCatalog.MaxPasses.Default;

    /// <summary>
    /// <c>MicroPromptCompareTemperature</c>: the sampling temperature of the comparison's generations (0–2). 0, the
    /// default, is what builds use; above it, samples are independent draws. Part of each run's cache key when not 0.
    /// </summary>
    public double Temperature { get; init; }

    /// <summary>
    /// Each item is sampled with its own model (item <c>Model</c> metadata, else the prompt's <c>model:</c>, else
    /// <c>MicroPromptModel</c>) instead of <see cref="Models"/>: what a dependability check does.
    /// </summary>
    public bool ItemModels { get; init; }

    /// <summary>What the runs are for, in messages: <c>comparison</c>, or <c>dependability check</c>.</summary>
    public string Purpose { get; init; } = "comparison";

    /// <summary>Only these items (paths relative to the project) are run; null runs every item.</summary>
    public IReadOnlySet<string>? Items { get; init; }

    /// <summary>The largest temperature accepted (OpenAI's upper bound).</summary>
    public const double MaxTemperature = 2;

    /// <summary>The mode the leaderboard and the by-tag table use: the first listed.</summary>
    public RepairMode LeaderboardMode => Modes[0];

    /// <summary>The lower-case name of a mode as the properties, keys and report spell it.</summary>
    public static string ModeName(RepairMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>
    /// Reads the properties. Returns null when <paramref name="models"/> is blank (no comparison: a normal build), or
    /// when a value is bad — then <paramref name="problems"/> holds an MP1030/MP1031/MP1032/MP1033 error for each.
    /// </summary>
    public static ComparisonSettings? Parse(string? models, string? samples, string? modes, int maxPasses, ICollection<MicroPromptDiagnostic> problems, string? temperature = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(models))
        {
            return null;
        }

        var before = problems.Count;
        var names = models.Split([';', ',']).Select(m => m.Trim()).ToList();
        if (names.Any(n => n.Length == 0))
        {
            problems.Add(ComparisonMessages.ModelEmpty(models));
        }

        var sampleCount = 1;
        if (!string.IsNullOrWhiteSpace(samples)
            && !(int.TryParse(samples.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sampleCount) && sampleCount is >= 1 and <= MaxSamples))
        {
            problems.Add(ComparisonMessages.SamplesInvalid(samples, MaxSamples));
        }

        var temperatureValue = 0.0;
        if (!string.IsNullOrWhiteSpace(temperature)
            && !(double.TryParse(temperature.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out temperatureValue)
                 && temperatureValue is >= 0 and <= MaxTemperature))
        {
            problems.Add(ComparisonMessages.TemperatureInvalid(temperature, MaxTemperature));
        }

        var parsedModes = new List<RepairMode>();
        var modeText = string.IsNullOrWhiteSpace(modes) ? "exec;review" : modes;
        foreach (var raw in modeText.Split([';', ','], StringSplitOptions.TrimEntries))
        {
            RepairMode? mode = raw.ToLowerInvariant() switch
            {
                "exec" => RepairMode.Exec,
                "review" => RepairMode.Review,
                "none" => RepairMode.None,
                _ => null,
            };
            if (mode is null)
            {
                problems.Add(ComparisonMessages.RepairModeUnknown(modes, raw));
            }
            else if (!parsedModes.Contains(mode.Value))
            {
                parsedModes.Add(mode.Value);
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ComparisonSettings
        {
            Models = names.Distinct(StringComparer.Ordinal).ToList(),
            Samples = sampleCount,
            Modes = parsedModes,
            MaxPasses = Math.Max(1, maxPasses),
            Temperature = temperatureValue,
        };
    }
}
