using MicroPrompt.Generation;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>Assumptions out of real reply shapes; the code extractor never takes them for code.</summary>
public class AssumptionExtractorTests
{
    private const string Block = "```assumptions\n- Input is ASCII; other letters are dropped.\n- An empty string gives an empty slug.\n```";

    [Fact]
    public void A_block_after_the_code_gives_one_assumption_per_line()
    {
        var reply = $"Here is the code:\n\n{Fenced(SlugFile)}\n\n{Block}\n";

        var result = AssumptionExtractor.Extract(reply);

        Assert.True(result.Given);
        Assert.Equal(["Input is ASCII; other letters are dropped.", "An empty string gives an empty slug."], result.Items);
        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code); // the code is untouched
    }

    [Fact]
    public void A_block_before_the_code_is_read_too()
    {
        var reply = $"{Block}\n\n{Fenced(SlugFile)}\n";

        Assert.Equal(2, AssumptionExtractor.Extract(reply).Items.Count);
        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
    }

    [Fact]
    public void No_block_is_nothing_given_and_prose_is_not_an_assumption()
    {
        var reply = $"I assumed the input is ASCII.\n\n{Fenced(SlugFile)}\n\nIt lower-cases the text; I assume you want dashes.";

        var result = AssumptionExtractor.Extract(reply);

        Assert.False(result.Given);
        Assert.Empty(result.Items);
        Assert.False(AssumptionExtractor.Extract(null).Given);
        Assert.False(AssumptionExtractor.Extract("").Given);
    }

    [Theory]
    [InlineData("- none")]
    [InlineData("None.")]
    [InlineData("- No assumptions made.")]
    [InlineData("* N/A")]
    [InlineData("")]
    public void None_is_given_but_empty(string body)
    {
        var result = AssumptionExtractor.Extract($"{Fenced(SlugFile)}\n```assumptions\n{body}\n```\n");

        Assert.True(result.Given);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Crlf_numbered_items_continuation_lines_and_prose_in_the_block()
    {
        var reply = $"{Fenced(SlugFile)}\r\n\r\n```Assumptions\r\n1. Input is ASCII,\r\n   other letters are dropped.\r\n2) Dashes never repeat.\r\n\r\nThe result is lower-case.\r\n```\r\n";

        var result = AssumptionExtractor.Extract(reply);

        Assert.Equal(["Input is ASCII, other letters are dropped.", "Dashes never repeat.", "The result is lower-case."], result.Items);
        Assert.All(result.Items, i => Assert.DoesNotContain('\r', i));
    }

    [Fact]
    public void Reasoning_is_ignored()
    {
        var reply = $"<think>\n```assumptions\n- a thought, not an answer\n```\n</think>\n{Fenced(SlugFile)}\n```assumptions\n- Input is ASCII.\n```";

        Assert.Equal(["Input is ASCII."], AssumptionExtractor.Extract(reply).Items);
        Assert.False(AssumptionExtractor.Extract("<think>\n```assumptions\n- still thinking").Given); // cut while reasoning
    }

    [Fact]
    public void A_reply_cut_at_the_token_limit_keeps_what_it_said()
    {
        var reply = $"{Fenced(SlugFile)}\n```assumptions\n- Input is ASCII.\n- Empty input gives an emp";

        var result = AssumptionExtractor.Extract(reply);

        Assert.Equal(["Input is ASCII.", "Empty input gives an emp"], result.Items);
        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract(reply).Code);
        Assert.False(AssumptionExtractor.Extract("```csharp\nnamespace App;\npublic static class Slug {").Given); // cut in the code
    }

    [Fact]
    public void A_heading_and_a_list_are_read_when_the_model_ignored_the_fence()
    {
        var reply = $"{Fenced(SlugFile)}\n\n## Assumptions\n\n- Input is ASCII.\n- Dashes never repeat.\n\nLet me know if you need more.";

        Assert.Equal(["Input is ASCII.", "Dashes never repeat."], AssumptionExtractor.Extract(reply).Items);
        Assert.Equal(["Input is ASCII."], AssumptionExtractor.Extract($"{Fenced(SlugFile)}\n\n**Assumptions:**\n* Input is ASCII.\n").Items);
    }

    [Fact]
    public void Count_and_length_are_capped_and_repeats_dropped()
    {
        var lines = string.Join("\n", Enumerable.Range(1, 15).Select(i => $"- assumption {i}"));
        var many = AssumptionExtractor.Extract($"```assumptions\n- assumption 1\n{lines}\n- {new string('x', 500)}\n```");

        Assert.Equal(AssumptionExtractor.MaxCount, many.Items.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"assumption {i}"), many.Items);

        var longOne = AssumptionExtractor.Extract($"```assumptions\n- {new string('x', 500)}\n- a\u0007b   c\n```").Items;
        Assert.Equal(AssumptionExtractor.MaxLength, longOne[0].Length);
        Assert.EndsWith("…", longOne[0]);
        Assert.Equal("a b c", longOne[1]); // control characters and runs of white space become one space
    }

    [Fact]
    public void The_code_extractor_never_takes_an_assumptions_block_for_code()
    {
        var codeLike = "```assumptions\n- public static class Evil { }\nnamespace Other;\n```";

        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract($"{Fenced(SlugFile)}\n{codeLike}").Code);
        Assert.Equal(SlugFile + "\n", CodeExtractor.Extract($"{codeLike}\n{Fenced(SlugFile)}").Code);
        Assert.Null(CodeExtractor.Extract(codeLike).Code); // alone, it is no code at all
    }
}
