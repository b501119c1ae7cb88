using System.Globalization;
using System.Text.RegularExpressions;
using MicroPrompt.Comparison;
using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Cost;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Reporting;

/// <summary>The value frontier and the repair curves of report.html: computed points, and the inline SVG as Chromium builds it.</summary>
public sealed class ComparisonChartsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Per run 1000 tokens in, 500 out. Prices per million: c 0.1/0.2 (run $0.0002), a 10/20 ($0.02), p 30/60 ($0.06), z 1/1; u unpriced.
    private ReportComparison Comparison()
    {
        var runs = new List<ComparisonRun>();
        void Add(string model, string mode, params int?[] firstCorrect)
        {
            for (var i = 0; i < firstCorrect.Length; i++)
            {
                runs.Add(new ComparisonRun
                {
                    Item = i < 2 ? "X.mprompt" : "Y.mprompt", Model = model, Mode = mode, Sample = i % 2 + 1, Key = new string('0', 64),
                    Status = firstCorrect[i] is null ? "failed" : "succeeded", Correct = firstCorrect[i] is not null, FirstCorrectPass = firstCorrect[i],
                    Passes = firstCorrect[i] ?? 3, InputTokens = 1000, OutputTokens = 500,
                });
            }
        }

        Add("c", "exec", 1, 2, null, null);      // 50 %, $0.0004 per correct: frontier
        Add("c", "review", 1, null, null, null); // 25 %, $0.0008: dominated by c·exec
        Add("a", "exec", 1, 1, 2, 3);            // 100 %, $0.02: frontier
        Add("a", "review", 1, 1, 1, null);       // 75 %, $0.0267: dominated by a·exec
        Add("p", "exec", 1, 1, 1, 1);            // 100 %, $0.06: dominated (a·exec is as correct for less)
        Add("p", "review", 1, 1, 1, 2);
        Add("u", "exec", 1, 1, 1, 1);            // no price: not plotted
        Add("u", "review", 1, 1, 1, 1);
        Add("z", "exec", null, null, null, null); // nothing correct: not plotted
        Add("z", "review", null, null, null, null);
        var file = _dir.Combine("prices.json");
        File.WriteAllText(file, """
            { "asOf": "2026-12-01", "models": {
              "c": { "inputPerMillion": 0.1, "outputPerMillion": 0.2 }, "a": { "inputPerMillion": 10, "outputPerMillion": 20 },
              "p": { "inputPerMillion": 30, "outputPerMillion": 60 }, "z": { "inputPerMillion": 1, "outputPerMillion": 1 } } }
            """);
        var settings = new ComparisonSettings { Models = ["c", "a", "p", "u", "z"], Samples = 2, Modes = [RepairMode.Exec, RepairMode.Review], MaxPasses = 3 };
        return ComparisonTables.Build(runs, settings, PriceTable.Load(file));
    }

    [Fact]
    public void The_frontier_is_the_undominated_model_and_mode_points_cheapest_first()
    {
        var points = ValueFrontier.Points(Comparison());

        Assert.Equal(10, points.Count);
        Assert.Equal(["c·exec", "a·exec"], ValueFrontier.Line(points).Select(p => $"{p.Model}·{p.Mode}"));
        Assert.Equal(["c·exec", "a·exec"], points.Where(p => p.OnFrontier).Select(p => $"{p.Model}·{p.Mode}"));
        var c = points.Single(p => p is { Model: "c", Mode: "exec" });
        Assert.Equal((0.0004m, 50.0), (c.CostPerCorrectUsd, c.CorrectPercent));
        Assert.Equal(0.02m, points.Single(p => p is { Model: "a", Mode: "exec" }).CostPerCorrectUsd);
        Assert.False(points.Single(p => p is { Model: "p", Mode: "exec" }).OnFrontier); // as correct as a·exec, but dearer
        Assert.False(points.Single(p => p is { Model: "u", Mode: "exec" }).Plotted);    // price unknown
        Assert.False(points.Single(p => p is { Model: "z", Mode: "exec" }).Plotted);    // nothing correct
    }

    [Fact]
    public void Report_html_draws_the_frontier_and_the_repair_curves_as_inline_svg_in_headless_chromium()
    {
        var comparison = Comparison();
        var report = BuildReportBuilder.Build(
            new ResolutionResult { Items = [], Diagnostics = [], GeneratedFiles = [] },
            new ReportContext { ProjectDirectory = _dir.Path, ProjectName = "Bench", GeneratorVersion = "1.2.3", Comparison = comparison });
        var (_, html) = ReportWriter.Write(report, _dir.Combine("report"));
        var source = File.ReadAllText(html);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"", source); // CSP unchanged
        Assert.DoesNotContain("<script", source, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=\"", source);                                          // presentation attributes only

        var dom = HeadlessChromium.DumpDom(html);

        // Value frontier: one g.point per plotted model × mode; the filled ones are on the dashed frontier line.
        var frontier = Figure(dom, "comparison-frontier");
        Assert.Contains("<svg", frontier);
        Assert.Contains("Value frontier: cost per correct program against correct %</title>", frontier);
        Assert.Contains(">Cost per correct program (US dollars, log scale)</text>", frontier);
        Assert.Contains(">Correct %</text>", frontier);
        var points = Regex.Matches(frontier, "<g class=\"point\" data-model=\"([^\"]*)\" data-mode=\"([^\"]*)\" data-frontier=\"(true|false)\"[^>]*>(.*?)</g>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value + "·" + m.Groups[2].Value, m => (OnFrontier: m.Groups[3].Value == "true", Body: m.Groups[4].Value));
        Assert.Equal(["c·exec", "c·review", "a·exec", "a·review", "p·exec", "p·review"], points.Keys);
        Assert.Equal(["c·exec", "a·exec"], points.Where(p => p.Value.OnFrontier).Select(p => p.Key));
        Assert.Contains("<circle class=\"marker m-exec\"", points["c·exec"].Body);             // shape says the mode…
        Assert.Contains("<rect class=\"marker m-review\"", points["c·review"].Body);
        Assert.Contains("fill=\"#fff\"", points["p·exec"].Body);                                // …hollow says dominated
        Assert.Contains(">c · exec ★</text>", points["c·exec"].Body);                          // and a label says both
        Assert.Contains("<title>a · exec: 100% correct, $0.02 per correct, on the frontier</title>", points["a·exec"].Body);

        var x = Coordinate(points["c·exec"].Body, "cx");
        Assert.True(x < Coordinate(points["a·exec"].Body, "cx") && Coordinate(points["a·exec"].Body, "cx") < Coordinate(points["p·exec"].Body, "cx"), "cost must grow to the right");
        Assert.True(Coordinate(points["a·exec"].Body, "cy") < Coordinate(points["c·exec"].Body, "cy"), "more correct must be higher");
        var line = Regex.Match(frontier, "<polyline class=\"frontier\"[^>]*points=\"([^\"]*)\"").Groups[1].Value.Split(' ');
        Assert.Equal([$"{F(x)},{F(Coordinate(points["c·exec"].Body, "cy"))}", $"{F(Coordinate(points["a·exec"].Body, "cx"))},{F(Coordinate(points["a·exec"].Body, "cy"))}"], line);
        // Log axis: one tick per decade from $0.0001 to $0.1 ($0.0004 … $0.06).
        Assert.Equal(["$0.0001", "$0.001", "$0.01", "$0.1"], Regex.Matches(frontier, "<text class=\"tick x-tick\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value));
        Assert.Matches("Not plotted: u · exec \\(cost unknown\\); u · review \\(cost unknown\\); z · exec \\(no correct run\\); z · review \\(no correct run\\)", dom);
        Assert.Contains("<figcaption>", frontier);

        // Repair curves: one g.curve per model × mode, p@1..p@3, exec solid and review dashed.
        var curves = Figure(dom, "comparison-repair-curves");
        var drawn = Regex.Matches(curves, "<g class=\"curve\" data-model=\"([^\"]*)\" data-mode=\"([^\"]*)\" data-pass-at=\"([^\"]*)\">(.*?)</g>", RegexOptions.Singleline).ToList();
        Assert.Equal(comparison.RepairStudy.Select(r => $"{r.Model}·{r.Mode}"), drawn.Select(m => m.Groups[1].Value + "·" + m.Groups[2].Value));
        var aExec = drawn.Single(m => m.Groups[1].Value == "a" && m.Groups[2].Value == "exec");
        Assert.Equal("50 75 100", aExec.Groups[3].Value);
        Assert.Equal(3, Regex.Match(aExec.Groups[4].Value, "<polyline[^>]*points=\"([^\"]*)\"").Groups[1].Value.Split(' ').Length);
        Assert.Contains("stroke-dasharray=\"none\"", aExec.Groups[4].Value);
        Assert.Contains("stroke-dasharray=\"7 4\"", drawn.Single(m => m.Groups[1].Value == "a" && m.Groups[2].Value == "review").Groups[4].Value);
        Assert.Contains(">a · exec 100%</text>", aExec.Groups[4].Value);
        Assert.Equal(["p@1", "p@2", "p@3"], Regex.Matches(curves, "<text class=\"tick x-tick\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value));
        Assert.Contains(">Correct by pass k (p@k)</text>", curves);
        Assert.Contains(">Pass k (generation, then repairs)</text>", curves);

        // In the page's order: leaderboard, frontier, repair table, curves.
        Assert.True(dom.IndexOf("id=\"comparison-leaderboard\"", StringComparison.Ordinal) < dom.IndexOf("id=\"comparison-frontier\"", StringComparison.Ordinal));
        Assert.True(dom.IndexOf("id=\"comparison-repair\"", StringComparison.Ordinal) < dom.IndexOf("id=\"comparison-repair-curves\"", StringComparison.Ordinal));
    }

    private static string Figure(string dom, string id)
    {
        var match = Regex.Match(dom, $"<figure id=\"{id}\"[^>]*>(.*?)</figure>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no figure#{id}");
        return match.Groups[1].Value;
    }

    private static double Coordinate(string body, string attribute)
        => double.Parse(Regex.Match(body, $"{attribute}=\"([-0-9.]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
