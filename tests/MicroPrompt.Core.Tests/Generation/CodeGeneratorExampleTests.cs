using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Core.Tests.Verification;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>The repair loop with real compile checks and real example runs; only the model is scripted.</summary>
public sealed class CodeGeneratorExampleTests : IDisposable
{
    // Wrong: keeps the case ("Hello-World" instead of "hello-world").
    private const string WrongSlug = """
        namespace Acme.Text;

        public static class Slug
        {
            public static string Make(string text) => text.Replace(' ', '-');
        }
        """;

    private const string RightSlug = """
        namespace Acme.Text;

        public static class Slug
        {
            public static string Make(string text) => text.ToLowerInvariant().Replace(' ', '-');
        }
        """;

    private const string Example = "Slug.Make(\"Hello World\") == \"hello-world\"";

    private readonly TestProject _project = new();
    private readonly FakeChatClient _client = new();
    private readonly ExampleRunner _runner = new(ExampleHostPaths.Options());

    public void Dispose()
    {
        _runner.Dispose();
        _project.Dispose();
    }

    [Fact]
    public async Task Exec_feeds_the_failing_example_and_its_actual_value_back_and_the_fix_passes()
    {
        _client.Reply(Fenced(WrongSlug)).Reply(Fenced(RightSlug));

        var outcome = await Generator().GenerateAsync(SlugRequest(RepairMode.Exec), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(RightSlug + "\n", outcome.Code);
        Assert.Equal(2, outcome.Passes);
        Assert.Equal(2, outcome.FirstCorrectPass);
        Assert.True(outcome.Compiles);
        Assert.Equal((2, 2), (outcome.ExamplesPassed, outcome.ExamplesTotal));
        Assert.Equal([(true, 1, 2), (true, 2, 2)], outcome.PassRecords.Select(p => (p.Compiled, p.ExamplesPassed, p.ExamplesTotal)));

        var repair = _client.Requests[1][^1].Text;
        Assert.Contains(Example, repair);                   // the failing expression
        Assert.Contains("\"Hello-World\"", repair);         // the value it had
        Assert.Contains("Slug.mprompt(12,1)", repair);      // where it is
        Assert.DoesNotContain("Slug.Make(\"a\") == \"a\"", repair); // the passing example is not listed
    }

    [Fact]
    public async Task None_makes_one_call_and_fails_with_MP2007_naming_the_example_and_its_line()
    {
        _client.Reply(Fenced(WrongSlug)).Reply(Fenced(RightSlug));

        var outcome = await Generator().GenerateAsync(SlugRequest(RepairMode.None), CancellationToken.None);

        Assert.Equal(GenerationStatus.Failed, outcome.Status);
        Assert.Equal(DiagnosticCodes.ExamplesFailed, outcome.FailureCode);
        Assert.Equal(1, _client.Calls);
        Assert.Null(outcome.Code);
        Assert.Null(outcome.FirstCorrectPass);
        Assert.True(outcome.Compiles);
        Assert.Equal((1, 2), (outcome.ExamplesPassed, outcome.ExamplesTotal));
        Assert.Equal(new SourceSpan(12, 1), outcome.FailureSpan);
        Assert.Contains("fails 1 of 2 example(s) after 1 pass", outcome.FailureMessage);
        Assert.Contains($"line 12: `{Example}` is false: the left side is \"Hello-World\"", outcome.FailureMessage);
    }

    [Fact]
    public async Task Review_asks_for_a_re_read_without_any_execution_output_and_the_examples_grade_the_result()
    {
        _client.Reply(Fenced(WrongSlug)).Reply(Fenced(RightSlug));

        var outcome = await Generator().GenerateAsync(SlugRequest(RepairMode.Review), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.FirstCorrectPass);
        var second = _client.Requests[1];
        Assert.Contains("Review your code", second[^1].Text);
        foreach (var message in second)
        {
            Assert.DoesNotContain("Hello-World", message.Text);  // no actual value
            Assert.DoesNotContain("is false", message.Text);     // no verdict
            Assert.DoesNotContain("left side", message.Text);
        }
    }

    [Fact]
    public async Task Review_front_matter_adds_exactly_one_call_after_the_code_is_correct()
    {
        var improved = RightSlug.Replace("=> text", "=> (text ?? \"\")", StringComparison.Ordinal);
        _client.Reply(Fenced(RightSlug)).Reply(Fenced(improved));

        var outcome = await Generator().GenerateAsync(SlugRequest(RepairMode.Exec, review: 1), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(2, _client.Calls);
        Assert.Equal(2, outcome.Passes);
        Assert.Equal(1, outcome.FirstCorrectPass);
        Assert.Equal(improved + "\n", outcome.Code);
        Assert.Equal([false, true], outcome.PassRecords.Select(p => p.IsReview));
        Assert.Contains("Review your code", _client.Requests[1][^1].Text);
    }

    [Fact]
    public async Task A_review_that_breaks_the_code_keeps_the_last_correct_code()
    {
        _client.Reply(Fenced(RightSlug)).Reply(Fenced(WrongSlug)).Reply(Fenced(RightSlug));

        var outcome = await Generator().GenerateAsync(SlugRequest(RepairMode.Exec, review: 2), CancellationToken.None);

        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
        Assert.Equal(RightSlug + "\n", outcome.Code);
        Assert.Equal(2, _client.Calls); // the failed review ends the reviews
        Assert.Equal((2, 2), (outcome.ExamplesPassed, outcome.ExamplesTotal));
        Assert.Equal([(2, 2, false), (1, 2, true)], outcome.PassRecords.Select(p => (p.ExamplesPassed, p.ExamplesTotal, p.IsReview)));
    }

    private CodeGenerator Generator() => new(_ => _client, ExampleHostPaths.Checker, examples: _runner);

    private GenerationRequest SlugRequest(RepairMode repair, int review = 0)
    {
        var document = new PromptDocument
        {
            FilePath = Path.Combine(_project.Directory, "Prompts", "Slug.mprompt"),
            Text = "# Slug\n",
            Title = "Slug",
            Instructions = "# Slug\n\nMake a URL slug: lower-case, spaces become dashes.",
            Examples =
            [
                new PromptExample("Slug.Make(\"a\") == \"a\"", "csharp", new SourceSpan(11, 1)),
                new PromptExample(Example, "csharp", new SourceSpan(12, 1)),
            ],
            Review = review,
        };
        return new GenerationRequest
        {
            Prompt = document,
            ItemPath = "Prompts/Slug.mprompt",
            Namespace = "Acme.Text",
            Model = "test-model",
            Project = _project.Context(),
            Repair = repair,
            MaxPasses = 3,
        };
    }
}
