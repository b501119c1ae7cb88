using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

public class CodeGeneratorTests
{
    private static readonly CompileError MissingName = new("CS0103", "The name 'Regex' does not exist in the current context", 5, 42);
    private static readonly CompileError BadReturn = new("CS0029", "Cannot implicitly convert type 'int' to 'string'", 7, 9);

    private readonly FakeChatClient _client = new();
    private readonly FakeCompileChecker _checker = new();
    private readonly List<string> _modelsAsked = [];

    private CodeGenerator Generator(Func<string, string>? publicApi = null) => new(
        model =>
        {
            _modelsAsked.Add(model);
            return _client;
        },
        _checker,
        publicApi,
        "fake-provider");

    [Fact]
    public async Task Correct_code_on_the_first_pass_takes_one_call()
    {
        _client.Reply($"Here you go:\n{Fenced(SlugFile)}", inputTokens: 100, outputTokens: 40, modelId: "test-model-2025");
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(SlugFile + "\n", outcome.Code);
        Assert.Equal(1, outcome.Passes);
        Assert.Equal(1, _client.Calls);
        Assert.Equal(new UsageTotals(100, 40), outcome.Usage);
        Assert.Equal("test-model-2025", outcome.ReportedModel);
        Assert.Null(outcome.FailureCode);
        Assert.Equal(["test-model"], _modelsAsked);
        var options = Assert.Single(_client.Options);
        Assert.Equal("test-model", options!.ModelId);
        Assert.Equal(0f, options.Temperature);
    }

    [Fact]
    public async Task A_requested_temperature_reaches_every_call_including_repairs()
    {
        var broken = SlugFile.Replace("text.ToLowerInvariant()", "Regex.Replace(text)", StringComparison.Ordinal);
        _client.Reply(Fenced(broken)).Reply(Fenced(SlugFile));
        _checker.Fails(MissingName).Succeeds();

        var request = Request();
        var outcome = await Generator().GenerateAsync(new GenerationRequest
        {
            Prompt = request.Prompt, ItemPath = request.ItemPath, Namespace = request.Namespace, Model = request.Model,
            Project = request.Project, Repair = RepairMode.Exec, MaxPasses = 3, Temperature = 0.7,
        }, CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal([0.7f, 0.7f], _client.Options.Select(o => o!.Temperature));
    }

    [Fact]
    public async Task Compile_check_gets_the_code_file_name_kind_project_and_companions()
    {
        _client.Reply(Fenced(SlugFile));
        _checker.Succeeds();
        var request = Request(Document(PromptKind.Program));

        await Generator().GenerateAsync(request, CancellationToken.None);

        var check = Assert.Single(_checker.Requests);
        Assert.Equal(SlugFile + "\n", check.Code);
        Assert.Equal("Slug.g.cs", check.FileName);
        Assert.Equal(PromptKind.Program, check.Kind);
        Assert.Same(request.Project, check.Project);
        Assert.Equal(request.CompanionSources, check.CompanionSources);
    }

    [Fact]
    public async Task Compile_error_is_fed_back_and_fixed_on_the_second_pass()
    {
        var broken = SlugFile.Replace("text.ToLowerInvariant()", "Regex.Replace(text)", StringComparison.Ordinal);
        _client.Reply(Fenced(broken), 100, 50).Reply(Fenced(SlugFile), 180, 45);
        _checker.Fails(MissingName).Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.Passes);
        Assert.Equal(SlugFile + "\n", outcome.Code);
        Assert.Equal(2, _client.Calls);
        Assert.Equal(new UsageTotals(280, 95), outcome.Usage);

        var second = _client.Requests[1];
        Assert.Equal(4, second.Count);
        Assert.Equal(_client.Requests[0].Select(m => m.Text), second.Take(2).Select(m => m.Text));
        Assert.Equal(ChatRole.Assistant, second[2].Role);
        Assert.Contains("Regex.Replace(text)", second[2].Text);
        Assert.Equal(ChatRole.User, second[3].Role);
        Assert.Contains("Slug.g.cs(5,42): error CS0103: The name 'Regex' does not exist in the current context", second[3].Text);

        Assert.Equal([false, true], outcome.PassRecords.Select(p => p.Compiled));
    }

    [Fact]
    public async Task Code_that_never_compiles_fails_after_max_passes_with_the_last_errors()
    {
        for (var i = 0; i < 3; i++)
        {
            _client.Reply(Fenced(SlugFile), 10, 5);
        }

        _checker.Fails(MissingName).Fails(MissingName).Fails(MissingName, BadReturn);

        var outcome = await Generator().GenerateAsync(Request(maxPasses: 3), CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal(DiagnosticCodes.GenerationFailed, outcome.FailureCode);
        Assert.Equal(3, _client.Calls);
        Assert.Equal(3, outcome.Passes);
        Assert.Null(outcome.Code);
        Assert.Equal(new UsageTotals(30, 15), outcome.Usage);
        Assert.Equal(
            ["Slug.g.cs(5,42): error CS0103: The name 'Regex' does not exist in the current context",
             "Slug.g.cs(7,9): error CS0029: Cannot implicitly convert type 'int' to 'string'"],
            outcome.LastErrors);
        Assert.Contains("Prompts/Slug.mprompt", outcome.FailureMessage);
        Assert.Contains("CS0029", outcome.FailureMessage);
        Assert.Contains("3 passes", outcome.FailureMessage);
        // The last request carries the whole conversation: 2 messages + 2 repair rounds.
        Assert.Equal(6, _client.Requests[2].Count);
    }

    [Fact]
    public async Task Failure_message_names_at_most_five_errors_but_last_errors_keeps_all()
    {
        var errors = Enumerable.Range(1, 8).Select(i => new CompileError($"CS{1000 + i}", $"problem {i}", i, 1)).ToArray();
        _client.Reply(Fenced(SlugFile));
        _checker.Fails(errors);

        var outcome = await Generator().GenerateAsync(Request(repair: RepairMode.None), CancellationToken.None);

        Assert.Equal(8, outcome.LastErrors.Count);
        Assert.Contains("CS1005", outcome.FailureMessage);
        Assert.DoesNotContain("CS1006", outcome.FailureMessage);
        Assert.Contains("3 more", outcome.FailureMessage);
    }

    [Fact]
    public async Task Repair_none_makes_exactly_one_call()
    {
        _client.Reply(Fenced(SlugFile)).Reply(Fenced(SlugFile));
        _checker.Fails(MissingName).Succeeds();

        var outcome = await Generator().GenerateAsync(Request(repair: RepairMode.None, maxPasses: 3), CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal(1, _client.Calls);
        Assert.Equal(1, outcome.Passes);
        Assert.Equal(DiagnosticCodes.GenerationFailed, outcome.FailureCode);
    }

    [Fact]
    public async Task Review_mode_never_shows_compiler_output_but_the_check_still_decides()
    {
        _client.Reply(Fenced(SlugFile)).Reply(Fenced(SlugFile)).Reply(Fenced(SlugFile));
        _checker.Fails(MissingName).Fails(BadReturn).Succeeds();

        var outcome = await Generator().GenerateAsync(Request(repair: RepairMode.Review), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(3, outcome.Passes);
        Assert.Equal(3, _checker.Requests.Count);
        foreach (var message in _client.Requests.SelectMany(r => r))
        {
            Assert.DoesNotContain("CS0103", message.Text);
            Assert.DoesNotContain("CS0029", message.Text);
            Assert.DoesNotContain("does not exist in the current context", message.Text);
        }

        Assert.Contains("Review", _client.Requests[1][^1].Text);
    }

    [Fact]
    public async Task Content_filter_finish_is_a_refusal_without_retry()
    {
        _client.Reply("", 30, 0, ChatFinishReason.ContentFilter).Reply(Fenced(SlugFile));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Refused, outcome.Status);
        Assert.Equal(DiagnosticCodes.Refused, outcome.FailureCode);
        Assert.Equal(1, _client.Calls);
        Assert.Empty(_checker.Requests);
        Assert.Equal(new UsageTotals(30, 0), outcome.Usage);
        Assert.Contains("content filter", outcome.FailureMessage);
        Assert.Contains("fake-provider", outcome.FailureMessage);
    }

    [Theory]
    [InlineData("I'm sorry, but I can't help with that request.")]
    [InlineData("I cannot assist with creating this.")]
    [InlineData("I can\u2019t help with that.")]
    public async Task Refusal_wording_without_code_is_a_refusal(string reply)
    {
        _client.Reply(reply).Reply(Fenced(SlugFile));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Refused, outcome.Status);
        Assert.Equal(DiagnosticCodes.Refused, outcome.FailureCode);
        Assert.Equal(1, _client.Calls);
        Assert.Contains(reply.Split(' ')[1].Trim('\''), outcome.FailureMessage);
    }

    [Fact]
    public async Task Refusal_part_marked_by_the_service_is_a_refusal()
    {
        var message = new ChatMessage(ChatRole.Assistant, [new ErrorContent("Policy says no.") { ErrorCode = "Refusal" }]);
        _client.Reply(new ChatResponse(message)).Reply(Fenced(SlugFile));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Refused, outcome.Status);
        Assert.Contains("Policy says no.", outcome.FailureMessage);
        Assert.Equal(1, _client.Calls);
    }

    [Fact]
    public async Task Reply_without_code_is_asked_again_and_counts_as_a_pass()
    {
        _client.Reply("Sure, I will write a static class named Slug with a Make method.").Reply(Fenced(SlugFile));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.Passes);
        Assert.Single(_checker.Requests);
        Assert.Contains("could not be used", _client.Requests[1][^1].Text);
        Assert.Contains("no code block", _client.Requests[1][^1].Text);
        Assert.Equal([false, true], outcome.PassRecords.Select(p => p.HadCode));
    }

    [Fact]
    public async Task Only_replies_without_code_fail_with_no_code_diagnostic()
    {
        _client.Reply("Let me think about it.").Reply("Still thinking.");

        var outcome = await Generator().GenerateAsync(Request(maxPasses: 2), CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal(DiagnosticCodes.NoCodeInReply, outcome.FailureCode);
        Assert.Equal(2, _client.Calls);
        Assert.Empty(_checker.Requests);
    }

    [Fact]
    public async Task Usage_is_summed_over_passes_even_without_usage_on_some()
    {
        _client.Reply(Fenced(SlugFile), 7, 3)
            .Reply(new ChatResponse(new ChatMessage(ChatRole.Assistant, Fenced(SlugFile))))
            .Reply(Fenced(SlugFile), 11, 13);
        _checker.Fails(MissingName).Fails(MissingName).Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(new UsageTotals(18, 16), outcome.Usage);
    }

    [Fact]
    public async Task Used_items_are_shown_through_the_public_api_delegate()
    {
        _client.Reply(Fenced(SlugFile));
        _checker.Succeeds();
        var request = Request(uses: [new UsedItem("Prompts/Money.mprompt", "Acme.Billing", "class Money { int secretField; }")]);

        await Generator(code => "public class Money { }").GenerateAsync(request, CancellationToken.None);

        var system = _client.Requests[0][0].Text;
        Assert.Contains("public class Money { }", system);
        Assert.DoesNotContain("secretField", system);
    }

    [Fact]
    public async Task Cancelled_token_propagates_before_any_call()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generator().GenerateAsync(Request(), cts.Token));
        Assert.Equal(0, _client.Calls);
    }

    [Fact]
    public async Task Cancellation_between_passes_propagates()
    {
        using var cts = new CancellationTokenSource();
        _client.Reply(_ =>
        {
            cts.Cancel();
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, Fenced(SlugFile)));
        });
        _checker.Fails(MissingName);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generator().GenerateAsync(Request(), cts.Token));
        Assert.Equal(1, _client.Calls);
    }

    [Fact]
    public async Task Provider_exceptions_propagate()
    {
        _client.Reply(_ => throw new HttpRequestException("boom"));

        await Assert.ThrowsAsync<HttpRequestException>(() => Generator().GenerateAsync(Request(), CancellationToken.None));
    }

    [Theory]
    [InlineData("Prompts/Slug.mprompt", "Slug.g.cs")]
    [InlineData("Slug.mprompt", "Slug.g.cs")]
    [InlineData("a/b/My.Thing.mprompt", "My.Thing.g.cs")]
    public void Generated_file_name_comes_from_the_item_path(string itemPath, string expected)
    {
        Assert.Equal(expected, CodeGenerator.GeneratedFileName(itemPath));
    }
}
