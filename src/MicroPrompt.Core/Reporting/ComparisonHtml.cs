using System.Globalization;
using System.Net;
using System.Text;

namespace MicroPrompt.Reporting;

/// <summary>
/// The comparison section of <c>report.html</c>: <c>table#comparison-leaderboard</c> (one <c>tr.leader</c> per model),
/// <c>figure#comparison-frontier</c> (the value frontier, see <see cref="ComparisonCharts"/>),
/// <c>table#comparison-repair</c> (one <c>tr.repair</c> per model × mode, a p@k column per pass),
/// <c>figure#comparison-repair-curves</c>,
/// <c>table#comparison-tags</c> (one <c>tr.tag</c> per tag, a column per model), <c>table#comparison-items</c> (one
/// <c>tr.matrix</c> per item, a <c>td.cell</c> per model: correct/runs) and, folded in <c>details#comparison-failures</c>,
/// <c>table#comparison-failed-runs</c> (one <c>tr.failed-run</c> per run that is not correct, with why). Every text is HTML-encoded.
/// </summary>
internal static class ComparisonHtml
{
    public static void Append(StringBuilder html, ReportComparison c)
    {
        html.Append("<h2>Model comparison</h2>\n<p class=\"meta\">").Append(E(string.Join(", ", c.Models))).Append(" · ")
            .Append(c.Samples.ToString(CultureInfo.InvariantCulture)).Append(" sample(s) · repair ").Append(E(string.Join(", ", c.Modes)))
            .Append(" · up to ").Append(c.MaxPasses.ToString(CultureInfo.InvariantCulture)).Append(" pass(es) · temperature ")
            .Append(c.Temperature.ToString("0.###", CultureInfo.InvariantCulture)).Append(" · ")
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
        ComparisonCharts.AppendFrontier(html, c);

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
        ComparisonCharts.AppendRepairCurves(html, c);

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
        AppendItemMatrix(html, c);
        AppendFailedRuns(html, c);
    }

    // table#comparison-items: one tr.matrix per item, one td.cell per model with "correct/runs" (leaderboard mode);
    // the cell's title is the first failure summary of those runs.
    private static void AppendItemMatrix(StringBuilder html, ReportComparison c)
    {
        html.Append("<h3>Correct by item</h3>\n<p class=\"meta\">correct / graded runs of ").Append(E(c.LeaderboardMode))
            .Append(" repair per item and model; R = refused, – = not run; hover a cell for why a run failed</p>\n")
            .Append("<table id=\"comparison-items\">\n<thead><tr><th>Item</th>");
        foreach (var model in c.Models)
        {
            html.Append("<th class=\"n\">").Append(E(model)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in c.ByItem)
        {
            html.Append("<tr class=\"matrix\" data-item=\"").Append(E(row.Item)).Append("\"><td>").Append(E(row.Item)).Append("</td>");
            foreach (var cell in row.Models)
            {
                var kind = cell.Runs == 0 ? "m-none" : cell.Correct == cell.Runs ? "m-all" : cell.Correct == 0 ? "m-zero" : "m-some";
                var text = cell.Runs == 0 ? "–" : $"{I(cell.Correct)}/{I(cell.Runs)}" + (cell.Refused > 0 ? $" R{I(cell.Refused)}" : "");
                var why = c.Runs.FirstOrDefault(r => r.Item == row.Item && r.Model == cell.Model && r.Mode == c.LeaderboardMode && !r.Correct && r.FailureSummary is not null);
                html.Append("<td class=\"n cell ").Append(kind).Append("\" data-model=\"").Append(E(cell.Model)).Append('"');
                if (why is not null)
                {
                    html.Append(" title=\"").Append(E($"{why.FailureCode}: {why.FailureSummary}")).Append('"');
                }

                html.Append('>').Append(E(text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    // details#comparison-failures > table#comparison-failed-runs: one tr.failed-run per run that is not correct (every
    // mode), with its failure code and summary.
    private static void AppendFailedRuns(StringBuilder html, ReportComparison c)
    {
        var failed = c.Runs.Where(r => !r.Correct).ToList();
        html.Append("<details id=\"comparison-failures\"><summary>").Append(I(failed.Count))
            .Append(" run(s) not correct — why</summary>\n<table id=\"comparison-failed-runs\">\n<thead><tr><th>Item</th><th>Model</th><th>Repair</th>")
            .Append("<th class=\"n\">Sample</th><th>Status</th><th>Code</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var r in failed)
        {
            html.Append("<tr class=\"failed-run\" data-item=\"").Append(E(r.Item)).Append("\" data-model=\"").Append(E(r.Model))
                .Append("\" data-mode=\"").Append(E(r.Mode)).Append("\" data-sample=\"").Append(I(r.Sample)).Append("\" data-status=\"").Append(E(r.Status)).Append("\">")
                .Append("<td>").Append(E(r.Item)).Append("</td><td>").Append(E(r.Model)).Append("</td><td>").Append(E(r.Mode)).Append("</td>")
                .Append(N(I(r.Sample))).Append("<td class=\"s-").Append(E(r.Status)).Append("\">").Append(E(r.Status)).Append("</td>")
                .Append("<td>").Append(E(r.FailureCode ?? "–")).Append("</td><td class=\"why\">").Append(E(r.FailureSummary ?? "–")).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</details>\n");
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(string text) => "<td class=\"n\">" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
