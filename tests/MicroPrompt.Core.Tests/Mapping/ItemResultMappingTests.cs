using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Store;
using static MicroPrompt.Core.Tests.Mapping.MappingSamples;

namespace MicroPrompt.Core.Tests.Mapping;

/// <summary>The two mappings to an item's result (from this build's outcome, from a record) carry every field (or say why not).</summary>
public class ItemResultMappingTests
{
    [Fact]
    public void Result_of_an_outcome_carries_every_field_the_report_shows()
    {
        var outcome = Outcome();

        var result = ItemResult.Of("Slug.mprompt", ItemStatus.Generated, outcome);

        MappingCoverage.Assert(outcome, result, new Dictionary<string, Action<ItemResult>>
        {
            [nameof(GenerationOutcome.Passes)] = r => Assert.Equal((3, 3), (r.Passes, r.OriginalPasses)),
            [nameof(GenerationOutcome.Usage)] = r => Assert.Equal((outcome.Usage, outcome.Usage), (r.Usage, r.OriginalUsage)),
            [nameof(GenerationOutcome.LastErrors)] = r => Assert.Equal(outcome.LastErrors, r.LastErrors),
            [nameof(GenerationOutcome.Sandbox)] = r => Assert.Equal(outcome.Sandbox, r.Sandbox),
            [nameof(GenerationOutcome.Compiles)] = r => Assert.True(r.Compiles),
            [nameof(GenerationOutcome.ExamplesPassed)] = r => Assert.Equal(outcome.ExamplesPassed, r.ExamplesPassed),
            [nameof(GenerationOutcome.ExamplesTotal)] = r => Assert.Equal(outcome.ExamplesTotal, r.ExamplesTotal),
            [nameof(GenerationOutcome.FirstCorrectPass)] = r => Assert.Equal(outcome.FirstCorrectPass, r.FirstCorrectPass),
            [nameof(GenerationOutcome.JudgeScore)] = r => Assert.Equal(outcome.JudgeScore, r.JudgeScore),
            [nameof(GenerationOutcome.JudgeModel)] = r => Assert.Equal(outcome.JudgeModel, r.JudgeModel),
            [nameof(GenerationOutcome.JudgeUsage)] = r => Assert.Equal((outcome.JudgeUsage, outcome.JudgeUsage), (r.JudgeUsage, r.OriginalJudgeUsage)),
            [nameof(GenerationOutcome.Findings)] = r => Assert.Equal(["MP2010: a finding"], r.Findings),
            [nameof(GenerationOutcome.ApiChanges)] = r => Assert.Equal(outcome.ApiChanges, r.ApiChanges),
            [nameof(GenerationOutcome.BrokenCallers)] = r => Assert.Equal(outcome.BrokenCallers, r.BrokenCallers),
            [nameof(GenerationOutcome.Assumptions)] = r => Assert.Equal(outcome.Assumptions, r.Assumptions),
        }, new Dictionary<string, string>
        {
            [nameof(GenerationOutcome.Status)] = "the resolver decides the item's status from it (generated, resolved, refused, skipped, failed)",
            [nameof(GenerationOutcome.Code)] = "the resolver writes it to the .g.cs (GeneratedFile)",
            [nameof(GenerationOutcome.ReportedModel)] = "the result names the model asked for; the reported one is recorded in the lock",
            [nameof(GenerationOutcome.FailureMessage)] = "reported as the item's diagnostic (ItemGeneration)",
            [nameof(GenerationOutcome.FailureCode)] = "reported as the item's diagnostic; the status derives from it",
            [nameof(GenerationOutcome.FailureSpan)] = "the location of the item's diagnostic",
            [nameof(GenerationOutcome.ExampleResults)] = "the counts are mapped; failing ones are in LastErrors",
            [nameof(GenerationOutcome.Capabilities)] = "reported as diagnostics (CapabilityCheck) and recorded in the lock",
            [nameof(GenerationOutcome.JudgeMemoized)] = "a comparison-run saving: a memoized verdict already has zero judge tokens",
            [nameof(GenerationOutcome.Edited)] = "becomes the origin, which the resolver decides with its re-verify and adopt flags",
            [nameof(GenerationOutcome.PassRecords)] = "per-pass detail for comparison runs",
        });
        Assert.Equal(("Slug.mprompt", ItemStatus.Generated), (result.ItemPath, result.Status));
    }

    [Fact]
    public void A_failed_outcome_has_no_original_cost()
    {
        var result = ItemResult.Of("Slug.mprompt", ItemStatus.Failed, Outcome() with { Status = GenerationStatus.Failed, Code = null });

        Assert.Equal((UsageTotals.Zero, 0, UsageTotals.Zero), (result.OriginalUsage, result.OriginalPasses, result.OriginalJudgeUsage));
        Assert.Equal(new UsageTotals(1000, 200), result.Usage);
        Assert.Equal(3, result.Passes);
    }

    [Fact]
    public void Result_of_a_record_carries_what_the_code_cost_and_how_it_was_graded()
    {
        var record = Record();
        var grade = record.Grade!;

        var result = ItemResult.Of("Slug.mprompt", ItemStatus.Resolved, record);

        MappingCoverage.Assert(record, result, new Dictionary<string, Action<ItemResult>>
        {
            [nameof(GenerationRecord.Key)] = r => Assert.Equal(record.Key, r.Key),
            [nameof(GenerationRecord.Model)] = r => Assert.Equal(record.Model, r.Model),
            [nameof(GenerationRecord.Usage)] = r => Assert.Equal((new UsageTotals(1000, 200), 3), (r.OriginalUsage, r.OriginalPasses)),
            [nameof(GenerationRecord.Grade)] = r => Assert.Equal(grade.FirstCorrectPass, r.FirstCorrectPass), // field by field below
            [nameof(GenerationRecord.Assumptions)] = r => Assert.Equal(record.Assumptions, r.Assumptions),
        }, new Dictionary<string, string>
        {
            [nameof(GenerationRecord.Code)] = "the recorder writes it to the .g.cs (GeneratedFile)",
            [nameof(GenerationRecord.CodeHash)] = "the resolver keeps it for the items that use this one",
            [nameof(GenerationRecord.ReportedModel)] = "the result names the model asked for; the reported one stays in the lock",
            [nameof(GenerationRecord.Provider)] = "the report names this build's provider",
            [nameof(GenerationRecord.Capabilities)] = "reported as diagnostics (CapabilityCheck)",
            [nameof(GenerationRecord.GeneratedAt)] = "provenance: shown by dotnet mprompt log",
            [nameof(GenerationRecord.GeneratorVersion)] = "provenance: shown by dotnet mprompt log",
            [nameof(GenerationRecord.Origin)] = "ItemResult.Origin is how THIS build produced code; a hit produced none",
            [nameof(GenerationRecord.Base)] = "provenance: shown by dotnet mprompt log",
        });

        MappingCoverage.Assert(grade, result, new Dictionary<string, Action<ItemResult>>
        {
            [nameof(LockGrade.Compiles)] = r => Assert.True(r.Compiles),
            [nameof(LockGrade.ExamplesPassed)] = r => Assert.Equal(grade.ExamplesPassed, r.ExamplesPassed),
            [nameof(LockGrade.ExamplesTotal)] = r => Assert.Equal(grade.ExamplesTotal, r.ExamplesTotal),
            [nameof(LockGrade.FirstCorrectPass)] = r => Assert.Equal(grade.FirstCorrectPass, r.FirstCorrectPass),
            [nameof(LockGrade.JudgeScore)] = r => Assert.Equal(grade.JudgeScore, r.JudgeScore),
            [nameof(LockGrade.JudgeModel)] = r => Assert.Equal(grade.JudgeModel, r.JudgeModel),
            [nameof(LockGrade.JudgeInputTokens)] = r => Assert.Equal(grade.JudgeInputTokens, r.OriginalJudgeUsage.InputTokens),
            [nameof(LockGrade.JudgeOutputTokens)] = r => Assert.Equal(grade.JudgeOutputTokens, r.OriginalJudgeUsage.OutputTokens),
            [nameof(LockGrade.Findings)] = r => Assert.Equal(grade.Findings, r.Findings),
        }, new Dictionary<string, string>());

        // Nothing was spent in this build.
        Assert.Equal((UsageTotals.Zero, UsageTotals.Zero, 0), (result.Usage, result.JudgeUsage, result.Passes));
    }

    [Fact]
    public void A_record_without_a_grade_counts_as_compiling()
    {
        var result = ItemResult.Of("Slug.mprompt", ItemStatus.Cached, Record() with { Grade = null });

        Assert.True(result.Compiles);
        Assert.Equal((0, 0), (result.ExamplesPassed, result.ExamplesTotal));
        Assert.Empty(result.Findings);
        Assert.Empty(ItemResult.Of("Slug.mprompt", ItemStatus.Cached, Record() with { Assumptions = null }).Assumptions);
    }
}
