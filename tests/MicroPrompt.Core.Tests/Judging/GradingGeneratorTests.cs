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

    private GradingGenerator Generator(GradingOptions options, FakeCompileChecker? checker = null)
    {
        Func<string, IChatClient> clients = model => model == "judge-model" ? _judge : _model;
        var inner = new CodeGenerator(clients, checker ?? new FakeCompileChecker { Default = new CompileCheckResult([]) });
        return new GradingGenerator(inner, clients, options);
    }
}
