using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;
using static MicroPrompt.Core.Tests.Prompts.PromptText;

namespace MicroPrompt.Core.Tests.Prompts;

public class ProgramExampleTests
{
    private static string Program(params string[] exampleLines) => Lines(
        [
            "---",                          // 1
            "kind: program",                // 2
            "---",                          // 3
            "# Shout",                      // 4
            "",                             // 5
            "Print the input in capitals.", // 6
            "",                             // 7
            "## Examples",                  // 8
            "```text",                      // 9
            .. exampleLines,                // 10…
            "```",
        ]);

    [Fact]
    public void A_text_block_is_parsed_into_args_stdin_files_stdout_and_exit()
    {
        var result = PromptParser.Parse("p.mprompt", Program(
            "args: [--prefix, \"two words\"]",
            "stdin: \"line 1\\nline 2\\n\"",
            "files:",
            "  notes/in.txt: |",
            "    first",
            "    second",
            "stdout: \"LINE 1\\nLINE 2\\n\"",
            "exit: 3"));

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var example = Assert.Single(result.Document!.Examples);
        Assert.Equal(new SourceSpan(10, 1), example.Span);
        var program = example.Program!;
        Assert.Equal(["--prefix", "two words"], program.Args);
        Assert.Equal("line 1\nline 2\n", program.Stdin);
        Assert.Equal("first\nsecond\n", program.Files["notes/in.txt"]);
        Assert.Equal("LINE 1\nLINE 2\n", program.Stdout);
        Assert.Equal(3, program.Exit);
    }

    [Fact]
    public void A_string_of_args_is_split_at_spaces_and_exit_defaults_to_0()
    {
        var result = PromptParser.Parse("p.mprompt", Program("args: a  b c", "stdout: ok"));

        var program = Assert.Single(result.Document!.Examples).Program!;
        Assert.Equal(["a", "b", "c"], program.Args);
        Assert.Equal("ok", program.Stdout);
        Assert.Equal(0, program.Exit);
        Assert.Equal("", program.Stdin);
    }

    [Fact]
    public void Stderr_is_an_optional_text_key_and_alone_is_a_check()
    {
        var result = PromptParser.Parse("p.mprompt", Program("args: [missing.csv]", "stderr: \"not found\"", "exit: 1"));

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var program = Assert.Single(result.Document!.Examples).Program!;
        Assert.Equal("not found", program.Stderr);
        Assert.Null(program.Stdout);
        Assert.Equal(1, program.Exit);

        var alone = PromptParser.Parse("p.mprompt", Program("stderr: oops"));
        Assert.True(alone.Success, string.Join("\n", alone.Diagnostics));
        Assert.Equal("oops", Assert.Single(alone.Document!.Examples).Program!.Stderr);
        Assert.Null(Assert.Single(PromptParser.Parse("p.mprompt", Program("stdout: ok")).Document!.Examples).Program!.Stderr);
    }

    [Theory]
    [InlineData("stdout: ok\nstderr: { a: 1 }", 11, 9, "'stderr' must be a text value")]
    [InlineData("stdout: ok\nexpect: 1", 11, 1, "'expect' is not a program example key")]
    [InlineData("args: [a]\nexit: one", 11, 7, "'exit' must be a whole number")]
    [InlineData("args: [a]", 10, 1, "checks nothing")]
    [InlineData("stdout: ok\nfiles: { ../up.txt: x }", 11, 10, "not a relative file name")]
    [InlineData("stdout: [1, 2]", 10, 9, "'stdout' must be a text value")]
    [InlineData("stdout: \"unterminated", 10, 9, "not valid YAML")]
    [InlineData("just text", 10, 1, "must be 'key: value' lines")]
    public void A_malformed_program_example_is_an_MP0032_error_at_its_line_and_column(string yaml, int line, int column, string message)
    {
        var result = PromptParser.Parse("p.mprompt", Program(yaml.Split('\n')));

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.ExamplesMalformed, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Library_text_blocks_are_not_program_examples()
    {
        var result = PromptParser.Parse("p.mprompt", Program("stdout: ok").Replace("kind: program", "kind: library", StringComparison.Ordinal));

        Assert.True(result.Success);
        Assert.Null(Assert.Single(result.Document!.Examples).Program);
    }
}
