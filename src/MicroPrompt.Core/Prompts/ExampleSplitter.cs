using Microsoft.CodeAnalysis.CSharp;

namespace MicroPrompt.Prompts;

/// <summary>
/// Decides whether a C# example block is one statement block or a list of boolean expressions, one per line
/// (DESIGN.md: <c>Slug.Make("Hello, World!") == "hello-world"</c>). A block is split when it has several code lines,
/// none ends in <c>;</c>, <c>{</c> or <c>}</c>, and the block as a whole is not one (multi-line) expression.
/// Blank lines and <c>//</c> comment lines are ignored when splitting.
/// </summary>
internal static class ExampleSplitter
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The indexes (into <paramref name="lines"/>) of the expression lines, or null when the block is one example.</summary>
    public static IReadOnlyList<int>? ExpressionLines(IReadOnlyList<string> lines)
    {
        var code = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.EndsWith(';') || line.EndsWith('{') || line.EndsWith('}'))
            {
                return null; // statements
            }

            code.Add(i);
        }

        if (code.Count < 2 || IsSingleExpression(string.Join('\n', lines)))
        {
            return null;
        }

        return code;
    }

    // Roslyn's recursion guard does not survive every pathological input (thousands of nested parentheses overflow
    // the stack), so long blocks are not asked: a block that long is a list of examples, not one expression.
    private const int MaxSingleExpressionChars = 2000;

    private static bool IsSingleExpression(string text)
        => text.Length <= MaxSingleExpressionChars
           && !SyntaxFactory.ParseExpression(text, options: ParseOptions, consumeFullText: true).ContainsDiagnostics;
}
