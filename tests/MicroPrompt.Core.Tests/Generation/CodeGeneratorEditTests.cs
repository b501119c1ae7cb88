using MicroPrompt.Generation;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>Edit-in-place regeneration, the library shape and the public API check inside the generation loop.</summary>
public sealed class CodeGeneratorEditTests
{
    private const string Previous = """
        namespace Acme.Text;

        public static class Slug
        {
            public static string Make(string text) => text.ToLowerInvariant().Replace(' ', '-');
        }
        """;

    private readonly FakeChatClient _client = new();
    private readonly FakeCompileChecker _checker = new() { Default = new MicroPrompt.Compilation.CompileCheckResult([]) };

    private CodeGenerator Generator() => new(_ => _client, _checker);

    private static GenerationRequest Edit(bool allowApiChanges = false, string? oldContract = null, string? contract = null) => Request(Document(contract: contract)) with
    {
        Previous = new PreviousResolution(Previous, "abc", "# Slug\n\nOld text.\n", "--- a/Slug.mprompt\n+++ b/Slug.mprompt\n@@ -1,3 +1,3 @@\n-Old text.\n+Make a URL slug.\n", oldContract, Edit: true),
        AllowApiChanges = allowApiChanges,
        CallerBaseline = Previous,
    };

    [Fact]
    public async Task An_edit_request_carries_the_previous_code_the_prompt_diff_and_asks_for_the_smallest_change()
    {
        _client.Reply(Fenced(Previous.Replace("'-'", "'_'")));

        var outcome = await Generator().GenerateAsync(Edit(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.True(outcome.Edited);
        var user = _client.Requests[0].Last().Text;
        Assert.Contains("smallest change", user);
        Assert.Contains("```diff\n--- a/Slug.mprompt", user);
        Assert.Contains("+Make a URL slug.", user);
        Assert.Contains("public static string Make(string text) => text.ToLowerInvariant().Replace(' ', '-');", user);
        Assert.Contains("# The new prompt", user);
        var check = Assert.Single(_checker.Requests);
        Assert.Equal(Previous, check.CallerBaseline);
    }

    [Fact]
    public async Task When_every_edit_pass_fails_the_last_pass_starts_from_scratch()
    {
        _client.Reply("no code").Reply("still no code").Reply(Fenced(Previous));

        var outcome = await Generator().GenerateAsync(Edit(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.False(outcome.Edited); // the fresh fallback produced it
        Assert.Equal(3, _client.Calls);
        var last = _client.Requests[2];
        Assert.Equal(2, last.Count); // a new conversation: system + user
        Assert.DoesNotContain("smallest change", last[1].Text);
        Assert.Contains("smallest change", _client.Requests[1][1].Text);
    }

    [Fact]
    public async Task A_removed_public_member_is_a_repair_problem_unless_allowed()
    {
        var renamed = Previous.Replace("Make(", "Create(");
        _client.Reply(Fenced(renamed)).Reply(Fenced(Previous));

        var outcome = await Generator().GenerateAsync(Edit(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(2, _client.Calls);
        var repair = _client.Requests[1].Last().Text;
        Assert.Contains("Make", repair);
        Assert.Contains("removed", repair, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_allowed_api_change_is_accepted_and_reported()
    {
        var renamed = Previous.Replace("Make(", "Create(");
        _client.Reply(Fenced(renamed));

        var outcome = await Generator().GenerateAsync(Edit(allowApiChanges: true), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(1, _client.Calls);
        Assert.Contains(outcome.ApiChanges, c => c.ToString().Contains("Create", StringComparison.Ordinal));
        Assert.Contains(outcome.ApiChanges, c => c.ToString().Contains("Make", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_the_contract_made_too_is_not_a_problem()
    {
        var renamed = Previous.Replace("Make(", "Create(");
        _client.Reply(Fenced(renamed));

        var outcome = await Generator().GenerateAsync(
            Edit(oldContract: "public static class Slug { public static string Make(string text); }", contract: "public static class Slug { public static string Create(string text); }"),
            CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(1, _client.Calls);
    }

    [Fact]
    public async Task A_library_reply_with_a_demo_Main_is_repaired_and_never_accepted_as_is()
    {
        var withDemo = Previous + "\n\npublic static class Demo\n{\n    public static void Main() => System.Console.WriteLine(Slug.Make(\"A B\"));\n}\n";
        _client.Reply(Fenced(withDemo)).Reply(Fenced(Previous));

        var outcome = await Generator().GenerateAsync(Request(Document(contract: "public static class Slug { public static string Make(string text); }")), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(Previous + "\n", outcome.Code);
        var repair = _client.Requests[1].Last().Text;
        Assert.Contains("MP2040", repair);
        Assert.Contains("Main", repair);
    }

    [Fact]
    public async Task A_library_that_keeps_its_demo_Main_fails_with_MP2040()
    {
        var withDemo = Previous + "\n\npublic static class Demo\n{\n    public static void Main() { }\n}\n";
        _client.Reply(Fenced(withDemo)).Reply(Fenced(withDemo));

        var outcome = await Generator().GenerateAsync(Request(maxPasses: 2), CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal("MP2040", outcome.FailureCode);
        Assert.Null(outcome.Code);
    }

    [Fact]
    public async Task Caller_errors_are_fed_back_and_a_last_failure_names_the_callers_with_MP2041()
    {
        var broken = new MicroPrompt.Compilation.CompileCheckResult([]) { CallerErrors = ["Program.cs(3,17): error CS0117: 'Slug' does not contain a definition for 'Make'"] };
        var checker = new FakeCompileChecker();
        checker.Default = broken;
        _client.Reply(Fenced(Previous)).Reply(Fenced(Previous));
        var generator = new CodeGenerator(_ => _client, checker);

        var outcome = await generator.GenerateAsync(Request(maxPasses: 2) with { CallerBaseline = "" }, CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal("MP2041", outcome.FailureCode);
        Assert.Contains("Program.cs(3,17): error CS0117", outcome.FailureMessage);
        Assert.Contains("Program.cs(3,17): error CS0117", _client.Requests[1].Last().Text);
        Assert.Single(outcome.BrokenCallers);
        Assert.True(outcome.Compiles);
    }
}
