using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Verification;

/// <summary>The harness against real compiled code: every example runs in the child process, never in the test host.</summary>
public sealed class ExampleRunnerTests : IDisposable
{
    private const string Slug = """
        namespace Acme.Text;

        public static class Slug
        {
            public static string Make(string text)
            {
                ArgumentNullException.ThrowIfNull(text);
                return text.ToLowerInvariant().Replace(' ', '-');
            }

            public static int Forever() { while (true) { } }

            public static int Deep(int n) => Deep(n + 1) + 1;

            public static bool Quit() { Environment.Exit(0); return true; }

            public static string? Env(string name) => Environment.GetEnvironmentVariable(name);
        }
        """;

    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Passing_and_failing_expressions_and_blocks_report_values_and_assertions()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Slug,
        [
            Expr("Slug.Make(\"Hello World\") == \"hello-world\"", 10),
            Expr("Slug.Make(\"Hello World\") == \"hello_world\"", 11),
            Expr("Slug.Make(\"abc\").Length > 5", 12),
            Expr("var s = Slug.Make(\"A B\");\nAssert.Equal(\"a-b\", s);", 13),
            Expr("var s = Slug.Make(\"A B\");\nAssert.Equal(\"a_b\", s);", 15),
            Expr("Slug.Make(\"x\").Length != 1", 17),
        ]), CancellationToken.None);

        Assert.Equal([true, false, false, true, false, false], report.Results.Select(r => r.Passed));
        Assert.Equal(2, report.Passed);
        Assert.Equal(6, report.Total);
        Assert.Equal("is false: the left side is \"hello-world\", the right side is \"hello_world\".", report.Results[1].Message);
        Assert.Equal("is false.", report.Results[2].Message);
        Assert.Equal("Assert.Equal failed: expected \"a_b\", actual \"a-b\".", report.Results[4].Message);
        Assert.Equal("is false: both sides are 1.", report.Results[5].Message);
        Assert.Equal(1, runner.HarnessStarts);
    }

    [Fact]
    public async Task An_exception_is_reported_with_type_message_and_first_frames()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Slug, [Expr("Slug.Make(null!) == \"\"", 21)]), CancellationToken.None);

        var result = Assert.Single(report.Results);
        Assert.False(result.Passed);
        Assert.StartsWith("threw System.ArgumentNullException: Value cannot be null. (Parameter 'text')", result.Message);
        Assert.Contains("at Acme.Text.Slug.Make(String text)", result.Message);
        Assert.Contains("Slug.mprompt:line 21", result.Message); // the example's frame points into the prompt
    }

    [Fact]
    public async Task An_endless_loop_times_out_the_harness_is_restarted_and_the_remaining_examples_still_run()
    {
        using var runner = new ExampleRunner(Options(timeoutSeconds: 2));
        var report = await runner.RunAsync(Request(_project, Slug,
        [
            Expr("Slug.Make(\"A\") == \"a\""),
            Expr("Slug.Forever() == 1"),
            Expr("Slug.Make(\"B\") == \"b\""),
        ]), CancellationToken.None);

        Assert.Equal([true, false, true], report.Results.Select(r => r.Passed));
        Assert.Contains("did not finish within 2 s", report.Results[1].Message);
        Assert.Equal(2, runner.HarnessStarts);
    }

    [Fact]
    public async Task A_stack_overflow_fails_that_example_only()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Slug, [Expr("Slug.Deep(0) == 1"), Expr("Slug.Make(\"B\") == \"b\"")]), CancellationToken.None);

        Assert.Equal([false, true], report.Results.Select(r => r.Passed));
        Assert.Contains("ended the example process", report.Results[0].Message);
        Assert.Contains("Stack overflow", report.Results[0].Message);
        Assert.Equal(2, runner.HarnessStarts);
    }

    [Fact]
    public async Task Environment_Exit_0_fails_that_example_only()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Slug, [Expr("Slug.Quit()"), Expr("Slug.Make(\"B\") == \"b\"")]), CancellationToken.None);

        Assert.Equal([false, true], report.Results.Select(r => r.Passed));
        Assert.Contains("ended the example process (exit code 0)", report.Results[0].Message);
        Assert.Contains("Environment.Exit", report.Results[0].Message);
    }

    [Fact]
    public async Task Examples_see_a_scrubbed_environment_without_the_build_secrets()
    {
        const string secret = "MP_EXAMPLES_TEST_API_KEY";
        Environment.SetEnvironmentVariable(secret, "sk-must-not-leak");
        try
        {
            using var runner = new ExampleRunner(Options());
            var report = await runner.RunAsync(Request(_project, Slug,
            [
                Expr($"Slug.Env(\"{secret}\") == null"),
                Expr($"Slug.Env(\"{secret}\") == \"sk-must-not-leak\""), // proves the check above could fail
                Expr("Slug.Env(\"DOTNET_GCHeapHardLimit\") == \"0x20000000\""), // the harness's own, scrubbed environment
                Expr("Slug.Env(\"HOME\")!.Contains(\"mp-examples-\")"),
                Expr("Environment.GetEnvironmentVariables().Count < 20"),
            ]), CancellationToken.None);

            Assert.Equal([true, false, true, true, true], report.Results.Select(r => r.Passed));
            Assert.Contains("the left side is null", report.Results[1].Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(secret, null);
        }
    }

    [Fact]
    public async Task Memory_is_capped()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Slug, [Expr("new byte[1_500_000_000].Length > 0"), Expr("Slug.Make(\"B\") == \"b\"")]), CancellationToken.None);

        Assert.False(report.Results[0].Passed);
        Assert.Contains("OutOfMemoryException", report.Results[0].Message);
        Assert.True(report.Results[1].Passed);
    }

    [Fact]
    public async Task An_example_that_does_not_compile_fails_with_the_error_and_the_others_still_run()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Slug, [Expr("Slug.Missing(\"a\") == \"a\"", 30), Expr("Slug.Make(\"B\") == \"b\"", 31)]), CancellationToken.None);

        Assert.Equal([false, true], report.Results.Select(r => r.Passed));
        Assert.Contains("does not compile", report.Results[0].Message);
        Assert.Contains("Slug.mprompt(30,", report.Results[0].Message);
        Assert.Contains("CS0117", report.Results[0].Message);
    }

    [Fact]
    public async Task One_harness_process_serves_several_items()
    {
        using var runner = new ExampleRunner(Options());
        for (var i = 0; i < 3; i++)
        {
            var report = await runner.RunAsync(Request(_project, Slug, [Expr($"Slug.Make(\"X{i}\") == \"x{i}\"")]), CancellationToken.None);
            Assert.True(report.AllPassed, report.Results[0].Message);
        }

        Assert.Equal(1, runner.HarnessStarts);
    }

    private const string Shout = """
        namespace Acme.Text;

        public static class Program
        {
            public static int Main(string[] args)
            {
                if (args.Length == 0) { Console.Error.WriteLine("usage: shout <file>|-"); return 2; }
                var text = args[0] == "-" ? Console.In.ReadToEnd() : File.ReadAllText(args[0]);
                var prefix = args.Length > 1 ? args[1] + " " : "";
                Console.WriteLine(prefix + text.Trim().ToUpperInvariant());
                return 0;
            }
        }
        """;

    [Fact]
    public async Task Program_examples_get_args_stdin_and_files_and_are_judged_on_stdout_and_exit_code()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Shout,
        [
            Program(new ProgramExample { Args = ["-"], Stdin = "hello\n", Stdout = "HELLO\n" }),
            Program(new ProgramExample { Args = ["in.txt", "two words"], Files = new Dictionary<string, string> { ["in.txt"] = "quiet" }, Stdout = "two words QUIET" }),
            Program(new ProgramExample { Args = [], Exit = 2 }),
            Program(new ProgramExample { Args = ["-"], Stdin = "hello", Stdout = "Hello" }),
            Program(new ProgramExample { Args = [], Exit = 0 }),
        ], PromptKind.Program), CancellationToken.None);

        Assert.Equal([true, true, true, false, false], report.Results.Select(r => r.Passed));
        Assert.Equal("stdout was \"HELLO\", expected \"Hello\".", report.Results[3].Message);
        Assert.Equal("the exit code was 2, expected 0; stderr: \"usage: shout <file>|-\".", report.Results[4].Message);
    }

    [Fact]
    public async Task A_program_examples_stderr_must_contain_the_expected_text()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(Request(_project, Shout,
        [
            Program(new ProgramExample { Args = [], Stderr = "usage: shout", Exit = 2 }),
            Program(new ProgramExample { Args = [], Stderr = "  <file>|-\r\n", Exit = 2 }),
            Program(new ProgramExample { Args = [], Stderr = "file not found", Exit = 2 }),
            Program(new ProgramExample { Args = ["-"], Stdin = "hi", Stdout = "HI", Stderr = "usage" }),
        ], PromptKind.Program), CancellationToken.None);

        Assert.Equal([true, true, false, false], report.Results.Select(r => r.Passed));
        Assert.Equal("stderr was \"usage: shout <file>|-\", expected it to contain \"file not found\".", report.Results[2].Message);
        Assert.Equal("stderr was \"\", expected it to contain \"usage\".", report.Results[3].Message);
    }
}
