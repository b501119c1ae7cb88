using System.Globalization;
using System.Net;
using System.Text;

namespace MicroPrompt.Reporting;

/// <summary>
/// Renders <c>report.html</c>: one self-contained page (inline CSS, no script, nothing fetched) with the totals, the
/// per-model leaderboard and the per-item table (<c>table#items</c>, exactly one body row per item) whose last cell
/// expands to the item's code, findings and problems. Every text from the build — paths, model ids, messages and the
/// untrusted generated code — is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1b1f24;background:#fff}
        h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}
        .meta{color:#57606a;margin:0 0 1rem}
        table{border-collapse:collapse;width:100%;margin:.25rem 0}
        th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .s-generated,.s-resolved,.s-cached{color:#1a7f37}.s-failed{color:#cf222e}.s-refused{color:#9a6700}.s-skipped{color:#57606a}
        pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:28rem;font:12px/1.4 ui-monospace,Consolas,monospace}
        ul{margin:.25rem 0 .5rem 1.2rem;padding:0}summary{cursor:pointer;color:#0969da}
        .cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .8rem;min-width:8rem}
        .card b{display:block;font-size:1.2rem}
        figure.chart{margin:.5rem 0 1rem}figure.chart svg{max-width:100%;height:auto;border:1px solid #d0d7de;border-radius:6px}
        figure.chart figcaption{color:#57606a;font-size:12px;max-width:720px;margin-top:.3rem}
        @media print{figure.chart{break-inside:avoid}figure.chart svg{border-color:#999}}
        td.m-all{color:#1a7f37}td.m-some{color:#9a6700;font-weight:600}td.m-zero{color:#cf222e;font-weight:600}td.m-none{color:#57606a}td.why{font-size:12px}
        """;

    public static string Render(BuildReport report) => Build(report).ToString();

    /// <summary>
    /// The page as a <see cref="StringBuilder"/>, whose chunks stay below the large-object threshold: the writer streams
    /// them to the file instead of making the page one string (at 100 items already a large object, issue #15).
    /// </summary>
    internal static StringBuilder Build(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>MicroPrompt report — ").Append(E(report.Project)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<h1>MicroPrompt report — ").Append(E(report.Project)).Append("</h1>\n<p class=\"meta\">")
            .Append(E(report.Generator)).Append(' ').Append(E(report.GeneratorVersion)).Append(" · ")
            .Append(E(report.CreatedAt.ToString("u", CultureInfo.InvariantCulture))).Append(" · provider ").Append(E(report.Provider ?? "–"))
            .Append(" · prices ").Append(E(report.Prices.Source)).Append(" as of ").Append(E(report.Prices.AsOf ?? "unknown"))
            .Append(" · schema ").Append(E(report.SchemaVersion)).Append("</p>\n");

        html.Append("<div class=\"cards\" id=\"totals\">\n");
        Card(html, "items", t.Items.ToString(CultureInfo.InvariantCulture));
        Card(html, "correct", $"{t.Correct}/{t.Items}");
        Card(html, "generated", t.Generated.ToString(CultureInfo.InvariantCulture));
        Card(html, "resolved + cached + shared", (t.Resolved + t.Cached + t.Shared).ToString(CultureInfo.InvariantCulture));
        Card(html, "failed", t.Failed.ToString(CultureInfo.InvariantCulture));
        Card(html, "refused", t.Refused.ToString(CultureInfo.InvariantCulture));
        Card(html, "skipped (budget)", t.Skipped.ToString(CultureInfo.InvariantCulture));
        Card(html, "spent this build", ReportFormat.Dollars(t.CostUsd));
        Card(html, "saved by resolved state", ReportFormat.Dollars(t.SavedUsd));
        Card(html, "$ per correct", ReportFormat.Dollars(t.CostPerCorrectUsd));
        Card(html, "judge (mean)", ReportFormat.Score(t.JudgeMean));
        Card(html, "tokens in / out", $"{ReportFormat.Count(t.InputTokens)} / {ReportFormat.Count(t.OutputTokens)}");
        html.Append("</div>\n");

        html.Append("<h2>Leaderboard</h2>\n<table id=\"models\">\n<thead><tr><th>Model</th><th class=\"n\">Items</th><th class=\"n\">Correct %</th>")
            .Append("<th class=\"n\">Refused</th><th class=\"n\">Judge</th><th class=\"n\">Cost</th><th class=\"n\">Cost per correct</th></tr></thead>\n<tbody>\n");
        foreach (var m in report.Models)
        {
            html.Append("<tr class=\"model\"><td>").Append(E(m.Model)).Append("</td>")
                .Append(N(m.Items.ToString(CultureInfo.InvariantCulture))).Append(N(ReportFormat.Percent(m.CorrectPercent)))
                .Append(N(m.Refused.ToString(CultureInfo.InvariantCulture))).Append(N(ReportFormat.Score(m.JudgeMean)))
                .Append(N(ReportFormat.Dollars(m.CostUsd))).Append(N(ReportFormat.Dollars(m.CostPerCorrectUsd))).Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (report.Comparison is { } comparison)
        {
            ComparisonHtml.Append(html, comparison);
        }

        if (report.Dependability is { } dependability)
        {
            DependabilityHtml.Append(html, dependability);
        }

        html.Append("<h2>Items</h2>\n<table id=\"items\">\n<thead><tr><th>Item</th><th>Status</th><th>Model</th><th class=\"n\">Passes</th>")
            .Append("<th>Compiles</th><th class=\"n\">Examples</th><th>Sandbox</th><th class=\"n\">Judge</th><th class=\"n\">Tokens in / out</th>")
            .Append("<th class=\"n\">$</th><th class=\"n\">Time</th><th>Details</th></tr></thead>\n<tbody>\n");
        foreach (var item in report.Items)
        {
            var cost = item.CacheHit ? ReportFormat.Dollars(item.OriginalCostUsd) + " (saved)" : ReportFormat.Dollars(item.CostUsd);
            html.Append("<tr class=\"item\" data-path=\"").Append(E(item.Path)).Append("\" data-status=\"").Append(E(item.Status)).Append("\">")
                .Append("<td>").Append(E(item.Path)).Append("</td>")
                .Append("<td class=\"s-").Append(E(item.Status)).Append("\">").Append(E(item.Status)).Append("</td>")
                .Append("<td>").Append(E(item.Model ?? "–")).Append("</td>")
                .Append(N(item.Passes == 0 ? "–" : item.FirstCorrectPass is { } p ? $"{item.Passes} (p@{p})" : item.Passes.ToString(CultureInfo.InvariantCulture)))
                .Append("<td>").Append(item.Status is "resolved" or "cached" or "shared" or "generated" || item.Compiles ? (item.Compiles ? "yes" : "no") : "–").Append("</td>")
                .Append(N(item.ExamplesTotal == 0 ? "–" : $"{item.ExamplesPassed}/{item.ExamplesTotal}"))
                .Append("<td class=\"sandbox\">").Append(E(item.Sandbox ?? "–")).Append("</td>")
                .Append(N(ReportFormat.Score(item.JudgeScore)))
                .Append(N($"{ReportFormat.Count(item.InputTokens)} / {ReportFormat.Count(item.OutputTokens)}"))
                .Append(N(cost))
                .Append(N(ReportFormat.Seconds(item.DurationMs)))
                .Append("<td>");
            Details(html, item);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html;
    }

    private static void Details(StringBuilder html, ReportItem item)
    {
        if (item.Code is null && item.Findings.Count == 0 && item.Problems.Count == 0 && item.ApiChanges.Count == 0 && item.Assumptions.Count == 0)
        {
            html.Append('–');
            return;
        }

        html.Append("<details><summary>show</summary>");
        List(html, "Problems and failing examples", item.Problems);
        List(html, "Static-check findings", item.Findings);
        List(html, "Public API changes", item.ApiChanges.Select(c => c.ToString()).ToList());
        List(html, "Assumptions (the model's, where the prompt is silent)", item.Assumptions);
        if (item.Code is not null)
        {
            html.Append("<div>Code").Append(item.GeneratedFile is null ? "" : " (" + E(item.GeneratedFile) + ")").Append(":</div><pre><code>")
                .Append(E(item.Code)).Append("</code></pre>");
        }

        html.Append("</details>");
    }

    /// <summary>A titled list of lines (nothing when there are none), HTML-encoded; shared by the report's sections.</summary>
    internal static void List(StringBuilder html, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        html.Append("<div>").Append(E(title)).Append(":</div><ul>");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"card\"><b>").Append(E(value)).Append("</b>").Append(E(label)).Append("</div>\n");

    private static string N(string text) => "<td class=\"n\">" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
