using System.Text;
using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Prompts;

/// <summary>
/// Splits the Markdown body with Markdig: the first <c>#</c> heading is the title; top-level <c>## Contract</c> and
/// <c>## Examples</c> headings (case-insensitive) open sections that end at the next heading of level 1 or 2.
/// Only fenced code blocks count as contract or examples. Everything outside those sections is the instruction text.
/// The body is parsed for blocks only (inline parsing of a whole body is slow on hostile input, e.g. thousands of
/// <c>[a](</c>); only heading text, which is short, gets full inline parsing.
/// </summary>
internal static class MarkdownBodyReader
{
    private const int MaxHeadingChars = 1000;

    private static readonly MarkdownPipeline BlockPipeline = BuildBlockPipeline();

    private static readonly MarkdownPipeline HeadingPipeline = new MarkdownPipelineBuilder().Build();

    private static MarkdownPipeline BuildBlockPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation();
        builder.InlineParsers.RemoveAll(parser => parser is not LiteralInlineParser);
        return builder.Build();
    }

    private sealed class Section(HeadingBlock heading)
    {
        public HeadingBlock Heading { get; } = heading;

        public List<Block> Blocks { get; } = [];
    }

    /// <param name="body">The body text (\n line ends).</param>
    /// <param name="firstLine">The file line of the body's first line.</param>
    /// <param name="fileLines">How many lines the whole file has (to keep locations inside it).</param>
    /// <param name="context">Where diagnostics go.</param>
    public static PromptBody? Read(string body, int firstLine, int fileLines, PromptParseContext context)
    {
        var bodyStart = new SourceSpan(Math.Min(firstLine, fileLines), 1);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, BlockPipeline);
        }
        catch (ArgumentException ex)
        {
            context.Report(PromptBodyMessages.BodyUnreadable(ex.Message), bodyStart);
            return null;
        }

        var lines = body.Split('\n');
        var removed = new bool[lines.Length];
        string? title = null;
        var hasInstructions = false;
        var contracts = new List<Section>();
        var examples = new List<Section>();
        Section? current = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                var text = HeadingText(heading);
                if (heading.Level == 1)
                {
                    title ??= text;
                }

                if (current is not null)
                {
                    Remove(removed, current.Heading.Line, heading.Line - 1);
                }

                current = null;
                var kind = heading.Level == 2 ? SectionKind(text, contracts, examples) : null;
                if (kind is not null)
                {
                    current = new Section(heading);
                    kind.Add(current);
                }

                continue;
            }

            if (current is not null)
            {
                current.Blocks.Add(block);
            }
            else if (IsInstruction(block))
            {
                hasInstructions = true;
            }
        }

        if (current is not null)
        {
            Remove(removed, current.Heading.Line, lines.Length - 1);
        }

        if (!hasInstructions)
        {
            context.Report(PromptBodyMessages.NoInstructions(), bodyStart);
        }

        var (contract, contractSpan) = ReadContract(contracts, firstLine, context);
        var exampleList = ReadExamples(examples, firstLine, context);
        return new PromptBody(title, Instructions(lines, removed), contract, contractSpan, exampleList);
    }

    /// <summary>The list a level-2 heading's section belongs to, or null when it is an ordinary heading.</summary>
    private static List<Section>? SectionKind(string heading, List<Section> contracts, List<Section> examples)
        => heading.Equals("Contract", StringComparison.OrdinalIgnoreCase) ? contracts
            : heading.Equals("Examples", StringComparison.OrdinalIgnoreCase) ? examples
            : null;

    private static (string? Contract, SourceSpan Span) ReadContract(List<Section> sections, int firstLine, PromptParseContext context)
    {
        foreach (var extra in sections.Skip(1))
        {
            context.Report(PromptBodyMessages.SeveralContracts(), HeadingSpan(extra.Heading, firstLine));
        }

        if (sections.Count == 0)
        {
            return (null, SourceSpan.None);
        }

        var section = sections[0];
        var blocks = section.Blocks.SelectMany(FencedBlocks).ToList();
        var chosen = blocks.FirstOrDefault(b => IsCSharp(Language(b)));
        if (chosen is null)
        {
            context.Report(
                blocks.Count == 0 ? PromptBodyMessages.ContractWithoutCode() : PromptBodyMessages.ContractNotCSharp(Language(blocks[0])),
                HeadingSpan(section.Heading, firstLine));
            return (null, SourceSpan.None);
        }

        var code = CodeLines(chosen, firstLine);
        var start = code.FindIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        if (start < 0)
        {
            context.Report(PromptBodyMessages.ContractEmpty(), new SourceSpan(firstLine + chosen.Line, chosen.Column + 1));
            return (null, SourceSpan.None);
        }

        return (Join(code, start), code[start].Span);
    }

    private static List<PromptExample> ReadExamples(List<Section> sections, int firstLine, PromptParseContext context)
    {
        var examples = new List<PromptExample>();
        foreach (var section in sections)
        {
            var before = examples.Count;
            foreach (var block in section.Blocks.SelectMany(FencedBlocks))
            {
                var language = Language(block);
                var code = CodeLines(block, firstLine);
                var start = code.FindIndex(l => !string.IsNullOrWhiteSpace(l.Text));
                if (start < 0)
                {
                    continue;
                }

                var split = IsCSharp(language) ? ExampleSplitter.ExpressionLines(code.ConvertAll(l => l.Text)) : null;
                if (split is null)
                {
                    examples.Add(new PromptExample(Join(code, start), language, code[start].Span));
                }
                else
                {
                    examples.AddRange(split.Select(i => new PromptExample(code[i].Text.Trim(), language, code[i].Span)));
                }
            }

            if (examples.Count == before)
            {
                context.Report(PromptBodyMessages.NoExample(), HeadingSpan(section.Heading, firstLine));
            }
        }

        return examples;
    }

    private readonly record struct CodeLine(string Text, SourceSpan Span);

    /// <summary>The lines inside a fence, each with the file position of its first non-blank character.</summary>
    private static List<CodeLine> CodeLines(FencedCodeBlock block, int firstLine)
    {
        // Markdig's StringLine.Line and .Column are 0-based and relative to the body.
        var result = new List<CodeLine>(block.Lines.Count);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines.Lines[i];
            var text = line.Slice.ToString();
            var indent = text.Length - text.TrimStart().Length;
            result.Add(new CodeLine(text, new SourceSpan(firstLine + line.Line, line.Column + indent + 1)));
        }

        return result;
    }

    private static string Join(List<CodeLine> lines, int start)
        => string.Join('\n', lines.Skip(start).Select(l => l.Text)).TrimEnd();

    private static SourceSpan HeadingSpan(HeadingBlock heading, int firstLine) => new(firstLine + heading.Line, heading.Column + 1);

    private static IEnumerable<FencedCodeBlock> FencedBlocks(Block block) => block switch
    {
        FencedCodeBlock fenced => [fenced],
        ContainerBlock container => container.Descendants<FencedCodeBlock>(),
        _ => [],
    };

    private static string Language(FencedCodeBlock block) => block.Info?.Trim() ?? "";

    private static bool IsCSharp(string language)
        => language.Length == 0
           || language.Equals("csharp", StringComparison.OrdinalIgnoreCase)
           || language.Equals("cs", StringComparison.OrdinalIgnoreCase)
           || language.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private static bool IsInstruction(Block block) => block switch
    {
        HeadingBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock => false,
        HtmlBlock { Type: HtmlBlockType.Comment } => false,
        _ => true,
    };

    private static void Remove(bool[] removed, int from, int to)
    {
        for (var i = Math.Max(0, from); i <= to && i < removed.Length; i++)
        {
            removed[i] = true;
        }
    }

    /// <summary>The body lines not removed, with the blank line doubled by a removal collapsed, trimmed.</summary>
    private static string Instructions(string[] lines, bool[] removed)
    {
        var kept = new List<string>(lines.Length);
        var afterRemoval = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (removed[i])
            {
                afterRemoval = true;
                continue;
            }

            var blank = string.IsNullOrWhiteSpace(lines[i]);
            if (blank && afterRemoval && kept.Count > 0 && string.IsNullOrWhiteSpace(kept[^1]))
            {
                continue;
            }

            afterRemoval &= blank;
            kept.Add(lines[i]);
        }

        return string.Join('\n', kept).Trim();
    }

    /// <summary>A heading's text with inline markup (emphasis, code, links) rendered to plain text.</summary>
    private static string HeadingText(HeadingBlock heading)
    {
        var raw = InlineText(heading.Inline); // literal only: the body pipeline has no other inline parser
        if (raw.Length > MaxHeadingChars)
        {
            return raw;
        }

        try
        {
            var parsed = Markdown.Parse("# " + raw, HeadingPipeline);
            return parsed.FirstOrDefault() is HeadingBlock rendered ? InlineText(rendered.Inline) : raw;
        }
        catch (ArgumentException)
        {
            return raw; // nested too deeply to render: keep the markup
        }
    }

    private static string InlineText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(container, builder);
        return builder.ToString().Trim();

        static void Append(ContainerInline? container, StringBuilder builder)
        {
            if (container is null)
            {
                return;
            }

            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        builder.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        builder.Append(code.Content);
                        break;
                    case HtmlEntityInline entity:
                        builder.Append(entity.Transcoded.ToString());
                        break;
                    case AutolinkInline link:
                        builder.Append(link.Url);
                        break;
                    case LineBreakInline:
                        builder.Append(' ');
                        break;
                    case ContainerInline nested:
                        Append(nested, builder);
                        break;
                }
            }
        }
    }
}
