using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Reporting;

public sealed class BuildReportTests : IDisposable
{
    private const string Secret = "sk-live-SECRET-123456";
    private const string HostileCode = "// </code></pre></td></tr><tr class=\"item\"><td><script>alert('x')</script>\npublic static class Slug { }";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Totals_leaderboard_refusals_and_costs_add_up()
    {
        var report = Build();
        var t = report.Totals;
        Assert.Null(t.CostUsd);                       // Local.mprompt's model has no price: the build's cost is unknown, not zero
        Assert.Null(t.CostPerCorrectUsd);
        Assert.Equal(2, t.Failed);

        t = BuildReportBuilder.Build(Result(includeLocal: false), Context(null)).Totals;
        Assert.Equal(5, t.Items);
        Assert.Equal(1, t.Generated);
        Assert.Equal(1, t.Resolved);
        Assert.Equal(1, t.Refused);      // counted apart from failures
        Assert.Equal(1, t.Failed);
        Assert.Equal(1, t.Skipped);
        Assert.Equal(2, t.Correct);
        Assert.Equal(1, t.JudgeCalls);
        // This build: generated 10k in/2k out at gpt-4.1-mini (0.004 + 0.0032) + its judge 1k in/100 out (0.0004 + 0.00016)
        // + refused 500 in/0 out (0.0002) + failed 3000 in/1500 out (0.0012 + 0.0024) = 0.0072 + 0.00056 + 0.0002 + 0.0036 = 0.01156.
        Assert.Equal(0.01156m, t.CostUsd);
        Assert.Equal(0.01156m, t.CostPerCorrectUsd);  // one item made correct in this build
        Assert.Equal(0.0072m, t.SavedUsd);            // resolved: 10k in/2k out at gpt-4.1-mini
        Assert.Equal(14_500, t.InputTokens);          // this build's calls only (the resolved item's are saved)
        Assert.Equal(3_600, t.OutputTokens);

        var mini = Assert.Single(report.Models, m => m.Model == "gpt-4.1-mini");
        Assert.Equal(4, mini.Items);                  // generated, resolved, refused, failed
        Assert.Equal(2, mini.Correct);
        Assert.Equal(50.0, mini.CorrectPercent);
        Assert.Equal(1, mini.Refused);
        Assert.Equal(0.75, mini.JudgeMean);           // (0.9 + 0.6) / 2
        Assert.Equal(0.01876m, mini.CostUsd);         // 0.01156 this build + 0.0072 the resolved item cost originally
        Assert.Equal(0.00938m, mini.CostPerCorrectUsd);
        var local = Assert.Single(report.Models, m => m.Model == "local-model");
        Assert.Null(local.CostUsd);                   // unknown price: unknown, not zero

        var resolved = report.Items.Single(i => i.Path == "Resolved.mprompt");
        Assert.True(resolved.CacheHit);
        Assert.Equal(0m, resolved.CostUsd);
        Assert.Equal(0.0072m, resolved.OriginalCostUsd);
        var failed = report.Items.Single(i => i.Path == "Failed.mprompt");
        Assert.Contains("MP2001: still does not compile", failed.Problems);
        Assert.Contains("Failed.g.cs(3,1): error CS1002: ; expected", failed.Problems);
    }

    [Fact]
    public void Report_json_matches_the_published_schema_and_holds_no_secret()
    {
        var json = ReportWriter.ToJson(Build());

        ReportSchema.AssertValid(json);
        Assert.DoesNotContain(Secret, json);
        Assert.DoesNotContain("user:pa55", json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(BuildReport.CurrentSchemaVersion, document.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("items")[5].GetProperty("costUsd").ValueKind); // unknown price
    }

    [Fact]
    public void The_schema_rejects_a_report_that_breaks_it()
    {
        var json = ReportWriter.ToJson(Build()).Replace("\"status\": \"refused\"", "\"status\": \"maybe\"");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ReportSchema.AssertValid(json));
    }

    [Fact]
    public void Html_report_encodes_everything_and_has_one_row_per_item_in_headless_chromium()
    {
        var report = Build();
        var (_, html) = ReportWriter.Write(report, _dir.Combine("report"));
        var text = File.ReadAllText(html);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", text);

        var dom = HeadlessChromium.DumpDom(html);

        var table = Regex.Match(dom, "<table id=\"items\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, "the DOM has no table#items:\n" + dom[..Math.Min(dom.Length, 2000)]);
        var rows = Regex.Matches(table.Groups[1].Value, "<tr class=\"item\"[^>]*data-path=\"([^\"]*)\"");
        Assert.Equal(report.Items.Select(i => i.Path), rows.Select(r => r.Groups[1].Value));
        Assert.DoesNotContain("<script", dom);
        Assert.Equal(report.Models.Count, Regex.Matches(dom, "<tr class=\"model\"").Count);
    }

    [Fact]
    public void A_report_of_many_segments_is_written_byte_for_byte_as_rendered_with_unix_line_ends()
    {
        // Several pooled segments of JSON and many StringBuilder chunks of HTML: both files are streamed in pieces.
        var result = Result();
        var items = Enumerable.Range(0, 400).Select(i => result.Items[1] with { ItemPath = $"Folder/Item{i:D4}.mprompt" }).ToList();
        var report = BuildReportBuilder.Build(new ResolutionResult { Items = items, Diagnostics = [], GeneratedFiles = [] }, Context(null));

        var (json, html) = ReportWriter.Write(report, _dir.Combine("many"));

        var text = ReportWriter.ToJson(report);
        Assert.True(Encoding.UTF8.GetByteCount(text) > 3 * 64 * 1024, "the report should span several segments");
        Assert.Equal(Encoding.UTF8.GetBytes(text), File.ReadAllBytes(json));
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(text))
        {
            Assert.Equal(400, document.RootElement.GetProperty("items").GetArrayLength());
        }

        Assert.Equal(Encoding.UTF8.GetBytes(ReportHtml.Render(report)), File.ReadAllBytes(html));
        Assert.Equal(400, Regex.Matches(File.ReadAllText(html), "<tr class=\"item\"").Count);
        Assert.Equal(["report.html", "report.json"], Directory.GetFiles(_dir.Combine("many")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void The_console_summary_fits_one_screen_whatever_the_number_of_items()
    {
        var many = Enumerable.Range(0, 300).Select(i => new ItemResult
        {
            ItemPath = $"P{i}.mprompt", Status = i % 3 == 0 ? ItemStatus.Failed : ItemStatus.Generated, Model = $"model-{i % 20}", Compiles = true,
        }).ToList();
        var report = BuildReportBuilder.Build(
            new ResolutionResult { Items = many, Diagnostics = [], GeneratedFiles = [] },
            new ReportContext { ProjectDirectory = _dir.Path, ProjectName = "App", GeneratorVersion = "1.0.0" });

        var lines = ConsoleSummary.Lines(report, "/obj/report.html");

        Assert.InRange(lines.Count, 4, 22);
        Assert.StartsWith("MicroPrompt: 300 prompt(s): 200 generated, 100 failed; 200/300 correct.", lines[0]);
        Assert.Contains(lines, l => l.Contains("more model(s)"));
        Assert.Equal("  report: /obj/report.html", lines[^1]);
    }

    [Fact]
    public void Items_judged_below_the_minimum_get_an_MP3001_warning()
    {
        var result = Result();
        var warnings = QualityGates.Evaluate(result, 0.7, _dir.Path);

        var warning = Assert.Single(warnings);
        Assert.Equal(DiagnosticCodes.JudgeBelowMinimum, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(Path.Combine(_dir.Path, "Resolved.mprompt"), warning.File);   // recorded score 0.6 < 0.7
        Assert.Contains("0.60", warning.Message);
        Assert.Empty(QualityGates.Evaluate(result, null, _dir.Path));
        Assert.Equal(["Resolved.mprompt"], BuildReportBuilder.Build(result, Context(0.7)).Gates.BelowMinJudgeScore);
    }

    [Fact]
    public void An_item_from_the_shared_cache_is_a_hit_that_counts_as_saved_and_fits_the_schema()
    {
        var generatedFile = _dir.Combine("obj", "Shared.g.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(generatedFile)!);
        File.WriteAllText(generatedFile, "public static class S { }");
        var result = new ResolutionResult
        {
            Items =
            [
                new ItemResult
                {
                    ItemPath = "Shared.mprompt", Status = ItemStatus.Shared, Model = "gpt-4.1-mini", GeneratedFile = generatedFile,
                    OriginalUsage = new(10_000, 2_000), OriginalPasses = 1, Compiles = true, FirstCorrectPass = 1,
                },
            ],
            Diagnostics = [],
            GeneratedFiles = [generatedFile],
        };

        var report = BuildReportBuilder.Build(result, Context(null));
        Assert.Equal(1, report.Totals.Shared);
        Assert.Equal(1, report.Totals.Correct);
        Assert.Equal(0.0072m, report.Totals.SavedUsd);   // what another builder paid: 10k in/2k out at gpt-4.1-mini
        Assert.Equal(0, report.Totals.ModelCalls);
        var item = Assert.Single(report.Items);
        Assert.Equal("shared", item.Status);
        Assert.True(item.CacheHit);
        Assert.StartsWith("MicroPrompt: 1 prompt(s): 1 shared; 1/1 correct.", ConsoleSummary.Lines(report)[0]);
        ReportSchema.AssertValid(ReportWriter.ToJson(report));
    }

    [Fact]
    public void The_code_is_the_text_the_resolution_wrote_redacted_and_other_files_are_read()
    {
        var inMemory = _dir.Combine("obj", "Written.g.cs"); // never on disk: the report must not read it
        var onDisk = _dir.Combine("obj", "OnDisk.g.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(onDisk)!);
        File.WriteAllText(onDisk, "// from disk " + Secret);
        ItemResult Item(string name, string file) => new() { ItemPath = name + ".mprompt", Status = ItemStatus.Resolved, Model = "gpt-4.1-mini", GeneratedFile = file, Compiles = true };
        var result = new ResolutionResult
        {
            Items = [Item("Written", inMemory), Item("OnDisk", onDisk)],
            Diagnostics = [],
            GeneratedFiles = [inMemory, onDisk],
            GeneratedTexts = new Dictionary<string, string> { [inMemory] = "// written https://user:pw@host/x " + Secret },
        };

        var report = BuildReportBuilder.Build(result, Context(null));

        Assert.Equal("// written https://***@host/x ***", report.Items[0].Code);
        Assert.Equal("// from disk ***", report.Items[1].Code);
    }

    private BuildReport Build() => BuildReportBuilder.Build(Result(), Context(null));

    private ReportContext Context(double? min) => new()
    {
        ProjectDirectory = _dir.Path,
        ProjectName = "App",
        GeneratorVersion = "1.2.3",
        Provider = "openai",
        Prices = PriceTable.Default,
        MinJudgeScore = min,
        Secrets = [Secret],
    };

    private ResolutionResult Result(bool includeLocal = true)
    {
        var generatedFile = _dir.Combine("obj", "Generated.g.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(generatedFile)!);
        File.WriteAllText(generatedFile, HostileCode + "\n// key " + Secret);
        var items = new List<ItemResult>
        {
            new()
            {
                ItemPath = "Generated.mprompt", Status = ItemStatus.Generated, Model = "gpt-4.1-mini", GeneratedFile = generatedFile,
                Passes = 1, Usage = new(10_000, 2_000), OriginalUsage = new(10_000, 2_000), Compiles = true, FirstCorrectPass = 1,
                JudgeScore = 0.9, JudgeModel = "gpt-4.1-mini", JudgeUsage = new(1_000, 100), OriginalJudgeUsage = new(1_000, 100),
                Findings = ["MP2014: Generated.g.cs(2,1): an empty catch block"],
                Duration = TimeSpan.FromSeconds(2.5),
            },
            new()
            {
                ItemPath = "Resolved.mprompt", Status = ItemStatus.Resolved, Model = "gpt-4.1-mini", GeneratedFile = generatedFile,
                OriginalUsage = new(10_000, 2_000), OriginalPasses = 2, Compiles = true, FirstCorrectPass = 2, JudgeScore = 0.6,
            },
            new()
            {
                ItemPath = "Refused.mprompt", Status = ItemStatus.Refused, Model = "gpt-4.1-mini", Passes = 1, Usage = new(500, 0),
                LastErrors = ["\"I can't help with that.\""],
            },
            new()
            {
                ItemPath = "Failed.mprompt", Status = ItemStatus.Failed, Model = "gpt-4.1-mini", Passes = 3, Usage = new(3_000, 1_500),
                LastErrors = ["Failed.g.cs(3,1): error CS1002: ; expected"],
            },
            new() { ItemPath = "Skipped.mprompt", Status = ItemStatus.Skipped },
            new()
            {
                ItemPath = "Local.mprompt", Status = ItemStatus.Failed, Model = "local-model", Passes = 1, Usage = new(100, 100),
            },
        };
        var diagnostics = new List<MicroPromptDiagnostic>
        {
            MicroPromptDiagnostic.Error(DiagnosticCodes.GenerationFailed, "still does not compile", Path.Combine(_dir.Path, "Failed.mprompt"), 1, 1),
            MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderHttpError, $"401 from https://user:pa55@api.example/v1 with key {Secret}", Path.Combine(_dir.Path, "Local.mprompt"), 1, 1),
        };
        if (!includeLocal)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new ResolutionResult { Items = items, Diagnostics = diagnostics, GeneratedFiles = [generatedFile] };
    }
}
