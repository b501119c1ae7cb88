namespace MicroPrompt.Prompts;

/// <summary>
/// Decides whether a C# example block is one statement block or a list of boolean expressions, one per line
/// (DESIGN.md: <c>Slug.Make("Hello, World!") == "hello-world"</c>). A block is split when it has several code lines,
/// none ends in <c>;</c>, <c>{</c> or <c>}</c>, and the block as a whole is not one (multi-line) expression.
/// Blank lines and <c>//</c> comment lines are ignored when splitting.
/// The parser runs in every build, including builds whose items are all resolved and must not load Roslyn, so "one
/// multi-line expression" is decided lexically: a line that leaves a bracket or string open, ends with a binary
/// operator, or is followed by a line starting with one, continues onto the next line.
/// </summary>
internal static class ExampleSplitter
{

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

    private static readonly string[] TrailingContinuations = ["&&", "||", "==", "!=", "=>", "+", "-", "*", "/", "%", "?", ":", ",", ".", "(", "[", "<=", ">=", "??"];
    private static readonly string[] LeadingContinuations = ["&&", "||", "==", "!=", ".", "?", ":", "+", "-", "*", "/", "%", "??", ")", "]"];

    private static bool IsSingleExpression(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        var depth = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            depth += BracketDelta(lines[i], out var openString);
            if (i == lines.Count - 1)
            {
                break;
            }

            if (depth > 0 || openString
                || TrailingContinuations.Any(op => lines[i].EndsWith(op, StringComparison.Ordinal))
                || LeadingContinuations.Any(op => lines[i + 1].StartsWith(op, StringComparison.Ordinal)))
            {
                return true; // this line continues onto the next: the block is one expression
            }
        }

        return false;
    }

    /// <summary>Net change of ( [ { nesting in a line, outside string and char literals.</summary>
    private static int BracketDelta(string line, out bool openString)
    {
        var delta = 0;
        char? quote = null;
        var verbatim = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == '\\' && !verbatim)
                {
                    i++;
                }
                else if (c == quote)
                {
                    if (verbatim && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        quote = null;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    verbatim = c == '"' && i > 0 && (line[i - 1] == '@' || (i > 1 && line[i - 1] == '$' && line[i - 2] == '@'));
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    delta++;
                    break;
                case ')' or ']' or '}':
                    delta--;
                    break;
                case '/' when i + 1 < line.Length && line[i + 1] == '/':
                    openString = false;
                    return delta;
            }
        }

        openString = quote == '"' && verbatim;
        return delta;
    }
}
