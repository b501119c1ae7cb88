using System.Text.RegularExpressions;
using MicroPrompt.Mutation.Mutators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Mutation;

/// <summary>
/// Finds the mutants of a piece of C# with Roslyn, using Stryker.NET's operator set (arithmetic, equality and boundary,
/// logical, bitwise, boolean, string, unary and negation, update, assignment, null-coalescing, conditional, LINQ,
/// string methods, math, checked, regex, statement and block removal — see docs/mutation.md). Syntax only, no semantic
/// model: a mutant that does not compile is graded as a compile error. Deterministic: source order, then operator
/// order; the same change of the same span is made once. Attributes and <c>nameof(...)</c> are never mutated.
/// </summary>
public static partial class MutantFinder
{
    private const int Shown = 60;

    private static readonly IMutator[] Mutators =
    [
        new StatementMutator(),
        new ConditionMutator(),
        new BinaryMutator(),
        new AssignmentMutator(),
        new UnaryMutator(),
        new CheckedMutator(),
        new MethodSwapMutator(),
        new RegexMutator(),
        new LiteralMutator(),
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>Every mutant of <paramref name="code"/>, numbered from 1.</summary>
    public static IReadOnlyList<Mutant> Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        var text = tree.GetText();
        var seen = new HashSet<(int, int, string)>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var mutants = new List<Mutant>();
        foreach (var node in tree.GetRoot().DescendantNodes(descendIntoChildren: n => !IsNeverMutated(n)))
        {
            if (IsNeverMutated(node))
            {
                continue;
            }

            foreach (var mutator in Mutators)
            {
                foreach (var candidate in mutator.Mutate(node))
                {
                    var span = candidate.Target.Span;
                    if (!seen.Add((span.Start, span.Length, candidate.Replacement)) || candidate.Replacement == candidate.Target.ToString())
                    {
                        continue;
                    }

                    var position = text.Lines.GetLinePosition(span.Start);
                    var (original, mutated) = Display(candidate.Target.ToString(), candidate.Shown ?? candidate.Replacement);
                    var description = mutated.Length == 0 ? $"`{original}` removed" : $"`{original}` → `{mutated}`";
                    var key = $"{text.Lines[position.Line].ToString().Trim()} | {original} -> {mutated}";
                    var count = keys[key] = keys.GetValueOrDefault(key) + 1;
                    mutants.Add(new Mutant(
                        mutants.Count + 1, candidate.Mutator, position.Line + 1, position.Character + 1, original, mutated,
                        description, count == 1 ? key : $"{key} #{count}", span.Start, span.Length, candidate.Replacement));
                }
            }
        }

        return mutants;
    }

    private static bool IsNeverMutated(SyntaxNode node) => node is AttributeListSyntax
        || node is UsingDirectiveSyntax
        || node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } };

    /// <summary>
    /// The two texts on one line each. Long ones (over about 60 characters) are cut to the part that differs, with 20
    /// characters of context either side (<c>… ThenBy(p =&gt; p.Key …</c>); a removed text keeps its start and end.
    /// </summary>
    private static (string Original, string Mutated) Display(string original, string mutated)
    {
        var o = Whitespace().Replace(original, " ").Trim();
        var m = Whitespace().Replace(mutated, " ").Trim();
        if (o.Length <= Shown && m.Length <= Shown)
        {
            return (o, m);
        }

        if (m.Length == 0)
        {
            return (o[..(Shown / 2 - 2)] + " … " + o[^(Shown / 2 - 2)..], m);
        }

        var prefix = 0;
        while (prefix < o.Length && prefix < m.Length && o[prefix] == m[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < o.Length - prefix && suffix < m.Length - prefix && o[^(suffix + 1)] == m[^(suffix + 1)])
        {
            suffix++;
        }

        const int context = 20;
        var start = Math.Max(0, prefix - context);
        var tail = Math.Max(0, suffix - context);
        return (Cut(o, start, tail), Cut(m, start, tail));
    }

    private static string Cut(string text, int start, int tail)
        => (start > 0 ? "… " : "") + text[start..^tail] + (tail > 0 ? " …" : "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
