using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Generation;

/// <summary>
/// Takes the C# file out of a model reply. Rules, in order:
/// <list type="number">
/// <item>Line endings become <c>\n</c>; reasoning sections (<c>&lt;think&gt;…&lt;/think&gt;</c>) are removed.</item>
/// <item>Fenced blocks (<c>```</c> or <c>~~~</c>, found with Markdig) tagged <c>csharp</c>/<c>cs</c>/<c>c#</c> or
/// untagged are candidates; blocks in other languages (json, bash, …) are ignored.</item>
/// <item>One candidate: it is the file. Several: blocks that declare no types (usage snippets) and blocks whose text
/// is contained in the longest block (fragments) are dropped. If one block remains it is the file; if several remain
/// and their type names are disjoint, they use at most one namespace and at most one has top-level statements, they
/// are merged into one file; otherwise the reply is a conflict (<see cref="CodeExtraction.Problem"/> says why).</item>
/// <item>No fence at all: the whole reply is taken when it looks like a C# file (starts with <c>using</c>,
/// <c>namespace</c>, <c>public</c>, <c>internal</c>, <c>//</c>, …, mentions a type or <c>static</c>, and parses
/// without syntax errors); otherwise there is no code.</item>
/// </list>
/// </summary>
public static class CodeExtractor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly Regex ThinkPair = new(
        @"<(think|thinking)>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ThinkClose = new(
        @"</(think|thinking)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex ThinkOpen = new(
        @"<(think|thinking)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex LooksLikeFileStart = new(
        @"\A(using\s|namespace\s|public\s|internal\s|file\s|static\s|sealed\s|abstract\s|partial\s|//|/\*|#nullable|#pragma|\[assembly:)",
        RegexOptions.CultureInvariant);

    private static readonly Regex MentionsDeclaration = new(
        @"\b(class|record|struct|interface|enum|static)\b", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> CSharpTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "cs", "c#", "c-sharp",
    };

    /// <summary>Extracts the one C# file from <paramref name="reply"/>.</summary>
    public static CodeExtraction Extract(string? reply)
    {
        var text = StripReasoning(NormalizeNewlines(reply ?? ""));
        if (string.IsNullOrWhiteSpace(text))
        {
            return CodeExtraction.Missing("The reply was empty.");
        }

        var fences = Markdown.Parse(text, Pipeline).Descendants<FencedCodeBlock>().ToList();
        if (fences.Count == 0)
        {
            return FromUnfencedText(text);
        }

        var candidates = new List<CSharpBlock>();
        foreach (var fence in fences)
        {
            var language = (fence.Info ?? "").Trim();
            var tagged = CSharpTags.Contains(language);
            if (!tagged && language.Length > 0)
            {
                continue;
            }

            var code = fence.Lines.ToString();
            if (!string.IsNullOrWhiteSpace(code))
            {
                candidates.Add(CSharpBlock.Parse(code, candidates.Count, tagged));
            }
        }

        return candidates.Count switch
        {
            0 => CodeExtraction.Missing("The reply contains no C# code block (no ```csharp fence)."),
            1 => CodeExtraction.Found(Finish(candidates[0].Text)),
            _ => FromSeveral(candidates),
        };
    }

    /// <summary>Removes <c>&lt;think&gt;</c> sections that reasoning models put before their answer.</summary>
    internal static string StripReasoning(string text)
    {
        text = ThinkPair.Replace(text, "");

        // A closing tag without an opening one: the template opened the section; everything before it is reasoning.
        var close = ThinkClose.Matches(text);
        if (close.Count > 0)
        {
            var last = close[^1];
            text = text[(last.Index + last.Length)..];
        }

        // An opening tag that never closes: the answer never came.
        var open = ThinkOpen.Match(text);
        if (open.Success)
        {
            text = text[..open.Index];
        }

        return text;
    }

    internal static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static CodeExtraction FromUnfencedText(string text)
    {
        var trimmed = text.Trim();
        if (LooksLikeFileStart.IsMatch(trimmed) && MentionsDeclaration.IsMatch(trimmed))
        {
            var block = CSharpBlock.Parse(trimmed, 0, tagged: false);
            if (!block.HasSyntaxErrors && (block.DeclaresTypes || block.HasGlobalStatements))
            {
                return CodeExtraction.Found(Finish(trimmed));
            }
        }

        return CodeExtraction.Missing("The reply contains no code block.");
    }

    private static CodeExtraction FromSeveral(List<CSharpBlock> candidates)
    {
        var declaring = candidates.Where(b => b.DeclaresTypes).ToList();
        if (declaring.Count == 0)
        {
            // Nothing declares a type (e.g. a program of top-level statements next to a sample invocation):
            // the longest tagged block is the file.
            var pool = candidates.Any(b => b.Tagged) ? candidates.Where(b => b.Tagged) : candidates;
            return CodeExtraction.Found(Finish(Longest(pool).Text));
        }

        var longest = Longest(declaring);
        var longestFlat = Flatten(longest.Text);
        var rest = declaring
            .Where(b => b != longest && !longestFlat.Contains(Flatten(b.Text), StringComparison.Ordinal))
            .ToList();
        if (rest.Count == 0)
        {
            return CodeExtraction.Found(Finish(longest.Text));
        }

        var parts = declaring.Where(b => b == longest || rest.Contains(b)).OrderBy(b => b.Order).ToList();
        var conflict = FindConflict(parts);
        return conflict is null
            ? CodeExtraction.Found(Finish(Merge(parts)))
            : CodeExtraction.Conflict(
                $"The reply contains {parts.Count} code blocks that cannot be combined into one file: {conflict}.");
    }

    private static string? FindConflict(List<CSharpBlock> parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in parts.SelectMany(p => p.TypeNames))
        {
            if (!seen.Add(name))
            {
                repeated.Add(name);
            }
        }

        if (repeated.Count > 0)
        {
            return $"more than one block declares {string.Join(", ", repeated)}";
        }

        if (parts.Any(p => p.NamespaceCount > 1))
        {
            return "a block declares several namespaces";
        }

        var namespaces = parts.Select(p => p.NamespaceName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (namespaces.Count > 1)
        {
            return $"the blocks use different namespaces ({string.Join(", ", namespaces)})";
        }

        if (parts.Any(p => p.HasGlobalStatements))
        {
            return "a block has top-level statements";
        }

        return null;
    }

    /// <summary>Joins blocks with disjoint types into one file: every using once, one file-scoped namespace.</summary>
    private static string Merge(List<CSharpBlock> parts)
    {
        var header = new List<string>();
        var members = new List<string>();
        string? ns = null;
        foreach (var part in parts)
        {
            var root = part.Root;
            AddDistinct(header, root.Externs.Select(e => e.ToString()));
            AddDistinct(header, root.Usings.Select(u => u.ToString()));
            AddDistinct(header, root.AttributeLists.Select(a => a.ToString()));
            foreach (var member in root.Members)
            {
                if (member is BaseNamespaceDeclarationSyntax nsDecl)
                {
                    ns = nsDecl.Name.ToString();
                    AddDistinct(header, nsDecl.Usings.Select(u => u.ToString()));
                    members.AddRange(nsDecl.Members.Select(m => TrimBlankLines(m.ToFullString())));
                }
                else
                {
                    members.Add(TrimBlankLines(member.ToFullString()));
                }
            }
        }

        var file = new StringBuilder();
        foreach (var line in header)
        {
            file.Append(line).Append('\n');
        }

        if (ns is not null)
        {
            if (header.Count > 0)
            {
                file.Append('\n');
            }

            file.Append("namespace ").Append(ns).Append(";\n");
        }

        foreach (var member in members)
        {
            if (file.Length > 0)
            {
                file.Append('\n');
            }

            file.Append(member).Append('\n');
        }

        return file.ToString();
    }

    private static void AddDistinct(List<string> list, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (!list.Contains(item, StringComparer.Ordinal))
            {
                list.Add(item);
            }
        }
    }

    private static CSharpBlock Longest(IEnumerable<CSharpBlock> blocks) =>
        blocks.OrderByDescending(b => b.Text.Trim().Length).ThenBy(b => b.Order).First();

    /// <summary>The text with all whitespace runs collapsed, to recognise a fragment inside the full file.</summary>
    private static string Flatten(string text) => Regex.Replace(text.Trim(), @"\s+", " ");

    private static string TrimBlankLines(string text)
    {
        var lines = NormalizeNewlines(text).Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Line endings <c>\n</c>, no leading/trailing blank lines, exactly one trailing newline.</summary>
    private static string Finish(string code) => TrimBlankLines(code).TrimEnd() + "\n";
}
