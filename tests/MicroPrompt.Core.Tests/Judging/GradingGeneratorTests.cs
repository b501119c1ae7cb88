using MicroPrompt.Compilation;
using MicroPrompt.Core.Tests.Generation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Judging;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Judging;

public sealed class GradingGeneratorTests
{
    private const string GoodVerdict = "{\"errorHandling\": 1, \"resourceCleanup\": 1, \"inputValidation\": 0.5, \"cancellation\": null, \"noHardCodedAnswers\": 1, \"reason\": \"ok\"}";

    private readonly FakeChatClient _model = new();
    private readonly FakeChatClient _judge = new();

    [Fact]
    public async Task Correct_code_is_judged_once_by_the_judge_model_and_its_tokens_are_kept_apart()
    {
        _model.Reply(GenerationSamples.Fenced(GenerationSamples.SlugFile), inputTokens: 1000, outputTokens: 200);
        _judge.Reply(GoodVerdict, inputTokens: 400, outputTokens: 30);

        var outcome = await Generator(new GradingOptions { JudgeModel = "judge-model" }).GenerateAsync(GenerationSamples.Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(0.875, outcome.JudgeScore);
        Assert.Equal("judge-model", outcome.JudgeModel);
        Assert.Equal(new UsageTotals(400, 30), outcome.JudgeUsage);
        Assert.Equal(new UsageTotals(1000, 200), outcome.Usage);
        Assert.Equal(1, _judge.Calls);
        Assert.Equal(1, _model.Calls);
    }

    [Fact]
    public async Task The_judge_defaults_to_the_items_model()
    {
        _model.Reply(GenerationSamples.Fenced(GenerationSamples.SlugFile)).Reply(GoodVerdict, inputTokens: 10, outputTokens: 5);

        var outcome = await Generator(new GradingOptions()).GenerateAsync(GenerationSamples.Request(), CancellationToken.None);

        Assert.Equal("test-model", outcome.JudgeModel);
        Assert.Equal(2, _model.Calls);
        Assert.Equal(0.875, outcome.JudgeScore);
    }

    [Fact]
    public async Task A_garbage_verdict_is_no_score_and_the_item_still_succeeds()
    {
        _model.Reply(GenerationSamples.Fenced(GenerationSamples.SlugFile));
        _judge.Reply("I think this is pretty good, 9/10.", inputTokens: 50, outputTokens: 12);

        var outcome = await Generator(new GradingOptions { JudgeModel = "judge-model" }).GenerateAsync(GenerationSamples.Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Null(outcome.JudgeScore);
        Assert.Equal(new UsageTotals(50, 12), outcome.JudgeUsage); // paid for all the same
    }

    [Fact]
    public async Task With_the_judge_off_there_is_no_judge_call()
    {
        _model.Reply(GenerationSamples.Fenced(GenerationSamples.SlugFile));

        var outcome = await Generator(new GradingOptions { Judge = false, JudgeModel = "judge-model" }).GenerateAsync(GenerationSamples.Request(), CancellationToken.None);

        Assert.Null(outcome.JudgeScore);
        Assert.Null(outcome.JudgeModel);
        Assert.Equal(0, _judge.Calls);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_not_judged()
    {
        _model.Reply("", inputTokens: 20, outputTokens: 0, finishReason: ChatFinishReason.ContentFilter)
            .Reply(GenerationSamples.Fenced(GenerationSamples.SlugFile));

        var outcome = await Generator(new GradingOptions { JudgeModel = "judge-model" }).GenerateAsync(GenerationSamples.Request(maxPasses: 3), CancellationToken.None);

        Assert.Equal(GenerationStatus.Refused, outcome.Status);
        Assert.Equal(DiagnosticCodes.Refused, outcome.FailureCode);
        Assert.Equal(1, _model.Calls);
        Assert.Equal(0, _judge.Calls);
    }

    [Fact]
    public async Task Code_that_never_compiles_is_not_judged()
    {
        _model.Reply(GenerationSamples.Fenced("class Broken {")).Reply(GenerationSamples.Fenced("class Broken {"));
        var checker = new FakeCompileChecker { Default = new CompileCheckResult([new CompileError("CS1513", "} expected", 1, 15, false)]) };

        var outcome = await Generator(new GradingOptions { JudgeModel = "judge-model" }, checker).GenerateAsync(GenerationSamples.Request(maxPasses: 2), CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal(0, _judge.Calls);
    }

    [Fact]
    public async Task Static_findings_come_back_with_the_outcome()
    {
        _model.Reply(GenerationSamples.Fenced("namespace Acme.Text;\npublic static class Slug\n{\n    public static string Make(string text)\n    {\n        try { return text.Trim(); } catch { }\n        return \"\";\n    }\n}"));
        _judge.Reply(GoodVerdict);

        var outcome = await Generator(new GradingOptions { JudgeModel = "judge-model" }).GenerateAsync(GenerationSamples.Request(), CancellationToken.None);

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(DiagnosticCodes.EmptyCatch, finding.Code);
        Assert.StartsWith("Slug.g.cs(6,", finding.Message);
    }

    [Fact]
    public async Task With_a_memo_identical_code_is_judged_once_per_model_and_mode_and_its_tokens_counted_once()
    {
        var memo = new JudgeMemo();
        var generator = Generator(new GradingOptions { JudgeModel = "judge-model" }, memo: memo);
        for (var i = 0; i < 3; i++)
        {
            _model.Reply(GenerationSamples.Fenced(GenerationSamples.SlugFile), inputTokens: 1000, outputTokens: 200);
        }

        _judge.Reply(GoodVerdict, inputTokens: 400, outputTokens: 30).Reply(GoodVerdict, inputTokens: 300, outputTokens: 20);

        var first = await generator.GenerateAsync(GenerationSamples.Request(), CancellationToken.None);
        var second = await generator.GenerateAsync(GenerationSamples.Request(), CancellationToken.None);
        var review = await generator.GenerateAsync(GenerationSamples.Request(repair: RepairMode.Review), CancellationToken.None);

        Assert.Equal(2, _judge.Calls);                                   // exec once, review once
        Assert.Equal(2, memo.Calls);
        Assert.Equal((0.875, new UsageTotals(400, 30), false), (first.JudgeScore, first.JudgeUsage, first.JudgeMemoized));
        Assert.Equal((0.875, UsageTotals.Zero, true), (second.JudgeScore, second.JudgeUsage, second.JudgeMemoized));
        Assert.Equal("judge-model", second.JudgeModel);
        Assert.Equal(new UsageTotals(1000, 200), second.Usage);          // the generation is counted as usual
        Assert.Equal((new UsageTotals(300, 20), false), (review.JudgeUsage, review.JudgeMemoized));
    }

    [Fact]
    public async Task A_cancelled_judge_call_is_not_memoized()
    {
        var memo = new JudgeMemo();
        var key = JudgeMemo.Key(GenerationSamples.Request(), "code", "judge-model");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => memo.JudgeAsync(
            key, () => Task.FromException<(double?, UsageTotals)>(new OperationCanceledException()), CancellationToken.None));
        var again = await memo.JudgeAsync(key, () => Task.FromResult<(double?, UsageTotals)>((0.5, new UsageTotals(1, 1))), CancellationToken.None);

        Assert.Equal((0.5, new UsageTotals(1, 1), false), (again.Score, again.Usage, again.Reused));
    }

    private GradingGenerator Generator(GradingOptions options, FakeCompileChecker? checker = null, JudgeMemo? memo = null)
    {
        Func<string, IChatClient> clients = model => model == "judge-model" ? _judge : _model;
        var inner = new CodeGenerator(clients, checker ?? new FakeCompileChecker { Default = new CompileCheckResult([]) });
        return new GradingGenerator(inner, clients, options) { Memo = memo };
    }
}
