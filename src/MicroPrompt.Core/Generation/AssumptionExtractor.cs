using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace MicroPrompt.Generation;

/// <summary>
/// Takes the assumptions out of a model reply (<see cref="PromptComposer"/> asks for them after the code). They are
/// recorded for the reader and never compiled: <see cref="CodeExtractor"/> ignores blocks tagged other than C#. Rules:
/// <list type="number">
/// <item>Line endings become <c>\n</c>; reasoning sections (<c>&lt;think&gt;…&lt;/think&gt;</c>) are removed first.</item>
/// <item>The last fenced block tagged <c>assumptions</c> wins, wherever it is (after the code, or before it). A block a
/// reply cut at the token limit left open runs to the end of the reply. Without one, a heading or bold line
/// <c>Assumptions</c> followed by a list is read the same way. Without either, nothing was given.</item>
/// <item>Each list item (<c>-</c>, <c>*</c>, <c>+</c>, <c>•</c>, <c>1.</c>) is one assumption; a line without a marker
/// continues the item before it (or, after a blank line, starts one). "none", "n/a", "no assumptions" are dropped.</item>
/// <item>White space is collapsed, control characters removed; at most <see cref="MaxCount"/> items of at most
/// <see cref="MaxLength"/> characters each (a longer one ends with "…"); repeats are dropped.</item>
/// </list>
/// </summary>
public static class AssumptionExtractor
{
    /// <summary>At most this many assumptions are kept per generation.</summary>
    public const int MaxCount = 10;

    /// <summary>At most this many characters per assumption.</summary>
    public const int MaxLength = 200;

    /// <summary>The fence tag the prompt asks for.</summary>
    public const string FenceTag = "assumptions";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly Regex Marker = new(@"^(?:[-*+•]|\d{1,2}[.)])\s+", RegexOptions.CultureInvariant);

    private static readonly Regex NoneSaid = new(
        @"^(?:none|n/?a|nothing|no assumptions?(?: (?:were |was )?made)?|no further assumptions)[.!]?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex HeadingText = new(
        @"^[#*_\s]*(?:my\s+)?assumptions(?:\s+made)?[*_:\s]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The assumptions of <paramref name="reply"/>.</summary>
    public static AssumptionExtraction Extract(string? reply)
    {
        var text = CodeExtractor.StripReasoning(CodeExtractor.NormalizeNewlines(reply ?? ""));
        if (string.IsNullOrWhiteSpace(text))
        {
            return AssumptionExtraction.None;
        }

        var document = Markdown.Parse(text, Pipeline);
        var fence = document.Descendants<FencedCodeBlock>()
            .LastOrDefault(f => string.Equals((f.Info ?? "").Trim(), FenceTag, StringComparison.OrdinalIgnoreCase)
                || string.Equals((f.Info ?? "").Trim(), "assumption", StringComparison.OrdinalIgnoreCase));
        if (fence is not null)
        {
            return new AssumptionExtraction(true, Items(fence.Lines.ToString()));
        }

        // A model that ignored the fence but wrote "## Assumptions" (or "**Assumptions:**") and a list.
        for (var i = 0; i + 1 < document.Count; i++)
        {
            if (document[i] is HeadingBlock or ParagraphBlock && HeadingText.IsMatch(Source(text, document[i]))
                && document[i + 1] is ListBlock list)
            {
                return new AssumptionExtraction(true, Items(Source(text, list)));
            }
        }

        return AssumptionExtraction.None;
    }

    private static string Source(string text, Block block) =>
        block.Span.Start >= 0 && block.Span.End < text.Length ? text.Substring(block.Span.Start, block.Span.Length) : "";

    private static List<string> Items(string block)
    {
        var raw = new List<StringBuilder>();
        var continues = false;
        foreach (var line in CodeExtractor.NormalizeNewlines(block).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continues = false;
                continue;
            }

            var marker = Marker.Match(trimmed);
            if (marker.Success)
            {
                raw.Add(new StringBuilder(trimmed[marker.Length..]));
            }
            else if (continues && raw.Count > 0)
            {
                raw[^1].Append(' ').Append(trimmed);
            }
            else
            {
                raw.Add(new StringBuilder(trimmed));
            }

            continues = true;
        }

        var items = new List<string>();
        foreach (var item in raw.Select(b => Clean(b.ToString())))
        {
            if (item.Length > 0 && !NoneSaid.IsMatch(item) && !items.Contains(item, StringComparer.Ordinal))
            {
                items.Add(item);
            }

            if (items.Count == MaxCount)
            {
                break;
            }
        }

        return items;
    }

    private static string Clean(string item)
    {
        var flat = new StringBuilder(item.Length);
        var space = false;
        foreach (var c in item)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = flat.Length > 0;
                continue;
            }

            if (space)
            {
                flat.Append(' ');
                space = false;
            }

            flat.Append(c);
        }

        var text = flat.ToString();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1; // never half a character
        return text[..cut].TrimEnd() + "…";
    }
}
