using System.Text.Json;
using System.Text.RegularExpressions;
using MicroPrompt.Generation;
using Markdig;
using Markdig.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Takes probe calls out of a model reply: reasoning sections (<c>&lt;think&gt;</c>) removed; the lines of its fenced
/// blocks, or of the whole reply when it has none; list markers, trailing <c>;</c> and <c>//</c> comments stripped; an
/// expected value (<c>call == "x"</c>, <c>call → "x"</c>) cut off. A line counts when it parses as one C# expression that
/// is a call or construction naming one of the contract's types. Prose lines simply do not parse. Program runs are
/// lines holding a JSON object <c>{"args": [...], "stdin": "..."}</c>.
/// </summary>
internal static partial class ProbeReplyParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static IReadOnlyList<string> Parse(string? reply, IReadOnlySet<string> typeNames, int max)
    {
        var calls = new List<string>();
        var lines = Lines(reply);
        foreach (var line in lines)
        {
            if (calls.Count >= max)
            {
                break;
            }

            if (Clean(line) is { } call && Accept(call, typeNames) is { } expression && !calls.Contains(expression, StringComparer.Ordinal))
            {
                calls.Add(expression);
            }
        }

        return calls;
    }

    /// <summary>Program runs: lines that are JSON objects with an optional string array <c>args</c> and string <c>stdin</c>.</summary>
    public static IReadOnlyList<ProgramInput> ParseRuns(string? reply, int max)
    {
        var runs = new List<ProgramInput>();
        foreach (var line in Lines(reply).Select(l => ListMarker().Replace(l.Trim(), "").TrimEnd(',')))
        {
            if (runs.Count >= max)
            {
                break;
            }

            if (line.StartsWith('{') && Run(line) is { } run && !runs.Any(r => r.Key == run.Key))
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    private static ProgramInput? Run(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var args = new List<string>();
            if (root.TryGetProperty("args", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                {
                    return null;
                }

                args.AddRange(list.EnumerateArray().Select(a => a.GetString()!));
            }

            var stdin = "";
            if (root.TryGetProperty("stdin", out var input))
            {
                if (input.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                stdin = input.GetString()!;
            }

            return new ProgramInput(args, stdin);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reply without reasoning: the lines of its fenced blocks, or all its lines when it has none.</summary>
    private static IEnumerable<string> Lines(string? reply)
    {
        var text = CodeExtractor.StripReasoning((reply ?? "").Replace("\r\n", "\n", StringComparison.Ordinal));
        var fences = Markdown.Parse(text, Pipeline).Descendants<FencedCodeBlock>().ToList();
        return fences.Count > 0
            ? fences.SelectMany(f => (f.Lines.Lines ?? []).Take(f.Lines.Count).Select(l => l.ToString()))   // an empty fence has no line array
            : text.Split('\n');
    }

    private static string? Clean(string line)
    {
        var text = ListMarker().Replace(line.Trim(), "");
        text = text.Trim('`').Trim();
        var arrow = text.IndexOf(" → ", StringComparison.Ordinal);
        if (arrow > 0)
        {
            text = text[..arrow];
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>The expression (its left side when it is <c>a == b</c>), or null when it is not a call of the contract.</summary>
    private static string? Accept(string text, IReadOnlySet<string> typeNames)
    {
        // A trailing comment or semicolon: parse the statement, take its expression.
        var statement = SyntaxFactory.ParseStatement(text.EndsWith(';') ? text : text + ";", options: ParseOptions, consumeFullText: true);
        if (statement.ContainsDiagnostics || statement is not ExpressionStatementSyntax { Expression: var expression })
        {
            return null;
        }

        if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } comparison)
        {
            expression = comparison.Left;
        }

        var core = expression is AwaitExpressionSyntax awaited ? awaited.Expression : expression;
        if (core is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax)
            || !core.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => typeNames.Contains(n.Identifier.Text)))
        {
            return null;
        }

        return core.WithoutTrivia().ToString();
    }

    [GeneratedRegex(@"^(?:[-*+]\s+|\d+[.)]\s+)")]
    private static partial Regex ListMarker();
}
