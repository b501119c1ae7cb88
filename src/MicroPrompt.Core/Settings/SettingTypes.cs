using System.Globalization;
using System.Text.RegularExpressions;
using MicroPrompt.Models;

namespace MicroPrompt.Settings;

/// <summary>The parsers of the catalog's setting kinds (each gets trimmed, non-blank text).</summary>
internal static partial class SettingTypes
{
    public static SettingType<bool> Bool { get; } = new(SettingKind.Bool, "true or false", text => text.ToLowerInvariant() switch
    {
        "true" => (true, true),
        "false" => (true, false),
        _ => (false, false),
    });

    public static SettingType<ItemSelection> Items { get; } = new(
        SettingKind.ItemList,
        "true, false or item names separated by ';'",
        text => (true, text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "*"
            ? new ItemSelection(true, [])
            : text.Equals("false", StringComparison.OrdinalIgnoreCase)
                ? ItemSelection.None
                : new ItemSelection(false, text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    /// <summary>Any text, trimmed (null when blank: the setting's default).</summary>
    public static SettingType<string?> Text { get; } = new(SettingKind.Text, "any text", text => (true, text));

    public static SettingType<string?> Path { get; } = new(SettingKind.Path, "a path (relative to the project folder)", text => (true, text));

    /// <summary>A <c>;</c>-separated list read by its own parser (comparison settings); any text passes here.</summary>
    public static SettingType<string?> List(string allowed) => new(SettingKind.List, allowed, text => (true, text));

    public static SettingType<Uri?> Endpoint { get; } = new(SettingKind.Endpoint, "an absolute http(s) URL", text =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? (true, uri) : (false, null));

    public static SettingType<string> Provider { get; } = new(
        SettingKind.Provider,
        string.Join(", ", ProviderNames.All),
        text => ProviderNames.Normalize(text) is { } name ? (true, name) : (false, ProviderNames.OpenAI));

    /// <summary>The NAME of an environment variable: letters, digits and '_' (a key pasted in by mistake is not one).</summary>
    public static SettingType<string?> VariableName { get; } = new(
        SettingKind.VariableName,
        "the NAME of an environment variable (letters, digits and '_'), e.g. OPENAI_API_KEY, not its value",
        text => VariableNamePattern().IsMatch(text) ? (true, text) : (false, null));

    public static SettingType<int> Int(int min, int max) => new(
        SettingKind.Integer,
        $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
        text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? (true, n) : (false, 0));

    /// <summary>An optional number from <paramref name="min"/> to <paramref name="max"/> with a '.' decimal point.</summary>
    public static SettingType<double?> Number(double min, double max, string example) => new(
        SettingKind.Number,
        $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, e.g. {example}",
        text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? (true, n) : (false, null));

    /// <summary>An optional amount of US dollars ≥ 0.</summary>
    public static SettingType<decimal?> Dollars { get; } = new(
        SettingKind.Number,
        "a number of US dollars ≥ 0, e.g. 0.50",
        text => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0 ? (true, n) : (false, null));

    /// <summary>One of <paramref name="values"/> (their lower-case enum names), any case.</summary>
    public static SettingType<T> Choice<T>(params T[] values)
        where T : struct, Enum
    {
        var names = values.Select(v => v.ToString().ToLowerInvariant()).ToArray();
        var allowed = names.Length == 2 ? $"{names[0]} or {names[1]}" : string.Join(", ", names[..^1]) + " or " + names[^1];
        return new(SettingKind.Choice, allowed, text =>
        {
            var index = Array.IndexOf(names, text.ToLowerInvariant());
            return index < 0 ? (false, values[0]) : (true, values[index]);
        });
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();
}
