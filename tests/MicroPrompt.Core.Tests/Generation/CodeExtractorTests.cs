using MicroPrompt.Generation;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

public class CodeExtractorTests
{
    private const string MoneyFile = """
        namespace Acme.Text;

        public readonly record struct Money(decimal Amount);
        """;

    [Theory]
    [InlineData("csharp")]
    [InlineData("cs")]
    [InlineData("c#")]
    [InlineData("CSharp")]
    [InlineData("")]
    public void One_fenced_block_is_the_file(string language)
    {
        var reply = $"Here is the code:\n\n{Fenced(SlugFile, language)}\n\nIt lower-cases the text.";

        var result = CodeExtractor.Extract(reply);

        Assert.True(result.Success);
        Assert.Null(result.Problem);
        Assert.Equal(SlugFile + "\n", result.Code);
    }

    [Fact]
    public void Tilde_fence_is_accepted()
    {
        var result = CodeExtractor.Extract($"~~~csharp\n{SlugFile}\n~~~\n");

        Assert.Equal(SlugFile + "\n", result.Code);
    }

    [Fact]
    public void Crlf_becomes_lf_and_the_file_ends_with_one_newline()
    {
        var reply = "```csharp\r\n" + SlugFile.Replace("\n", "\r\n") + "\r\n\r\n\r\n```\r\n";

        var code = CodeExtractor.Extract(reply).Code;

        Assert.NotNull(code);
        Assert.DoesNotContain('\r', code);
        Assert.EndsWith("}\n", code);
        Assert.False(code.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocks_in_other_languages_are_ignored()
    {
        var reply = $"Config:\n{Fenced("{ \"a\": 1 }", "json")}\nCode:\n{Fenced(SlugFile)}\nRun:\n{Fenced("dotnet run", "bash")}";

        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
    }

    [Fact]
    public void Usage_snippet_next_to_the_full_file_gives_the_full_file()
    {
        var reply = $"Usage:\n{Fenced("var s = Slug.Make(\"Hello World\");")}\n\nImplementation:\n{Fenced(SlugFile)}";

        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
    }

    [Fact]
    public void Fragment_repeated_from_the_full_file_is_ignored()
    {
        var fragment = "public static class Slug\n{\n    public static string Make(string text) => text.ToLowerInvariant().Replace(' ', '-');\n}";
        var reply = $"{Fenced(SlugFile)}\n\nThe key part:\n{Fenced(fragment)}";

        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
    }

    [Fact]
    public void Two_blocks_with_disjoint_types_in_the_same_namespace_are_merged()
    {
        var slug = "using System.Text;\n\nnamespace Acme.Text;\n\npublic static class Slug\n{\n    public static string Make(string text) => text;\n}";
        var money = "using System.Text;\nusing System.Globalization;\n\nnamespace Acme.Text;\n\npublic readonly record struct Money(decimal Amount);";

        var result = CodeExtractor.Extract($"{Fenced(slug)}\n\nand\n\n{Fenced(money)}");

        Assert.True(result.Success, result.Problem);
        var code = result.Code!;
        Assert.Equal(1, CountOf(code, "namespace Acme.Text;"));
        Assert.Equal(1, CountOf(code, "using System.Text;"));
        Assert.Contains("using System.Globalization;", code);
        Assert.Contains("public static class Slug", code);
        Assert.Contains("public readonly record struct Money(decimal Amount);", code);
        Assert.True(code.IndexOf("class Slug", StringComparison.Ordinal) < code.IndexOf("struct Money", StringComparison.Ordinal));
        Assert.True(code.IndexOf("using System.Globalization;", StringComparison.Ordinal) < code.IndexOf("namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void Merged_blocks_parse_as_one_valid_file()
    {
        var slug = "namespace Acme.Text\n{\n    public static class Slug { public static string Make(string t) => t; }\n}";
        var money = "public readonly record struct Money(decimal Amount);";

        var code = CodeExtractor.Extract($"{Fenced(slug)}\n{Fenced(money)}").Code;

        Assert.NotNull(code);
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code);
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(1, CountOf(code, "namespace Acme.Text;"));
    }

    [Fact]
    public void Two_blocks_declaring_the_same_type_differently_conflict()
    {
        var second = SlugFile.Replace("Replace(' ', '-')", "Replace(' ', '_')", StringComparison.Ordinal);

        var result = CodeExtractor.Extract($"{Fenced(SlugFile)}\n\nOr alternatively:\n\n{Fenced(second + "\n// variant")}");

        Assert.False(result.Success);
        Assert.False(result.NoCode);
        Assert.NotNull(result.Problem);
        Assert.Contains("Slug", result.Problem);
    }

    [Fact]
    public void Blocks_in_different_namespaces_conflict()
    {
        var other = MoneyFile.Replace("Acme.Text", "Acme.Billing", StringComparison.Ordinal);

        var result = CodeExtractor.Extract($"{Fenced(SlugFile)}\n{Fenced(other)}");

        Assert.False(result.Success);
        Assert.False(result.NoCode);
        Assert.Contains("Acme.Billing", result.Problem);
    }

    [Fact]
    public void Unfenced_code_is_taken_whole()
    {
        var reply = "using System;\n\n" + SlugFile + "\n";

        Assert.Equal(reply, CodeExtractor.Extract(reply).Code);
    }

    [Theory]
    [InlineData("Sure! I would write a static class with a Make method that lower-cases the text.")]
    [InlineData("using a static class is the right approach here; call it Slug.")]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Prose_only_is_no_code(string reply)
    {
        var result = CodeExtractor.Extract(reply);

        Assert.False(result.Success);
        Assert.True(result.NoCode);
        Assert.Null(result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Fact]
    public void Only_non_csharp_blocks_is_no_code()
    {
        var result = CodeExtractor.Extract(Fenced("print('hi')", "python"));

        Assert.True(result.NoCode);
        Assert.Null(result.Code);
    }

    [Fact]
    public void Think_sections_are_stripped()
    {
        var decoy = "```csharp\nnamespace Wrong;\npublic class Draft { }\n```";
        var reply = $"<think>\nLet me draft it first:\n{decoy}\nHmm, better:\n</think>\n{Fenced(SlugFile)}";

        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
    }

    [Fact]
    public void Dangling_think_close_drops_the_reasoning_before_it()
    {
        var reply = $"draft: {Fenced("public class Draft { }")}\n</think>\n\n{Fenced(SlugFile)}";

        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
    }

    [Fact]
    public void Unfinished_think_section_is_no_code()
    {
        var result = CodeExtractor.Extract("<think>\nThe user wants a slug. " + Fenced(SlugFile));

        Assert.True(result.NoCode);
    }

    [Fact]
    public void Unclosed_fence_takes_the_rest_of_the_reply()
    {
        var result = CodeExtractor.Extract("```csharp\n" + SlugFile + "\n");

        Assert.Equal(SlugFile + "\n", result.Code);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
