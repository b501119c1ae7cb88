using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Core.Tests.Generation;
using MicroPrompt.Dependability;
using MicroPrompt.Dependability.Probes;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using static MicroPrompt.Core.Tests.Dependability.ProbeSubjects;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>Code variants of one item run against each other on probes, in the real example sandbox.</summary>
public sealed class ProbeComparerTests : IDisposable
{
    private const string SlugContract = "public static class Slug { public static string Make(string text); }";

    // Sample 1: keeps '_' (LINQ). Sample 2: drops it ("drop everything else"). Sample 3: keeps '_' (a loop).
    private const string KeepsUnderscore = """
        namespace Acme.Text;
        public static class Slug
        {
            public static string Make(string text)
                => new string(text.ToLowerInvariant().Select(c => c == ' ' ? '-' : c).Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
        }
        """;

    private const string DropsUnderscore = """
        namespace Acme.Text;
        public static class Slug
        {
            public static string Make(string text)
            {
                var s = new System.Text.StringBuilder();
                foreach (var c in text.ToLowerInvariant())
                {
                    if (c == ' ') s.Append('-');
                    else if (char.IsLetterOrDigit(c) || c == '-') s.Append(c);
                }
                return s.ToString();
            }
        }
        """;

    private const string KeepsUnderscoreLoop = """
        namespace Acme.Text;
        public static class Slug
        {
            public static string Make(string text)
            {
                var s = new System.Text.StringBuilder();
                foreach (var c in text.ToLowerInvariant())
                {
                    if (c == ' ') s.Append('-');
                    else if (char.IsLetterOrDigit(c) || c == '-' || c == '_') s.Append(c);
                }
                return s.ToString();
            }
        }
        """;

    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    private static string SlugPrompt => Library(SlugContract, "Slug.Make(\"Hello, World!\") == \"hello-world\"");

    [Fact]
    public async Task Two_samples_keeping_the_underscore_and_one_dropping_it_are_one_ambiguity_with_a_pasteable_example()
    {
        var model = new FakeChatClient().Reply("""
            <think>The spec keeps '-' and '_' ... or does it?</think>
            Edge cases:
            ```csharp
            Slug.Make("a_b")
            Slug.Make("Hello, World!")
            Slug.Unknown("x")
            ```
            """);
        var notes = new List<string>();
        var subject = Subject(_project, SlugPrompt);
        using var comparer = new ProbeComparer(Options(), new ProbeComparerOptions { ChatClient = model, Model = "gpt-test", Log = notes.Add });

        var ambiguities = await comparer.FindAmbiguitiesAsync(subject,
            [new SampleCode(1, KeepsUnderscore), new SampleCode(2, DropsUnderscore), new SampleCode(3, KeepsUnderscoreLoop)], CancellationToken.None);

        var ambiguity = Assert.Single(ambiguities);
        Assert.Equal("`Slug.Make(\"a_b\")`: 2 samples return `\"a_b\"`, 1 returns `\"ab\"`", AmbiguityText.Describe(ambiguity));
        Assert.Equal("Slug.Make(\"a_b\")", ambiguity.Input);
        Assert.Equal([("\"a_b\"", new[] { 1, 3 }), ("\"ab\"", new[] { 2 })], ambiguity.Outcomes.Select(o => (o.Outcome, o.Samples.ToArray())));
        Assert.Equal("Slug.Make(\"a_b\") == \"a_b\"", ambiguity.SuggestedExample);
        Assert.Equal(1, model.Calls);
        Assert.Equal("gpt-test", model.Options[0]!.ModelId);
        Assert.Empty(notes);
        Assert.Equal(9, comparer.LastProbeCount); // a_b (proposed; Unknown does not compile, Hello is an example) + 8 for the string
        Assert.Equal(1, comparer.HarnessStarts);

        // Pasted into the prompt, the suggestion passes for the majority and fails for the minority.
        using var runner = new ExampleRunner(Options());
        var example = new PromptExample(ambiguity.SuggestedExample, "csharp", new SourceSpan(12, 1));
        Assert.True((await runner.RunAsync(Request(_project, KeepsUnderscore, [example]), CancellationToken.None)).AllPassed);
        Assert.True((await runner.RunAsync(Request(_project, KeepsUnderscoreLoop, [example]), CancellationToken.None)).AllPassed);
        var minority = await runner.RunAsync(Request(_project, DropsUnderscore, [example]), CancellationToken.None);
        Assert.Equal("is false: the left side is \"ab\", the right side is \"a_b\".", Assert.Single(minority.Results).Message);
    }

    [Fact]
    public async Task Samples_that_agree_everywhere_have_no_ambiguity_identical_code_runs_once_and_one_sample_is_never_compared()
    {
        var subject = Subject(_project, SlugPrompt);
        using var comparer = new ProbeComparer(Options());

        Assert.Empty(await comparer.FindAmbiguitiesAsync(subject,
            [new SampleCode(1, KeepsUnderscore), new SampleCode(2, KeepsUnderscoreLoop), new SampleCode(3, KeepsUnderscore)], CancellationToken.None));
        Assert.Equal(8, comparer.LastProbeCount);
        Assert.Equal(1, comparer.ReusedRuns); // sample 3 is sample 1's code: run once
        Assert.Empty(await comparer.FindAmbiguitiesAsync(subject, [new SampleCode(1, DropsUnderscore)], CancellationToken.None));
    }

    [Fact]
    public async Task A_hang_is_a_timeout_a_crash_is_a_crash_and_the_other_probes_keep_their_outcomes()
    {
        const string hangsOnEmpty = """
            namespace Acme.Text;
            public static class Slug
            {
                public static string Make(string text)
                {
                    while (text.Length == 0) { }
                    return text.Trim().ToLowerInvariant().Replace(' ', '-');
                }
            }
            """;
        const string crashesOnBlank = """
            namespace Acme.Text;
            public static class Slug
            {
                public static string Make(string text) => text == " " ? Deep(0).ToString() : text.Trim().ToLowerInvariant().Replace(' ', '-');
                private static int Deep(int n) => Deep(n + 1) + 1;
            }
            """;
        const string plain = """
            namespace Acme.Text;
            public static class Slug
            {
                public static string Make(string text) => text.Trim().ToLowerInvariant().Replace(' ', '-');
            }
            """;
        var subject = Subject(_project, Library(SlugContract, "Slug.Make(\"A b\") == \"a-b\""));
        using var comparer = new ProbeComparer(Options(timeoutSeconds: 2));

        var ambiguities = await comparer.FindAmbiguitiesAsync(subject,
            [new SampleCode(1, hangsOnEmpty), new SampleCode(2, crashesOnBlank), new SampleCode(3, plain)], CancellationToken.None);

        Assert.Equal(
        [
            "`Slug.Make(\"\")`: 2 samples return `\"\"`, 1 times out",
            "`Slug.Make(\" \")`: 2 samples return `\"\"`, 1 crashes the process",
        ], ambiguities.Select(AmbiguityText.Describe));
        Assert.Equal(["Slug.Make(\"\") == \"\"", "Slug.Make(\" \") == \"\""], ambiguities.Select(a => a.SuggestedExample));
        Assert.Equal(3, comparer.HarnessStarts); // the first start, after the timeout, after the crash
    }

    [Fact]
    public async Task A_program_whose_samples_disagree_on_a_missing_file_gets_a_yaml_example()
    {
        const string prompt = """
            ---
            kind: program
            ---
            # Count

            Print the number of words in the file named by the first argument.

            ## Examples
            ```text
            args: [notes.md]
            files:
              notes.md: "one two"
            stdout: "2"
            ```
            """;
        static string Program(int missingExit) => $$"""
            namespace Acme.Text;
            public static class Program
            {
                public static int Main(string[] args)
                {
                    if (args.Length == 0) { System.Console.WriteLine("usage: count FILE"); return 2; }
                    if (!System.IO.File.Exists(args[0])) { System.Console.WriteLine("not found"); return {{missingExit}}; }
                    System.Console.WriteLine(System.IO.File.ReadAllText(args[0]).Split(' ', System.StringSplitOptions.RemoveEmptyEntries).Length);
                    return 0;
                }
            }
            """;
        var subject = Subject(_project, prompt, path: "Prompts/Count.mprompt");
        using var comparer = new ProbeComparer(Options());

        var ambiguities = await comparer.FindAmbiguitiesAsync(subject,
            [new SampleCode(1, Program(1)), new SampleCode(2, Program(1)), new SampleCode(3, Program(3))], CancellationToken.None);

        Assert.Equal(
        [
            "`args: [\"missing.txt\"], stdin: \"\"`: 2 samples give `exit 1`, 1 gives `exit 3`",
            "`args: [\"notes.md\"], stdin: \"\"`: 2 samples give `exit 1`, 1 gives `exit 3`",
        ], ambiguities.Select(AmbiguityText.Describe));
        Assert.Equal("args: [\"missing.txt\"]\nstdin: \"\"\nexit: 1", ambiguities[0].SuggestedExample);

        // The YAML is a valid program example: it passes for the majority and fails for the minority.
        var parsed = Parse(prompt + "\n```text\n" + ambiguities[0].SuggestedExample + "\n```\n", Path.Combine(_project.Directory, "Prompts/Count.mprompt"));
        var example = parsed.Examples[^1];
        using var runner = new ExampleRunner(Options());
        Assert.True((await runner.RunAsync(Request(_project, Program(1), [example], PromptKind.Program), CancellationToken.None)).AllPassed);
        Assert.False((await runner.RunAsync(Request(_project, Program(3), [example], PromptKind.Program), CancellationToken.None)).AllPassed);
    }

    [Fact]
    public async Task FindDisagreement_names_the_first_probe_a_mutant_changes_and_the_example_that_kills_it()
    {
        const string original = """
            namespace Acme.Text;
            public static class Limits { public static bool Within(int value, int max) => value >= 0 && value <= max; }
            """;
        var mutant = original.Replace("value >= 0", "value > 0", StringComparison.Ordinal);
        var subject = Subject(_project, Library("public static class Limits { public static bool Within(int value, int max); }", "Limits.Within(3, 10)", "!Limits.Within(-1, 10)"));
        using var comparer = new ProbeComparer(Options());

        var disagreement = await comparer.FindDisagreementAsync(subject, original, mutant, CancellationToken.None);

        Assert.NotNull(disagreement);
        Assert.Equal(new ProbeDisagreement("Limits.Within(0, 10)", "true", "false", "Limits.Within(0, 10) == true"), disagreement);
        Assert.Null(await comparer.FindDisagreementAsync(subject, original, original, CancellationToken.None));
    }

    [Fact]
    public async Task An_exception_of_another_type_is_pinned_by_its_exact_type()
    {
        const string original = """
            namespace Acme.Text;
            public static class Slug { public static string Make(string text) => text.Length == 0 ? throw new ArgumentException("empty", nameof(text)) : text.ToLowerInvariant(); }
            """;
        var variant = original.Replace("new ArgumentException(\"empty\", nameof(text))", "new ArgumentOutOfRangeException(nameof(text))", StringComparison.Ordinal);
        var subject = Subject(_project, Library(SlugContract, "Slug.Make(\"A\") == \"a\""));
        using var comparer = new ProbeComparer(Options());

        var disagreement = await comparer.FindDisagreementAsync(subject, original, variant, CancellationToken.None);

        Assert.NotNull(disagreement);
        Assert.Equal(("Slug.Make(\"\")", "throws ArgumentException", "throws ArgumentOutOfRangeException"), (disagreement.Input, disagreement.OriginalOutcome, disagreement.VariantOutcome));
        Assert.Equal("var error = Assert.Throws<System.ArgumentException>(() => Slug.Make(\"\"));\nAssert.Equal(typeof(System.ArgumentException), error.GetType());", disagreement.SuggestedExample);

        // Assert.Throws alone accepts the subclass; the exact check kills the variant.
        using var runner = new ExampleRunner(Options());
        var example = new PromptExample(disagreement.SuggestedExample, "csharp", new SourceSpan(12, 1));
        Assert.True((await runner.RunAsync(Request(_project, original, [example]), CancellationToken.None)).AllPassed);
        Assert.False((await runner.RunAsync(Request(_project, variant, [example]), CancellationToken.None)).AllPassed);
    }
}
