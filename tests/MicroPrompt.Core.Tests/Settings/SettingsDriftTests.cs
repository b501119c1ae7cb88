using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MicroPrompt.Core.Tests.Reporting;
using MicroPrompt.Settings;

namespace MicroPrompt.Core.Tests.Settings;

/// <summary>
/// The settings catalog, the targets (task attributes, settings hash, environment fallbacks, defaults) and the docs'
/// property tables say the same thing: none of the three can change alone.
/// </summary>
public sealed partial class SettingsDriftTests
{
    // Task attributes that are not settings: the project's own MSBuild values and the targets' bookkeeping paths.
    private static readonly HashSet<string> NonSettingAttributes = new(StringComparer.Ordinal)
    {
        "Prompts", "ProjectDirectory", "OutputDirectory", "RootNamespace", "TargetFramework", "LangVersion", "Nullable",
        "ImplicitUsings", "OutputType", "DefineConstants", "References", "Sources", "Analyzers", "Usings",
        "RuntimeReferences", "ProjectName", "ListFile", "StampFile", "InputsFile",
    };

    private static readonly Lazy<XDocument> Targets = new(() => XDocument.Load(Path.Combine(ReportSchema.RepoRoot(), "sdk", "MicroPrompt.Sdk", "Sdk", "MicroPrompt.targets")));

    private static IEnumerable<SettingDefinition> TaskSettings => SettingsCatalog.All.Where(s => s.Parameter is not null);

    [Fact]
    public void Every_task_attribute_passes_its_catalog_property_and_every_catalog_setting_is_passed()
    {
        var task = Targets.Value.Descendants("ResolveMicroPrompts").Single();
        var attributes = task.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal);

        var missing = TaskSettings.Where(s => !attributes.TryGetValue(s.Parameter!, out var value) || value != $"$({s.Property})")
            .Select(s => $"{s.Parameter}=\"$({s.Property})\"").ToList();
        var unknown = attributes.Keys.Where(a => !NonSettingAttributes.Contains(a) && TaskSettings.All(s => s.Parameter != a)).ToList();

        Assert.True(missing.Count == 0, "_MicroPromptResolve does not pass: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "task attributes the catalog does not declare: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_settings_hash_lists_exactly_the_catalog_settings_that_enter_it()
    {
        var hashed = Targets.Value.Descendants("_MicroPromptSetting")
            .Select(e => SettingEntry().Match(e.Attribute("Include")!.Value))
            .Where(m => m.Success && m.Groups["a"].Value == m.Groups["b"].Value)
            .Select(m => m.Groups["a"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var wrong = TaskSettings.Where(s => s.InSettingsHash != hashed.Contains(s.Property))
            .Select(s => s.InSettingsHash ? $"{s.Property} is missing from the hash" : $"{s.Property} is hashed, but the catalog says: {s.NotHashedReason}")
            .ToList();
        var unknown = hashed.Where(h => h.Contains("MicroPrompt", StringComparison.Ordinal) && SettingsCatalog.Find(h) is null).ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(unknown.Count == 0, "hashed properties the catalog does not declare: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_targets_set_only_environment_fallbacks_and_computed_defaults()
    {
        var assignments = Targets.Value.Root!.Elements("PropertyGroup").Elements()
            .Where(e => SettingsCatalog.Find(e.Name.LocalName) is not null)
            .Select(e => (Setting: SettingsCatalog.Find(e.Name.LocalName)!, e.Value))
            .ToList();

        var restated = assignments.Where(a => a.Value != $"$({a.Setting.EnvironmentVariable})" && !a.Setting.DefaultFromTargets)
            .Select(a => $"{a.Setting.Property} = '{a.Value}' (the catalog's default is {a.Setting.DefaultText})").ToList();
        var fallbacks = SettingsCatalog.All.Where(s => s.EnvironmentVariable is not null && !s.EnvironmentReadByTask)
            .Where(s => !assignments.Any(a => a.Setting == s && a.Value == $"$({s.EnvironmentVariable})"))
            .Select(s => $"{s.Property} has no fallback to $({s.EnvironmentVariable})").ToList();

        Assert.True(restated.Count == 0, "defaults restated in the targets:\n" + string.Join("\n", restated));
        Assert.True(fallbacks.Count == 0, string.Join("\n", fallbacks));
    }

    [Fact]
    public void The_property_table_in_the_docs_is_the_catalog()
    {
        var rows = TableRows("| property | default | meaning |");
        var expected = SettingsCatalog.All.Where(s => !s.Internal).ToDictionary(s => s.Property, PropertyRow, StringComparer.Ordinal);

        var wrong = expected.Where(e => !rows.TryGetValue(e.Key, out var row) || row != e.Value).Select(e => e.Value).ToList();
        var extra = rows.Keys.Where(k => !expected.ContainsKey(k)).ToList();

        Assert.True(wrong.Count == 0, "docs/properties.md should have these rows:\n" + string.Join("\n", wrong));
        Assert.True(extra.Count == 0, "docs/properties.md documents properties the catalog does not declare: " + string.Join(", ", extra));
    }

    [Fact]
    public void The_docs_say_why_each_setting_stays_out_of_the_hash()
    {
        var rows = TableRows("| property | why it stays out of the settings hash |");
        var expected = SettingsCatalog.All.Where(s => !s.InSettingsHash && !s.Internal)
            .ToDictionary(s => s.Property, s => $"| `{s.Property}` | {s.NotHashedReason} |", StringComparer.Ordinal);

        var wrong = expected.Where(e => !rows.TryGetValue(e.Key, out var row) || row != e.Value).Select(e => e.Value).ToList();
        var extra = rows.Keys.Where(k => !expected.ContainsKey(k)).ToList();

        Assert.True(wrong.Count == 0, "docs/properties.md should have these rows:\n" + string.Join("\n", wrong));
        Assert.True(extra.Count == 0, "listed as outside the hash, but the catalog hashes them: " + string.Join(", ", extra));
    }

    private static string PropertyRow(SettingDefinition s)
    {
        var name = new StringBuilder($"`{s.Property}`");
        if (s.EnvironmentVariable is not null)
        {
            name.Append($" [`{s.EnvironmentVariable}`]");
        }

        return $"| {name} | {s.DefaultText} | {s.Doc} |";
    }

    /// <summary>The rows of the table under <paramref name="header"/> in docs/properties.md, keyed by the property.</summary>
    private static Dictionary<string, string> TableRows(string header)
    {
        var lines = File.ReadAllLines(Path.Combine(ReportSchema.RepoRoot(), "docs", "properties.md"));
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, $"docs/properties.md has no table '{header}'");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .ToDictionary(l => RowProperty().Match(l).Groups[1].Value, l => l, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(?<a>[A-Za-z_]+)=\$\((?<b>[A-Za-z_]+)\)$")]
    private static partial Regex SettingEntry();

    [GeneratedRegex(@"^\| `([A-Za-z_]+)`")]
    private static partial Regex RowProperty();
}
