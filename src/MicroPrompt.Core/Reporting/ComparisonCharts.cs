using System.Globalization;
using System.Text;
using static MicroPrompt.Reporting.SvgPlot;

namespace MicroPrompt.Reporting;

/// <summary>
/// The comparison section's pictures, as inline SVG (no script; the page's CSP is unchanged):
/// <c>figure#comparison-frontier</c> — one <c>g.point</c> per model × repair mode (cost per correct on a log x axis,
/// correct % on y; filled marks and the dashed <c>polyline.frontier</c> are the undominated ones) — and
/// <c>figure#comparison-repair-curves</c> — one <c>g.curve</c> per model × mode (p@1..p@k; solid exec, dashed review).
/// Every mark has a text label and a <c>title</c>; mode is a marker shape and a dash pattern, never only a colour.
/// </summary>
internal static class ComparisonCharts
{
    public static void AppendFrontier(StringBuilder html, ReportComparison c)
    {
        var points = ValueFrontier.Points(c);
        var plotted = points.Where(p => p.Plotted).ToList();
        html.Append("<h3>Value frontier</h3>\n");
        if (plotted.Count == 0)
        {
            html.Append("<p class=\"meta\" id=\"comparison-frontier-empty\">No model and mode has both a known price and a correct run: nothing to plot.</p>\n");
            AppendNotPlotted(html, points);
            return;
        }

        var logs = plotted.Select(p => Math.Log10((double)p.CostPerCorrectUsd!.Value)).ToList();
        var lo = Math.Floor(logs.Min());
        var hi = Math.Max(Math.Ceiling(logs.Max()), lo + 1);
        double X(decimal cost) => Left + ((Math.Log10((double)cost) - lo) / (hi - lo) * (Right - Left));

        Open(html, "comparison-frontier", "Value frontier: cost per correct program against correct %",
            $"One mark per model and repair mode. {plotted.Count(p => p.OnFrontier)} of {plotted.Count} are on the frontier: "
            + string.Join("; ", ValueFrontier.Line(points).Select(Describe)) + ".");
        for (var k = (int)lo; k <= (int)hi; k++)
        {
            XTick(html, Left + ((k - lo) / (hi - lo) * (Right - Left)), Decade(k));
        }

        for (var percent = 0; percent <= 100; percent += 20)
        {
            YTick(html, PercentY(percent), percent.ToString(CultureInfo.InvariantCulture) + "%");
        }

        Axes(html, "Cost per correct program (US dollars, log scale)", "Correct %");
        var line = ValueFrontier.Line(points);
        html.Append("<polyline class=\"frontier\" fill=\"none\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"")
            .Append(string.Join(" ", line.Select(p => F(X(p.CostPerCorrectUsd!.Value)) + "," + F(PercentY(p.CorrectPercent))))).Append("\"/>\n");

        var anchors = plotted.Select(p => (X(p.CostPerCorrectUsd!.Value) + 9, PercentY(p.CorrectPercent) - 7)).ToList();
        var labelY = Spread(anchors);
        for (var i = 0; i < plotted.Count; i++)
        {
            var p = plotted[i];
            var colour = Colour(IndexOf(c.Models, p.Model));
            var (x, y) = (X(p.CostPerCorrectUsd!.Value), PercentY(p.CorrectPercent));
            html.Append("<g class=\"point\" data-model=\"").Append(E(p.Model)).Append("\" data-mode=\"").Append(E(p.Mode)).Append("\" data-frontier=\"")
                .Append(p.OnFrontier ? "true" : "false").Append("\" data-correct=\"").Append(F(p.CorrectPercent)).Append("\" data-cost-per-correct=\"")
                .Append(p.CostPerCorrectUsd!.Value.ToString(CultureInfo.InvariantCulture)).Append("\">\n<title>").Append(E(Describe(p))).Append("</title>\n");
            Marker(html, p.Mode, x, y, colour, p.OnFrontier);
            html.Append("<text class=\"label\" x=\"").Append(F(anchors[i].Item1)).Append("\" y=\"").Append(F(labelY[i])).Append("\">")
                .Append(E($"{p.Model} · {p.Mode}{(p.OnFrontier ? " ★" : "")}")).Append("</text>\n</g>\n");
        }

        Close(html, "Each mark is one model under one repair mode: further left is cheaper per correct program, higher is more often correct. "
            + "Filled marks with a ★ are on the frontier (no other model and mode is at least as correct for less) and are joined by the dashed line; "
            + "hollow marks are dominated. Shape is the repair mode: circle exec, square review, triangle none.");
        AppendNotPlotted(html, points);
    }

    public static void AppendRepairCurves(StringBuilder html, ReportComparison c)
    {
        var rows = c.RepairStudy.Where(r => r.Runs > 0 && r.PassAt.Count > 0).ToList();
        html.Append("<h3>Repair curves</h3>\n");
        if (rows.Count == 0)
        {
            html.Append("<p class=\"meta\" id=\"comparison-repair-curves-empty\">No graded runs: nothing to plot.</p>\n");
            return;
        }

        var passes = Math.Max(1, rows.Max(r => r.PassAt.Count));
        double X(int k) => passes == 1 ? (Left + Right) / 2.0 : Left + 30 + ((k - 1) / (double)(passes - 1) * (Right - Left - 60));
        Open(html, "comparison-repair-curves", "Repair curves: correct by pass k, per model and repair mode",
            string.Join("; ", rows.Select(r => $"{r.Model} {r.Mode}: " + string.Join(", ", r.PassAt.Select((p, i) => $"p@{i + 1} {F(p)}%")))) + ".");
        for (var k = 1; k <= passes; k++)
        {
            XTick(html, X(k), "p@" + I(k));
        }

        for (var percent = 0; percent <= 100; percent += 20)
        {
            YTick(html, PercentY(percent), percent.ToString(CultureInfo.InvariantCulture) + "%");
        }

        Axes(html, "Pass k (generation, then repairs)", "Correct by pass k (p@k)");
        var anchors = rows.Select(r => (X(r.PassAt.Count) + 10, PercentY(r.PassAt[^1]) + 4)).ToList();
        var labelY = Spread(anchors);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var colour = Colour(IndexOf(c.Models, r.Model));
            var coordinates = r.PassAt.Select((p, k) => (X: X(k + 1), Y: PercentY(p))).ToList();
            html.Append("<g class=\"curve\" data-model=\"").Append(E(r.Model)).Append("\" data-mode=\"").Append(E(r.Mode)).Append("\" data-pass-at=\"")
                .Append(string.Join(" ", r.PassAt.Select(F))).Append("\">\n<title>")
                .Append(E($"{r.Model} · {r.Mode}: " + string.Join(", ", r.PassAt.Select((p, k) => $"p@{k + 1} {F(p)}%")) + $" ({r.Runs} runs)"))
                .Append("</title>\n<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" stroke-dasharray=\"").Append(Dash(r.Mode))
                .Append("\" points=\"").Append(string.Join(" ", coordinates.Select(p => F(p.X) + "," + F(p.Y)))).Append("\"/>\n");
            foreach (var (x, y) in coordinates)
            {
                Marker(html, r.Mode, x, y, colour, filled: true);
            }

            html.Append("<text class=\"label\" x=\"").Append(F(anchors[i].Item1)).Append("\" y=\"").Append(F(labelY[i])).Append("\">")
                .Append(E($"{r.Model} · {r.Mode} {F(r.PassAt[^1])}%")).Append("</text>\n</g>\n");
        }

        Close(html, "Each line is one model under one repair mode: the share of runs correct by pass k. Solid lines with circles are exec "
            + "(compiler and example feedback), dashed lines with squares review (self-review only), dotted lines with triangles none.");
    }

    private static void AppendNotPlotted(StringBuilder html, IReadOnlyList<FrontierPoint> points)
    {
        var missing = points.Where(p => !p.Plotted).ToList();
        if (missing.Count > 0)
        {
            html.Append("<p class=\"meta\" id=\"comparison-frontier-missing\">Not plotted: ")
                .Append(E(string.Join("; ", missing.Select(p => $"{p.Model} · {p.Mode} ({(p.CorrectPercent == 0 ? "no correct run" : "cost unknown")})"))))
                .Append("</p>\n");
        }
    }

    private static string Describe(FrontierPoint p)
        => $"{p.Model} · {p.Mode}: {F(p.CorrectPercent)}% correct, {ReportFormat.Dollars(p.CostPerCorrectUsd)} per correct{(p.OnFrontier ? ", on the frontier" : ", dominated")}";

    private static string Decade(int exponent)
        => "$" + Math.Pow(10, exponent).ToString(exponent >= 0 ? "0" : "0." + new string('#', -exponent), CultureInfo.InvariantCulture);

    private static int IndexOf(IReadOnlyList<string> models, string model)
    {
        for (var i = 0; i < models.Count; i++)
        {
            if (models[i] == model)
            {
                return i;
            }
        }

        return 0;
    }
}
