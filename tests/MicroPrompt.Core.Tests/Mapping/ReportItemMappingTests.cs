using MicroPrompt.Api;
using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Core.Tests.Mapping;

/// <summary>The mapping from an item's result to its report row carries every field (or says why not).</summary>
public class ReportItemMappingTests
{
    private static readonly PriceTable Prices = PriceTable.Default;

    private static ItemResult Result(string generatedFile) => new()
    {
        ItemPath = "Text/Slug.mprompt",
        Status = ItemStatus.Generated,
        Model = "gpt-4.1-mini",
        Key = new string('a', 64),
        GeneratedFile = generatedFile,
        Passes = 3,
        Usage = new UsageTotals(1000, 200),
        OriginalUsage = new UsageTotals(5000, 600),
        OriginalPasses = 2,
        Duration = TimeSpan.FromMilliseconds(1234),
        Compiles = true,
        ExamplesPassed = 4,
        ExamplesTotal = 5,
        FirstCorrectPass = 2,
        Sandbox = SandboxKind.Jail,
        JudgeScore = 0.75,
        JudgeModel = "gpt-4.1",
        JudgeUsage = new UsageTotals(30, 4),
        OriginalJudgeUsage = new UsageTotals(70, 8),
        Findings = ["MP2010: a finding"],
        LastErrors = ["Slug.mprompt(9,1): example failed"],
        ApiChanges = [new ApiChange(ApiChangeKind.Added, "Slug.Make(string)", null, "static string Slug.Make(string)")],
        BrokenCallers = ["Program.cs(3,1): error CS0117"],
        Origin = "edited",
        Assumptions = ["Input is ASCII"],
    };

    [Fact]
    public void Report_row_carries_every_field_of_the_result()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "obj", "Slug.g.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, MappingSamples.Code);
        var context = new ReportContext { ProjectDirectory = temp.Path, ProjectName = "App", GeneratorVersion = "1.0.0", Prices = Prices };
        var result = Result(file);
        var hit = result with { Status = ItemStatus.Resolved };

        var row = Map(result, context);
        var hitRow = Map(hit, context);

        MappingCoverage.Assert(result, row, new Dictionary<string, Action<ReportItem>>
        {
            [nameof(ItemResult.ItemPath)] = i => Assert.Equal("Text/Slug.mprompt", i.Path),
            [nameof(ItemResult.Status)] = i => Assert.Equal(("generated", "resolved"), (i.Status, hitRow.Status)),
            [nameof(ItemResult.Model)] = i => Assert.Equal("gpt-4.1-mini", i.Model),
            [nameof(ItemResult.GeneratedFile)] = i => Assert.Equal(("obj/Slug.g.cs", MappingSamples.Code), (i.GeneratedFile, i.Code)),
            [nameof(ItemResult.Passes)] = i => Assert.Equal(3, i.Passes),
            [nameof(ItemResult.OriginalPasses)] = _ => Assert.Equal(2, hitRow.Passes),
            [nameof(ItemResult.Usage)] = i => Assert.Equal((1030L, 204L, Sum(Prices.Cost("gpt-4.1-mini", result.Usage), Prices.Cost("gpt-4.1", result.JudgeUsage))), (i.InputTokens, i.OutputTokens, i.CostUsd)),
            [nameof(ItemResult.JudgeUsage)] = i => Assert.Equal((1030L, 204L), (i.InputTokens, i.OutputTokens)),
            [nameof(ItemResult.OriginalUsage)] = i => Assert.Equal((5070L, 608L, Sum(Prices.Cost("gpt-4.1-mini", result.OriginalUsage), Prices.Cost("gpt-4.1", result.OriginalJudgeUsage))), (hitRow.InputTokens, hitRow.OutputTokens, i.OriginalCostUsd)),
            [nameof(ItemResult.OriginalJudgeUsage)] = _ => Assert.Equal((5070L, 608L), (hitRow.InputTokens, hitRow.OutputTokens)),
            [nameof(ItemResult.Duration)] = i => Assert.Equal(1234, i.DurationMs),
            [nameof(ItemResult.Compiles)] = i => Assert.True(i.Compiles),
            [nameof(ItemResult.ExamplesPassed)] = i => Assert.Equal(4, i.ExamplesPassed),
            [nameof(ItemResult.ExamplesTotal)] = i => Assert.Equal(5, i.ExamplesTotal),
            [nameof(ItemResult.FirstCorrectPass)] = i => Assert.Equal(2, i.FirstCorrectPass),
            [nameof(ItemResult.Sandbox)] = i => Assert.Equal("jail", i.Sandbox),
            [nameof(ItemResult.JudgeScore)] = i => Assert.Equal(0.75, i.JudgeScore),
            [nameof(ItemResult.JudgeModel)] = i => Assert.Equal("gpt-4.1", i.JudgeModel),
            [nameof(ItemResult.Findings)] = i => Assert.Equal(["MP2010: a finding"], i.Findings),
            [nameof(ItemResult.LastErrors)] = i => Assert.Contains("Slug.mprompt(9,1): example failed", i.Problems),
            [nameof(ItemResult.ApiChanges)] = i => Assert.Equal(result.ApiChanges, i.ApiChanges),
            [nameof(ItemResult.BrokenCallers)] = i => Assert.Equal(result.BrokenCallers, i.BrokenCallers),
            [nameof(ItemResult.Origin)] = i => Assert.Equal("edited", i.Origin),
            [nameof(ItemResult.Assumptions)] = i => Assert.Equal(["Input is ASCII"], i.Assumptions),
        }, new Dictionary<string, string>
        {
            [nameof(ItemResult.Key)] = "report rows are by path; the key is in lock.json and dotnet mprompt status --verbose",
        });
        Assert.False(row.CacheHit);
        Assert.True(hitRow.CacheHit);
    }

    private static ReportItem Map(ItemResult result, ReportContext context) =>
        BuildReportBuilder.Item(result, Array.Empty<MicroPromptDiagnostic>(), context);

    private static decimal? Sum(decimal? a, decimal? b) => a + b;
}
