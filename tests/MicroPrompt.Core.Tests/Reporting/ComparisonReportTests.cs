using System.Text.Json;
using System.Text.RegularExpressions;
using MicroPrompt.Comparison;
using MicroPrompt.Core.Tests.Comparison;
using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Reporting;

/// <summary>The comparison section of report.json (schema 1.2), report.html (tables, per-item matrix, failed runs) and the console summary.</summary>
public sealed class ComparisonReportTests : IDisposable
{
    private const string Hostile = "<b>m</b>";
    private const string HostileWhy = "<script>alert(1)</script> expected 5";
    private const string Secret = "sk-live-0123456789";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private BuildReport Report(bool hostile = false)
    {
        var runs = ComparisonTablesTests.Runs();
        var settings = ComparisonTablesTests.Settings();
        if (hostile)
        {
            runs = runs.Select(r => r.Model == "b" ? r with { Model = Hostile, FailureSummary = r.FailureSummary is null ? null : HostileWhy } : r).ToList();
            settings = new ComparisonSettings { Models = ["a", Hostile], Samples = 2, Modes = settings.Modes, MaxPasses = 3 };
        }

        var tables = ComparisonTables.Build(runs, settings, new ComparisonTablesTests().Prices());
        return BuildReportBuilder.Build(
            new ResolutionResult { Items = [], Diagnostics = [], GeneratedFiles = [] },
            new ReportContext { ProjectDirectory = _dir.Path, ProjectName = "Bench", GeneratorVersion = "1.2.3", Comparison = tables, Secrets = [Secret] });
    }

    [Fact]
    public void The_comparison_section_matches_the_published_schema()
    {
        var json = ReportWriter.ToJson(Report());

        ReportSchema.AssertValid(json);
        using var document = JsonDocument.Parse(json);
        var comparison = document.RootElement.GetProperty("comparison");
        Assert.Equal("exec", comparison.GetProperty("leaderboardMode").GetString());
        Assert.Equal(75.0, comparison.GetProperty("leaderboard")[0].GetProperty("correctPercent").GetDouble());
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("leaderboard")[1].GetProperty("costUsd").ValueKind);
        Assert.Equal([50.0, 75.0, 75.0], comparison.GetProperty("repairStudy")[0].GetProperty("passAt").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("file-data", comparison.GetProperty("byTag")[0].GetProperty("tag").GetString());
        Assert.Equal(16, comparison.GetProperty("runs").GetArrayLength());
        var byItem = comparison.GetProperty("byItem");
        Assert.Equal(["X.mprompt", "Y.mprompt"], byItem.EnumerateArray().Select(r => r.GetProperty("item").GetString()));
        var cell = byItem[0].GetProperty("models")[1];
        Assert.Equal(("b", 2, 1, 1), (cell.GetProperty("model").GetString(), cell.GetProperty("runs").GetInt32(), cell.GetProperty("correct").GetInt32(), cell.GetProperty("failed").GetInt32()));
        var runs = comparison.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal("X.mprompt b exec s2: failed", runs.Single(r => r.GetProperty("item").GetString() == "X.mprompt" && r.GetProperty("model").GetString() == "b"
            && r.GetProperty("mode").GetString() == "exec" && r.GetProperty("sample").GetInt32() == 2).GetProperty("failureSummary").GetString());
        Assert.All(runs.Where(r => r.GetProperty("correct").GetBoolean()), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("failureSummary").ValueKind));
        Assert.All(runs, r => Assert.False(r.GetProperty("judgeMemoized").GetBoolean()));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ReportSchema.AssertValid(json.Replace("\"failureSummary\": null", "\"failureSummary\": 5")));

        // A normal build has "comparison": null, which the schema accepts too; a broken section is rejected.
        ReportSchema.AssertValid(ReportWriter.ToJson(BuildReportBuilder.Build(
            new ResolutionResult { Items = [], Diagnostics = [], GeneratedFiles = [] },
            new ReportContext { ProjectDirectory = _dir.Path, ProjectName = "App", GeneratorVersion = "1.2.3" })));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ReportSchema.AssertValid(json.Replace("\"mode\": \"review\"", "\"mode\": \"fast\"")));
    }

    [Fact]
    public void Html_renders_the_three_comparison_tables_encoded_in_headless_chromium()
    {
        var report = Report(hostile: true);
        var (_, html) = ReportWriter.Write(report, _dir.Combine("report"));
        Assert.DoesNotContain("<b>m</b>", File.ReadAllText(html));

        var dom = HeadlessChromium.DumpDom(html);

        var leaders = Table(dom, "comparison-leaderboard");
        Assert.Equal(["a", Hostile], Regex.Matches(leaders, "<tr class=\"leader\" data-model=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains("75%", leaders);
        Assert.Contains("unknown", leaders);                                   // b's cost: no price
        var repair = Table(dom, "comparison-repair");
        Assert.Equal(4, Regex.Matches(repair, "<tr class=\"repair\"").Count);
        Assert.Contains("<th class=\"n\">p@3</th>", repair);
        var tags = Table(dom, "comparison-tags");
        Assert.Equal(["file-data", "api", "oauth2"], Regex.Matches(tags, "<tr class=\"tag\" data-tag=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<td>&lt;b&gt;m&lt;/b&gt;</td>", leaders);               // text, not markup
        Assert.DoesNotContain("<b>m</b></td>", dom);

        // Per-item matrix: one row per item, "correct/runs" per model (exec), a failing cell says why on hover.
        var items = Table(dom, "comparison-items");
        Assert.Equal(["X.mprompt", "Y.mprompt"], Regex.Matches(items, "<tr class=\"matrix\" data-item=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        var cells = Regex.Matches(items, "<td class=\"n cell (m-[a-z]+)\" data-model=\"([^\"]*)\"(?: title=\"([^\"]*)\")?>([^<]*)</td>")
            .Select(m => $"{m.Groups[1].Value} {System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)} {m.Groups[4].Value} {System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)}".TrimEnd())
            .ToList();
        Assert.Equal(
            ["m-all a 2/2", $"m-some {Hostile} 1/2 MP2007: {HostileWhy}", "m-some a 1/2 R1 MP2003: Y.mprompt a exec s2: refused", $"m-all {Hostile} 1/1 MP1010: {HostileWhy}"],
            cells);

        // Every run that is not correct (all modes), folded, with its code and why.
        var failures = Regex.Match(dom, "<details id=\"comparison-failures\"><summary>(\\d+) run\\(s\\) not correct", RegexOptions.Singleline);
        Assert.True(failures.Success, "no details#comparison-failures");
        Assert.Equal("6", failures.Groups[1].Value);
        var failed = Table(dom, "comparison-failed-runs");
        Assert.Equal(6, Regex.Matches(failed, "<tr class=\"failed-run\"").Count);
        Assert.Contains("data-item=\"Y.mprompt\" data-model=\"a\" data-mode=\"exec\" data-sample=\"2\" data-status=\"refused\"", failed);
        Assert.Contains("<td class=\"why\">Y.mprompt a exec s2: refused</td>", failed);
        Assert.Contains("<td class=\"why\">&lt;script&gt;alert(1)&lt;/script&gt; expected 5</td>", failed);
        Assert.DoesNotContain("<script>", dom);
    }

    [Fact]
    public void Failure_summaries_in_the_report_are_redacted()
    {
        var runs = ComparisonTablesTests.Runs().Select(r => r.Status == "failed" ? r with { FailureSummary = $"401 with key {Secret} at https://user:pw@host/x" } : r).ToList();
        var tables = ComparisonTables.Build(runs, ComparisonTablesTests.Settings(), new ComparisonTablesTests().Prices());
        var report = BuildReportBuilder.Build(
            new ResolutionResult { Items = [], Diagnostics = [], GeneratedFiles = [] },
            new ReportContext { ProjectDirectory = _dir.Path, ProjectName = "Bench", GeneratorVersion = "1.2.3", Comparison = tables, Secrets = [Secret] });

        var json = ReportWriter.ToJson(report);
        Assert.DoesNotContain(Secret, json);
        Assert.DoesNotContain("user:pw", json);
        Assert.Contains("401 with key *** at https://***@host/x", json);
        Assert.DoesNotContain(Secret, ReportHtml.Render(report));
        Assert.Equal(16, report.Comparison!.Runs.Count);
        Assert.Same(tables.ByItem, report.Comparison.ByItem);
    }

    [Fact]
    public void The_console_summary_prints_the_comparison_leaderboard()
    {
        var lines = ConsoleSummary.Lines(Report());

        Assert.Contains(lines, l => l.StartsWith("MicroPrompt comparison: 2 model(s) × 2 sample(s) × exec/review repair: 15 new run(s), 0 cached", StringComparison.Ordinal));
        var a = lines.Single(l => l.StartsWith("  a ", StringComparison.Ordinal));
        Assert.Matches(@"^\s+a\s+4\s+75%\s+1\s+0\.80\s+\$0\.063\s+\$0\.021$", a);
        Assert.Matches(@"^\s+b\s+3\s+66\.7%\s+0\s+–\s+unknown\s+unknown$", lines.Single(l => l.StartsWith("  b ", StringComparison.Ordinal)));
    }

    private static string Table(string dom, string id)
    {
        var table = Regex.Match(dom, $"<table id=\"{id}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"the DOM has no table#{id}:\n" + dom[..Math.Min(dom.Length, 2000)]);
        return table.Groups[1].Value;
    }
}
