using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Store;
using static MicroPrompt.Core.Tests.Mapping.MappingSamples;

namespace MicroPrompt.Core.Tests.Mapping;

/// <summary>The mappings between outcome, generation record and lock entry carry every field (or say why not).</summary>
public class RecordMappingTests
{
    [Fact]
    public void Lock_entry_of_a_record_carries_every_field_of_the_record()
    {
        var record = Record();
        var inputs = new SortedDictionary<string, string> { ["prompt"] = ContentHash.Sha256Hex("prompt") };

        var frontMatter = new LockFrontMatter { TextHash = ContentHash.Sha256Hex("text"), Kind = "library" };

        var entry = LockEntry.Of(record, ContentHash.Sha256Hex("prompt"), "code/Slug.cs", inputs, frontMatter);

        MappingCoverage.Assert(record, entry, new Dictionary<string, Action<LockEntry>>
        {
            [nameof(GenerationRecord.Key)] = e => Assert.Equal(record.Key, e.Key),
            [nameof(GenerationRecord.CodeHash)] = e => Assert.Equal(record.CodeHash, e.CodeHash),
            [nameof(GenerationRecord.Model)] = e => Assert.Equal(record.Model, e.Model),
            [nameof(GenerationRecord.ReportedModel)] = e => Assert.Equal(record.ReportedModel, e.ReportedModel),
            [nameof(GenerationRecord.Provider)] = e => Assert.Equal(record.Provider, e.Provider),
            [nameof(GenerationRecord.Usage)] = e => Assert.Equal(record.Usage, e.Usage),
            [nameof(GenerationRecord.Grade)] = e => Assert.Equal(record.Grade, e.Grade),
            [nameof(GenerationRecord.Capabilities)] = e => Assert.Equal(record.Capabilities, e.Capabilities),
            [nameof(GenerationRecord.Assumptions)] = e => Assert.Equal(record.Assumptions, e.Assumptions),
            [nameof(GenerationRecord.GeneratedAt)] = e => Assert.Equal(record.GeneratedAt, e.GeneratedAt),
            [nameof(GenerationRecord.GeneratorVersion)] = e => Assert.Equal(record.GeneratorVersion, e.GeneratorVersion),
            [nameof(GenerationRecord.Origin)] = e => Assert.Equal(record.Origin, e.Origin),
            [nameof(GenerationRecord.Base)] = e => Assert.Equal(record.Base, e.Base),
        }, new Dictionary<string, string>
        {
            // The lock holds no code: it points at the code file (CodeFile), verified against CodeHash.
            [nameof(GenerationRecord.Code)] = "lives in the code file",
        });
        MappingCoverage.AllSet(entry);
        Assert.Equal(inputs, entry.Inputs);
        Assert.Same(frontMatter, entry.FrontMatter);
    }

    [Fact]
    public void Record_of_a_lock_entry_carries_every_field_of_the_entry()
    {
        var entry = Entry();

        var record = GenerationRecord.Of(entry, Code);

        MappingCoverage.Assert(entry, record, new Dictionary<string, Action<GenerationRecord>>
        {
            [nameof(LockEntry.Model)] = r => Assert.Equal(entry.Model, r.Model),
            [nameof(LockEntry.ReportedModel)] = r => Assert.Equal(entry.ReportedModel, r.ReportedModel),
            [nameof(LockEntry.Provider)] = r => Assert.Equal(entry.Provider, r.Provider),
            [nameof(LockEntry.Key)] = r => Assert.Equal(entry.Key, r.Key),
            [nameof(LockEntry.CodeHash)] = r => Assert.Equal(entry.CodeHash, r.CodeHash),
            [nameof(LockEntry.Origin)] = r => Assert.Equal(entry.Origin, r.Origin),
            [nameof(LockEntry.Base)] = r => Assert.Equal(entry.Base, r.Base),
            [nameof(LockEntry.Usage)] = r => Assert.Equal(entry.Usage, r.Usage),
            [nameof(LockEntry.Grade)] = r => Assert.Equal(entry.Grade, r.Grade),
            [nameof(LockEntry.Capabilities)] = r => Assert.Equal(entry.Capabilities, r.Capabilities),
            [nameof(LockEntry.Assumptions)] = r => Assert.Equal(entry.Assumptions, r.Assumptions),
            [nameof(LockEntry.GeneratedAt)] = r => Assert.Equal(entry.GeneratedAt, r.GeneratedAt),
            [nameof(LockEntry.GeneratorVersion)] = r => Assert.Equal(entry.GeneratorVersion, r.GeneratorVersion),
        }, new Dictionary<string, string>
        {
            // A record is identified by its key alone (the user cache is shared by every project and prompt version).
            [nameof(LockEntry.PromptHash)] = "belongs to the item's lock line; the prompt text is kept in the prompt snapshots",
            [nameof(LockEntry.Inputs)] = "belongs to the item's lock line: what the key was computed from in this project",
            [nameof(LockEntry.FrontMatter)] = "belongs to the item's lock line: what planning read from this prompt text (skips its parse)",
            // The record carries the code itself (verified against the hash by the caller).
            [nameof(LockEntry.CodeFile)] = "the record holds the code",
        });
        MappingCoverage.AllSet(record);
        Assert.Equal(Code, record.Code);
    }

    [Fact]
    public void Record_of_an_outcome_carries_every_field_that_describes_the_code()
    {
        var outcome = Outcome();

        var record = GenerationRecord.Of("the-key", "gpt-4.1-mini", outcome);

        MappingCoverage.Assert(outcome, record, new Dictionary<string, Action<GenerationRecord>>
        {
            [nameof(GenerationOutcome.Code)] = r => Assert.Equal((outcome.Code, ContentHash.Sha256Hex(outcome.Code!)), (r.Code, r.CodeHash)),
            [nameof(GenerationOutcome.Passes)] = r => Assert.Equal(outcome.Passes, r.Usage.Passes),
            [nameof(GenerationOutcome.Usage)] = r => Assert.Equal((outcome.Usage.InputTokens, outcome.Usage.OutputTokens), (r.Usage.InputTokens, r.Usage.OutputTokens)),
            [nameof(GenerationOutcome.ReportedModel)] = r => Assert.Equal(outcome.ReportedModel, r.ReportedModel),
            [nameof(GenerationOutcome.Compiles)] = r => Assert.True(r.Grade!.Compiles),
            [nameof(GenerationOutcome.ExamplesPassed)] = r => Assert.Equal(outcome.ExamplesPassed, r.Grade!.ExamplesPassed),
            [nameof(GenerationOutcome.ExamplesTotal)] = r => Assert.Equal(outcome.ExamplesTotal, r.Grade!.ExamplesTotal),
            [nameof(GenerationOutcome.FirstCorrectPass)] = r => Assert.Equal(outcome.FirstCorrectPass, r.Grade!.FirstCorrectPass),
            [nameof(GenerationOutcome.JudgeScore)] = r => Assert.Equal(outcome.JudgeScore, r.Grade!.JudgeScore),
            [nameof(GenerationOutcome.JudgeModel)] = r => Assert.Equal(outcome.JudgeModel, r.Grade!.JudgeModel),
            [nameof(GenerationOutcome.JudgeUsage)] = r => Assert.Equal((outcome.JudgeUsage.InputTokens, outcome.JudgeUsage.OutputTokens), (r.Grade!.JudgeInputTokens!.Value, r.Grade.JudgeOutputTokens!.Value)),
            [nameof(GenerationOutcome.Findings)] = r => Assert.Equal(["MP2010: a finding"], r.Grade!.Findings!),
            [nameof(GenerationOutcome.Capabilities)] = r => Assert.Equal(["network"], r.Capabilities!),
            [nameof(GenerationOutcome.Assumptions)] = r => Assert.Equal(outcome.Assumptions, r.Assumptions!),
        }, new Dictionary<string, string>
        {
            [nameof(GenerationOutcome.Status)] = "only succeeded outcomes are recorded",
            [nameof(GenerationOutcome.FailureMessage)] = "failures are reported, not recorded",
            [nameof(GenerationOutcome.FailureCode)] = "failures are reported, not recorded",
            [nameof(GenerationOutcome.LastErrors)] = "failures are reported, not recorded",
            [nameof(GenerationOutcome.FailureSpan)] = "failures are reported, not recorded",
            [nameof(GenerationOutcome.BrokenCallers)] = "failures are reported, not recorded",
            [nameof(GenerationOutcome.ExampleResults)] = "the grade keeps the counts; the details are this build's report",
            [nameof(GenerationOutcome.Sandbox)] = "where this build ran the examples is a fact of the machine, not of the code",
            [nameof(GenerationOutcome.JudgeMemoized)] = "a saving of this build (comparison runs), not of the code",
            [nameof(GenerationOutcome.ApiChanges)] = "relative to the previous resolution: this build's report",
            [nameof(GenerationOutcome.Edited)] = "becomes the origin, which the recorder decides (edited, reverified, hand-edit)",
            [nameof(GenerationOutcome.PassRecords)] = "per-pass detail for comparison runs",
        });
        Assert.Equal(("the-key", "gpt-4.1-mini"), (record.Key, record.Model));
    }

    [Fact]
    public void An_unjudged_outcome_records_no_judge_tokens()
    {
        var record = GenerationRecord.Of("k", "m", Outcome() with { JudgeModel = null, JudgeScore = null, JudgeUsage = UsageTotals.Zero, Findings = [], Assumptions = [] });

        Assert.Null(record.Assumptions); // omitted from the lock and the cache entry

        Assert.Null(record.Grade!.JudgeInputTokens);
        Assert.Null(record.Grade.JudgeOutputTokens);
        Assert.Null(record.Grade.Findings);
    }

    [Fact]
    public void A_record_goes_through_the_lock_and_back_unchanged()
    {
        var record = Record();

        var back = GenerationRecord.Of(LockEntry.Of(record, "p", "code/Slug.cs", inputs: null), record.Code);

        Assert.Equal(record, back);
    }
}
