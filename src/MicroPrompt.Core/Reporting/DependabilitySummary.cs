using System.Globalization;
using MicroPrompt.Dependability;

namespace MicroPrompt.Reporting;

/// <summary>The console lines of a dependability check: what ran, then the least dependable items first.</summary>
public static class DependabilitySummary
{
    private const int MaxItems = 8;

    public static IReadOnlyList<string> Lines(ReportDependability section, int maxItems = MaxItems)
    {
        ArgumentNullException.ThrowIfNull(section);
        var lines = new List<string>
        {
            FormattableString.Invariant($"MicroPrompt dependability: {section.Items.Count} item(s) × {section.Samples} sample(s) at temperature {section.Temperature:0.##}: {section.NewSamples} new sample(s), {section.CachedSamples} cached")
                + (section.MinDependability is { } min ? FormattableString.Invariant($"; minimum {min:0.###}, {section.BelowMinimum.Count} below.") : "."),
        };
        foreach (var item in section.Items.Take(maxItems))
        {
            lines.Add("  " + Line(item));
        }

        if (section.Items.Count > maxItems)
        {
            lines.Add($"  … and {section.Items.Count - maxItems} more (report.json).");
        }

        return lines;
    }

    /// <summary><c>Text/Slug.mprompt: 4/5 correct, lower bound 0.376, p@1..p@2 0.80/0.80, $0.0010 per correct, 1 ambiguity</c>.</summary>
    public static string Line(DependabilityItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var passAt = string.Join("/", item.PassAt.Select(p => p.ToString("0.00", CultureInfo.InvariantCulture)));
        return FormattableString.Invariant($"{item.Path}: {item.Correct}/{item.Samples} correct, lower bound {item.LowerBound:0.000}, p@1..p@{item.PassAt.Count} {passAt}, ")
            + $"{ReportFormat.Dollars(item.CostPerCorrect)} per correct, {item.Ambiguities.Count} ambiguit{(item.Ambiguities.Count == 1 ? "y" : "ies")}"
            + (item.ExampleStrength is { } s ? FormattableString.Invariant($", example strength {s.Score:0.00} ({s.Killed}/{s.Mutants} mutants killed)") : "")
            + (item.NotRun > 0 ? $", {item.NotRun} not run" : "");
    }
}
