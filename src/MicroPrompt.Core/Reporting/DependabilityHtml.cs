using System.Globalization;
using System.Net;
using System.Text;
using MicroPrompt.Dependability;

namespace MicroPrompt.Reporting;

/// <summary>
/// The dependability section of report.html: <c>table#dependability</c> (one row per item, least dependable first),
/// then each item's ambiguities (with the example to paste), surviving mutants and failing samples. All text encoded.
/// </summary>
internal static class DependabilityHtml
{
    public static void Append(StringBuilder html, ReportDependability section)
    {
        html.Append("<h2>Dependability</h2>\n<p class=\"meta\">")
            .Append(E(FormattableString.Invariant($"{section.Samples} sample(s) per item at temperature {section.Temperature:0.##}; {section.NewSamples} new, {section.CachedSamples} cached")))
            .Append(section.MinDependability is { } min ? E(FormattableString.Invariant($"; minimum lower bound {min:0.###}: {section.BelowMinimum.Count} item(s) below")) : "")
            .Append(". The lower bound is the 95% Wilson bound on the correct rate (docs/dependability.md).</p>\n")
            .Append("<table id=\"dependability\">\n<thead><tr><th>Item</th><th>Model</th><th class=\"n\">Correct</th><th class=\"n\">Lower bound</th>")
            .Append("<th class=\"n\">p@1..p@k</th><th class=\"n\">Cost per correct</th><th class=\"n\">Ambiguities</th><th class=\"n\">Example strength</th></tr></thead>\n<tbody>\n");
        foreach (var item in section.Items)
        {
            var below = section.BelowMinimum.Contains(item.Path, StringComparer.Ordinal);
            html.Append("<tr class=\"dependability-item").Append(below ? " below" : "").Append("\" data-path=\"").Append(E(item.Path)).Append("\">")
                .Append("<td>").Append(E(item.Path)).Append("</td><td>").Append(E(item.Model)).Append("</td>")
                .Append(N($"{item.Correct}/{item.Samples}"))
                .Append("<td class=\"n").Append(below ? " m-zero" : "").Append("\">").Append(E(item.LowerBound.ToString("0.000", CultureInfo.InvariantCulture))).Append("</td>")
                .Append(N(string.Join(" / ", item.PassAt.Select(p => p.ToString("0.00", CultureInfo.InvariantCulture)))))
                .Append(N(ReportFormat.Dollars(item.CostPerCorrect)))
                .Append(N(item.Ambiguities.Count.ToString(CultureInfo.InvariantCulture)))
                .Append(N(item.ExampleStrength is { } s ? FormattableString.Invariant($"{s.Score:0.00} ({s.Killed}/{s.Mutants})") : "–"))
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (var item in section.Items.Where(i => i.Ambiguities.Count > 0 || i.ExampleStrength?.Survivors.Count > 0 || i.Failures.Count > 0 || i.Assumptions.Count > 0))
        {
            html.Append("<h3>").Append(E(item.Path)).Append("</h3>\n");
            if (item.Ambiguities.Count > 0)
            {
                html.Append("<div>Ambiguities (correct samples disagree):</div><ul class=\"ambiguities\">");
                foreach (var a in item.Ambiguities)
                {
                    html.Append("<li class=\"ambiguity\"><code>").Append(E(a.Input)).Append("</code>: ")
                        .Append(E(string.Join(", ", a.Outcomes.Select(o => $"{o.Count} sample(s) {o.Outcome}"))))
                        .Append("<br>pin it with: <code>").Append(E(a.SuggestedExample)).Append("</code></li>");
                }

                html.Append("</ul>\n");
            }

            if (item.ExampleStrength is { Survivors.Count: > 0 } strength)
            {
                html.Append("<div>Mutants the examples do not notice:</div><ul class=\"survivors\">");
                foreach (var m in strength.Survivors)
                {
                    html.Append("<li class=\"survivor\">line ").Append(m.Line.ToString(CultureInfo.InvariantCulture)).Append(": <code>")
                        .Append(E(m.Original)).Append("</code> → <code>").Append(E(m.Mutated)).Append("</code> ").Append(E(m.Description))
                        .Append(m.SuggestedExample is null ? "" : "<br>an example that would notice: <code>" + E(m.SuggestedExample) + "</code>").Append("</li>");
                }

                html.Append("</ul>\n");
            }

            ReportHtml.List(html, "Assumptions the model made", item.Assumptions);
            ReportHtml.List(html, "Samples that were not correct", item.Failures);
        }
    }

    private static string N(string text) => "<td class=\"n\">" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
