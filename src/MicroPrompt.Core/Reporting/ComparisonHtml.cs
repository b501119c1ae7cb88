using System.Globalization;
using System.Net;
using System.Text;

namespace MicroPrompt.Reporting;

/// <summary>
/// The comparison section of <c>report.html</c>: three tables — <c>table#comparison-leaderboard</c> (one
/// <c>tr.leader</c> per model), <c>table#comparison-repair</c> (one <c>tr.repair</c> per model × mode, a p@k column per
/// pass) and <c>table#comparison-tags</c> (one <c>tr.tag</c> per tag, a column per model). Every text is HTML-encoded.
/// </summary>
internal static class ComparisonHtml
{
    public static void Append(StringBuilder html, ReportComparison c)
    {
        html.Append("<h2>Model comparison</h2>\n<p class=\"meta\">").Append(E(string.Join(", ", c.Models))).Append(" · ")
            .Append(c.Samples.ToString(CultureInfo.InvariantCulture)).Append(" sample(s) · repair ").Append(E(string.Join(", ", c.Modes)))
            .Append(" · up to ").Append(c.MaxPasses.ToString(CultureInfo.InvariantCulture)).Append(" pass(es) · ")
            .Append(c.NewRuns.ToString(CultureInfo.InvariantCulture)).Append(" new run(s), ").Append(c.CachedRuns.ToString(CultureInfo.InvariantCulture))
            .Append(" cached · leaderboard and tags count ").Append(E(c.LeaderboardMode)).Append(" repair</p>\n");

        html.Append("<h3>Leaderboard</h3>\n<table id=\"comparison-leaderboard\">\n<thead><tr><th>Model</th><th class=\"n\">Runs</th><th class=\"n\">Correct %</th>")
            .Append("<th class=\"n\">Refused</th><th class=\"n\">Failed</th><th class=\"n\">Not run</th><th class=\"n\">Judge</th><th class=\"n\">Cost</th><th class=\"n\">Cost per correct</th></tr></thead>\n<tbody>\n");
        foreach (var m in c.Leaderboard)
        {
            html.Append("<tr class=\"leader\" data-model=\"").Append(E(m.Model)).Append("\"><td>").Append(E(m.Model)).Append("</td>")
                .Append(N(I(m.Runs))).Append(N(ReportFormat.Percent(m.CorrectPercent))).Append(N(I(m.Refused))).Append(N(I(m.Failed))).Append(N(I(m.NotRun)))
                .Append(N(ReportFormat.Score(m.JudgeMean))).Append(N(ReportFormat.Dollars(m.CostUsd))).Append(N(ReportFormat.Dollars(m.CostPerCorrectUsd)))
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");

        html.Append("<h3>Repair study</h3>\n<table id=\"comparison-repair\">\n<thead><tr><th>Model</th><th>Repair</th><th class=\"n\">Runs</th>");
        for (var k = 1; k <= c.MaxPasses; k++)
        {
            html.Append("<th class=\"n\">p@").Append(k.ToString(CultureInfo.InvariantCulture)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in c.RepairStudy)
        {
            html.Append("<tr class=\"repair\" data-model=\"").Append(E(r.Model)).Append("\" data-mode=\"").Append(E(r.Mode)).Append("\"><td>")
                .Append(E(r.Model)).Append("</td><td>").Append(E(r.Mode)).Append("</td>").Append(N(I(r.Runs)));
            foreach (var p in r.PassAt)
            {
                html.Append(N(ReportFormat.Percent(p)));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");

        html.Append("<h3>Correct by tag</h3>\n<table id=\"comparison-tags\">\n<thead><tr><th>Tag</th><th class=\"n\">Items</th>");
        foreach (var model in c.Models)
        {
            html.Append("<th class=\"n\">").Append(E(model)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var t in c.ByTag)
        {
            html.Append("<tr class=\"tag\" data-tag=\"").Append(E(t.Tag)).Append("\"><td>").Append(E(t.Tag)).Append("</td>").Append(N(I(t.Items)));
            foreach (var cell in t.Models)
            {
                html.Append(N(cell.Runs == 0 ? "–" : ReportFormat.Percent(cell.CorrectPercent)));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(string text) => "<td class=\"n\">" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
