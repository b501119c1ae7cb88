using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>Every generation asks for assumptions and returns those of the reply its code came from; they are never compiled.</summary>
public sealed class CodeGeneratorAssumptionTests
{
    private static readonly CompileError MissingName = new("CS0103", "The name 'Regex' does not exist in the current context", 5, 42);

    private readonly FakeChatClient _client = new();
    private readonly FakeCompileChecker _checker = new();

    private CodeGenerator Generator() => new(_ => _client, _checker);

    private static string Reply(string code, params string[] assumptions) =>
        $"{Fenced(code)}\n\n```assumptions\n{string.Join("\n", assumptions.Select(a => "- " + a))}\n```\n";

    [Fact]
    public async Task The_request_asks_for_an_assumptions_block_and_the_outcome_carries_it_while_only_the_code_is_compiled()
    {
        _client.Reply(Reply(SlugFile, "Input is ASCII.", "Spaces become single dashes."));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(["Input is ASCII.", "Spaces become single dashes."], outcome.Assumptions);
        Assert.Equal(SlugFile + "\n", Assert.Single(_checker.Requests).Code);
        Assert.Contains("```assumptions", _client.Requests[0][0].Text); // the system message's reply format
    }

    [Fact]
    public async Task A_repair_that_resends_only_the_code_keeps_the_assumptions_and_one_that_restates_them_replaces_them()
    {
        var broken = SlugFile.Replace("text.ToLowerInvariant()", "Regex.Replace(text)", StringComparison.Ordinal);
        _client.Reply(Reply(broken, "Input is ASCII.")).Reply(Fenced(SlugFile));
        _checker.Fails(MissingName).Succeeds();

        var kept = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(["Input is ASCII."], kept.Assumptions);
        Assert.Contains("```assumptions block again", _client.Requests[1].Last().Text); // the repair asks for them

        var client = new FakeChatClient().Reply(Reply(broken, "Input is ASCII.")).Reply(Reply(SlugFile, "none"));
        var checker = new FakeCompileChecker().Fails(MissingName).Succeeds();
        var replaced = await new CodeGenerator(_ => client, checker).GenerateAsync(Request(), CancellationToken.None);

        Assert.Empty(replaced.Assumptions); // "none" is an answer
    }

    [Fact]
    public async Task A_reply_without_assumptions_is_fine()
    {
        _client.Reply(Fenced(SlugFile));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Empty(outcome.Assumptions);
    }

    [Fact]
    public async Task An_edit_shows_the_previous_assumptions_asks_for_updated_ones_and_keeps_them_when_none_are_restated()
    {
        var previous = new PreviousResolution(SlugFile, "abc", "# Slug\n\nOld text.\n", null, null, Edit: true) { Assumptions = ["Input is ASCII."] };
        _client.Reply(Fenced(SlugFile.Replace("'-'", "'_'", StringComparison.Ordinal)));
        _checker.Succeeds();

        var outcome = await Generator().GenerateAsync(Request() with { Previous = previous }, CancellationToken.None);

        var user = _client.Requests[0].Last().Text;
        Assert.Contains("# The existing code's assumptions\n```assumptions\n- Input is ASCII.\n```", user);
        Assert.Contains("then the ```assumptions block with the assumptions of the updated code", user);
        Assert.Equal(["Input is ASCII."], outcome.Assumptions);
    }
}
