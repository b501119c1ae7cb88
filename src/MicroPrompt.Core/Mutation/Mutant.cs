using System.Text;

namespace MicroPrompt.Mutation;

/// <summary>
/// One small change to a piece of code (Stryker.NET's notion of a mutant): the text at
/// [<see cref="SpanStart"/>, <see cref="SpanStart"/> + <see cref="SpanLength"/>) of the original becomes
/// <see cref="Replacement"/>. <see cref="Original"/> and <see cref="Mutated"/> are the same two texts shortened to one
/// line for messages; <see cref="Line"/> and <see cref="Column"/> are 1-based.
/// </summary>
/// <param name="Id">1-based, in the deterministic order <see cref="MutantFinder"/> finds them (source order, then mutator order).</param>
/// <param name="Mutator">The operator family, as Stryker.NET names it: <c>arithmetic</c>, <c>equality</c>, <c>logical</c>, …</param>
/// <param name="Key">
/// Identifies the mutant across edits that only move lines: the original line's text, what changes, and <c>#n</c>
/// when the same change occurs more than once on identical lines. Used by reviewed equivalent-mutant lists and records.
/// </param>
public sealed record Mutant(
    int Id,
    string Mutator,
    int Line,
    int Column,
    string Original,
    string Mutated,
    string Description,
    string Key,
    int SpanStart,
    int SpanLength,
    string Replacement)
{
    /// <summary>The code with this mutant (and only this one) applied.</summary>
    public string ApplyTo(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.AsSpan(0, SpanStart), Replacement, code.AsSpan(SpanStart + SpanLength));
    }

    /// <summary>The changed lines as a unified-diff fragment (<c>@@ line 12</c>, <c>-</c> before, <c>+</c> after).</summary>
    public string Diff(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var lineStart = code.LastIndexOf('\n', Math.Max(0, SpanStart - 1)) + 1;
        if (SpanStart == 0)
        {
            lineStart = 0;
        }

        var end = SpanStart + SpanLength;
        var lineEnd = code.IndexOf('\n', end);
        lineEnd = lineEnd < 0 ? code.Length : lineEnd;
        var before = code[lineStart..lineEnd];
        var after = code[lineStart..SpanStart] + Replacement + code[end..lineEnd];
        var text = new StringBuilder().Append("@@ line ").Append(Line).Append(" @@\n");
        foreach (var line in before.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            text.Append('-').Append(line).Append('\n');
        }

        foreach (var line in after.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            text.Append('+').Append(line).Append('\n');
        }

        return text.ToString();
    }

    public override string ToString() => $"#{Id} line {Line} ({Mutator}): {Description}";
}
