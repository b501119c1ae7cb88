using MicroPrompt.Core.Tests.Generation;
using MicroPrompt.Dependability.Probes;
using static MicroPrompt.Core.Tests.Dependability.ProbeSubjects;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>Which probe inputs the contract's parameter types and a program's examples give (no sandbox needed).</summary>
public sealed class ProbeInputGeneratorTests
{
    private static List<string> Inputs(string contract, bool nullable = true, params string[] examples)
        => LibraryProbeGenerator.Generate(Parse(Library(contract, examples)), nullable).SelectMany(m => m).Select(p => p.Input).ToList();

    [Fact]
    public void A_string_parameter_gets_empty_whitespace_long_non_ascii_and_punctuated_values_and_the_example_call_is_skipped()
    {
        var inputs = Inputs("public static class Slug { public static string Make(string text); }", true, "Slug.Make(\"Hello, World!\") == \"hello-world\"");

        Assert.Equal(
        [
            "Slug.Make(\"abc\")", "Slug.Make(\"\")", "Slug.Make(\" \")", "Slug.Make(\" \\t\\n \")", "Slug.Make(new string('a', 10000))",
            "Slug.Make(\"Ünïcødé ✓\")", "Slug.Make(\"日本\")", "Slug.Make(\"a,\\\"b,c\\\";d=e=f\")",
        ], inputs);
    }

    [Fact]
    public void Null_is_tried_where_the_type_allows_it()
    {
        Assert.Contains("Slug.Make(null)", Inputs("public static class Slug { public static string Make(string? text); }"));
        Assert.DoesNotContain("Slug.Make(null)", Inputs("public static class Slug { public static string Make(string text); }"));
        Assert.Contains("Slug.Make(null)", Inputs("public static class Slug { public static string Make(string text); }", nullable: false));
        Assert.Contains("Calc.Half(null)", Inputs("public static class Calc { public static int Half(int? n); }"));
    }

    [Fact]
    public void Numbers_booleans_enums_and_collections_vary_one_parameter_at_a_time_around_the_example_call()
    {
        var inputs = Inputs(
            "public enum Mode { Fast, Exact }\npublic static class Calc { public static double Scale(int n, double factor, bool round, Mode mode); }",
            true,
            "Calc.Scale(3, 2.0, false, Mode.Exact) == 6.0");

        Assert.Equal(
        [
            "Calc.Scale(1, 2.0, false, Mode.Exact)", "Calc.Scale(0, 2.0, false, Mode.Exact)", "Calc.Scale(-1, 2.0, false, Mode.Exact)",
            "Calc.Scale(int.MinValue, 2.0, false, Mode.Exact)", "Calc.Scale(int.MaxValue, 2.0, false, Mode.Exact)",
            "Calc.Scale(3, 1.5, false, Mode.Exact)", "Calc.Scale(3, 0.0, false, Mode.Exact)", "Calc.Scale(3, -0.5, false, Mode.Exact)",
            "Calc.Scale(3, double.NaN, false, Mode.Exact)", "Calc.Scale(3, double.MaxValue, false, Mode.Exact)",
            "Calc.Scale(3, 2.0, true, Mode.Exact)",
            "Calc.Scale(3, 2.0, false, Mode.Fast)",
        ], inputs);
    }

    [Fact]
    public void Collections_have_one_element_none_or_two_and_instance_methods_run_on_a_new_object()
    {
        var inputs = Inputs("""
            public static class Lists { public static int Sum(IEnumerable<long> items); public static string Join(List<string> parts); public static int Count(Dictionary<string, int> map); public static int Max(int[] values); }
            public sealed class Counter { public int Add(long by); }
            public record Point(int X, int Y);
            """);

        Assert.Contains("Lists.Sum(new long[] { 1L })", inputs);
        Assert.Contains("Lists.Sum(new long[0])", inputs);
        Assert.Contains("Lists.Sum(new long[] { 1L, 0L })", inputs);
        Assert.Contains("Lists.Join(new List<string> { \"abc\" })", inputs);
        Assert.Contains("Lists.Join(new List<string>())", inputs);
        Assert.Contains("Lists.Count(new Dictionary<string, int> { [\"abc\"] = 1 })", inputs);
        Assert.Contains("Lists.Count(new Dictionary<string, int>())", inputs);
        Assert.Contains("Lists.Max(new int[0])", inputs);
        Assert.Contains("new Counter().Add(long.MaxValue)", inputs);
        Assert.Contains("new Point(int.MinValue, 1)", inputs);
    }

    [Fact]
    public void Callbacks_return_an_ordinary_value_or_throw()
    {
        var inputs = Inputs("public static class Batch { public static Task<int> SaveAllAsync(IEnumerable<string> items, Func<string, Task> save); public static int Count(Func<int, int, bool> keep, Action<string> log); }");

        Assert.Contains("Batch.SaveAllAsync(new string[] { \"abc\" }, _ => Task.CompletedTask)", inputs);
        Assert.Contains("Batch.SaveAllAsync(new string[] { \"abc\" }, _ => throw new InvalidOperationException(\"probe\"))", inputs);
        Assert.Contains("Batch.Count((_, _) => true, _ => { })", inputs);
        Assert.Contains("Batch.Count((_, _) => true, _ => throw new InvalidOperationException(\"probe\"))", inputs);
    }

    [Fact]
    public void Members_with_ref_parameters_or_types_it_cannot_build_are_left_out()
    {
        Assert.Empty(Inputs("public static class Io { public static bool TryRead(string s, out int value); public static void Send(System.Net.Http.HttpClient client); }"));
    }

    [Fact]
    public void A_program_gets_empty_blank_non_ascii_and_long_stdin_a_missing_file_and_its_examples_without_their_files()
    {
        var prompt = Parse("""
            ---
            kind: program
            ---
            # Count

            Count the words of the file named by the first argument, or of stdin.

            ## Examples
            ```text
            args: [notes.md]
            files:
              notes.md: "one two"
            stdout: "2"
            ```
            ```text
            stdin: "a b c"
            stdout: "3"
            ```
            """, "Prompts/Count.mprompt");

        var inputs = ProgramProbeGenerator.Generate(prompt).Select(p => p.Input).ToList();

        Assert.Equal(
        [
            "args: [], stdin: \"\"", "args: [], stdin: \"\\n\"", "args: [], stdin: \" \\t \\n\"", "args: [], stdin: \"Ünïcødé ✓\\n日本\\n\"",
            "args: [], stdin: \"" + new string('a', 60) + "\"… (10001 chars)", "args: [\"missing.txt\"], stdin: \"\"", "args: [\"notes.md\"], stdin: \"\"",
        ], inputs);
    }

    [Fact]
    public async Task A_failed_proposal_request_is_a_note_and_no_client_asks_nothing()
    {
        var prompt = Parse(Library("public static class Slug { public static string Make(string text); }", "Slug.Make(\"A\") == \"a\""));
        var notes = new List<string>();
        var empty = new FakeChatClient(); // no scripted reply: the call throws

        var proposed = await new ProbeProposer(empty, "m", notes.Add).ProposeAsync(prompt, new HashSet<string> { "Slug" }, 8, CancellationToken.None);

        Assert.Empty(proposed);
        Assert.Equal(1, empty.Calls);
        Assert.StartsWith("The model's edge-case probes could not be fetched (InvalidOperationException: FakeChatClient: no scripted reply left", Assert.Single(notes));
        Assert.Empty(await new ProbeProposer(null, null, notes.Add).ProposeAsync(prompt, new HashSet<string> { "Slug" }, 8, CancellationToken.None));
        var request = new FakeChatClient().Reply("```csharp\nSlug.Make(\"a_b\")\n```");
        Assert.Equal(["Slug.Make(\"a_b\")"], await new ProbeProposer(request, "m", notes.Add).ProposeAsync(prompt, new HashSet<string> { "Slug" }, 8, CancellationToken.None));
        Assert.Contains("Slug.Make(\"A\") == \"a\"", request.Requests[0][1].Text); // the examples are shown as covered
        Assert.Equal(0f, request.Options[0]!.Temperature);
    }

    [Fact]
    public async Task A_program_asks_the_model_for_runs_as_json_lines_and_puts_them_first()
    {
        var prompt = """
            ---
            kind: program
            ---
            # Upper

            Print stdin in upper case; `--lower` prints it in lower case.

            ## Examples
            ```text
            stdin: "ab"
            stdout: "AB"
            ```
            """;
        var model = new FakeChatClient().Reply("""
            <think>flags?</think>
            ```json
            {"args": ["--lower"], "stdin": "ÄB\n"}
            {"stdin": "ab"}
            - {"args": ["--LOWER", ""]},
            {"args": [1]}
            not json
            ```
            """);
        using var project = new Compilation.TestProject();
        using var comparer = new ProbeComparer(Verification.ExampleHostPaths.Options(), new ProbeComparerOptions { ChatClient = model });

        var probes = await comparer.ProbesAsync(ProbeSubjects.Subject(project, prompt, path: "Prompts/Upper.mprompt"), CancellationToken.None);

        Assert.Equal(["args: [\"--lower\"], stdin: \"ÄB\\n\"", "args: [\"--LOWER\", \"\"], stdin: \"\"", "args: [], stdin: \"\""], probes.Take(3).Select(p => p.Input));
        Assert.Equal(8, probes.Count); // 2 proposed (the example's own run and a non-string arg dropped) + 6 derived
        Assert.Contains("one JSON object per line", model.Requests[0][1].Text);
    }

    [Fact]
    public void Model_proposals_are_read_from_fences_without_reasoning_prose_expected_values_or_foreign_calls()
    {
        var reply = """
            <think>Underscores are not mentioned. Maybe Slug.Make("thinking") too.</think>
            Here are some edge cases:
            ```csharp
            1. Slug.Make("a_b")
            - Slug.Make("x") == "y";
            Slug.Make("A  B"); // two spaces
            Console.WriteLine("x")
            Slug.Make("a_b")
            not code at all
            ```
            """;

        var calls = ProbeReplyParser.Parse(reply, new HashSet<string> { "Slug" }, 8);

        Assert.Equal(["Slug.Make(\"a_b\")", "Slug.Make(\"x\")", "Slug.Make(\"A  B\")"], calls);
        Assert.Equal(["Slug.Make(\"q\")"], ProbeReplyParser.Parse("Try Slug.Make(\"q\") maybe\nSlug.Make(\"q\")", new HashSet<string> { "Slug" }, 8));
    }

    [Theory]
    [InlineData("```csharp\n```")]
    [InlineData("```\n```\nNothing else to add.")]
    [InlineData("")]
    public void An_empty_fence_or_reply_proposes_nothing(string reply)
    {
        Assert.Empty(ProbeReplyParser.Parse(reply, new HashSet<string> { "Slug" }, 8));
        Assert.Empty(ProbeReplyParser.ParseRuns(reply, 8));
    }
}
