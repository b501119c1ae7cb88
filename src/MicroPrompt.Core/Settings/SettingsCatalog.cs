using System.Reflection;

namespace MicroPrompt.Settings;

/// <summary>
/// Every setting of the build, declared once: MSBuild property, task parameter, environment-variable fallback, kind,
/// default, allowed values, the code of a bad value, whether it enters the settings hash (and why not), one doc line.
/// <see cref="ResolutionSettings.Read"/> reads the raw parameters through it; options and records refer to its defaults;
/// tests compare it with <c>MicroPrompt.targets</c> (task attributes, settings hash, fallbacks) and
/// <c>docs/properties.md</c>. To add a property: declare it here (in the file of its area), pass it in
/// <c>_MicroPromptResolve</c>, list it in <c>_MicroPromptWriteSettings</c> or give the reason it stays out, add the row
/// to the docs — the tests say what is missing.
/// </summary>
public static partial class SettingsCatalog
{
    private static readonly Lazy<IReadOnlyList<SettingDefinition>> AllSettings = new(() => typeof(SettingsCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => typeof(SettingDefinition).IsAssignableFrom(f.FieldType))
        .Select(f => (SettingDefinition)f.GetValue(null)!)
        .OrderBy(s => s.Property, StringComparer.Ordinal)
        .ToList());

    /// <summary>Every setting, ordered by property name.</summary>
    public static IReadOnlyList<SettingDefinition> All => AllSettings.Value;

    /// <summary>The setting of an MSBuild property (case-insensitive), or null.</summary>
    public static SettingDefinition? Find(string property)
        => All.FirstOrDefault(s => string.Equals(s.Property, property, StringComparison.OrdinalIgnoreCase));
}
