using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// A subset of Stryker.NET's regex mutators, on a pattern written as a string literal in <c>new Regex(pattern)</c>
/// (also target-typed <c>Regex r = new(pattern)</c>) or <c>Regex.IsMatch/Match/Matches/Replace/Split(input, pattern)</c>:
/// the <c>^</c> and <c>$</c> anchors removed, each <c>*</c>, <c>+</c>, <c>?</c> quantifier removed, and each character
/// class negated (<c>[a-z]</c> ↔ <c>[^a-z]</c>). The pattern is scanned, not parsed: escapes and <c>(?</c> group
/// syntax are skipped.
/// </summary>
internal sealed class RegexMutator : IMutator
{
    private static readonly HashSet<string> StaticMethods = new(StringComparer.Ordinal) { "IsMatch", "Match", "Matches", "Replace", "Split" };

    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression) || !IsPattern(literal))
        {
            yield break;
        }

        foreach (var pattern in Mutations(literal.Token.ValueText))
        {
            yield return new(literal, SymbolDisplay.FormatLiteral(pattern, quote: true), "regex");
        }
    }

    /// <summary>The mutated patterns, in order of position.</summary>
    internal static IEnumerable<string> Mutations(string pattern)
    {
        if (pattern.StartsWith('^'))
        {
            yield return pattern[1..];
        }

        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    yield return i + 1 < pattern.Length && pattern[i + 1] == '^'
                        ? pattern.Remove(i + 1, 1)
                        : pattern.Insert(i + 1, "^");
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    break;
                case '*' or '+':
                    yield return pattern.Remove(i, 1);
                    break;
                case '?' when i > 0 && pattern[i - 1] != '(':
                    yield return pattern.Remove(i, 1);
                    break;
                case '$' when i == pattern.Length - 1:
                    yield return pattern[..^1];
                    break;
            }
        }
    }

    private static bool IsPattern(LiteralExpressionSyntax literal)
    {
        if (literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument)
        {
            return false;
        }

        var index = arguments.Arguments.IndexOf(argument);
        return arguments.Parent switch
        {
            ObjectCreationExpressionSyntax creation => index == 0 && IsRegexType(creation.Type),
            ImplicitObjectCreationExpressionSyntax implicitCreation => index == 0 && DeclaredType(implicitCreation) is { } type && IsRegexType(type),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => index == 1
                && StaticMethods.Contains(access.Name.Identifier.Text) && access.Expression is IdentifierNameSyntax or QualifiedNameSyntax or MemberAccessExpressionSyntax
                && access.Expression.ToString().Split('.')[^1] == "Regex",
            _ => false,
        };
    }

    private static TypeSyntax? DeclaredType(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        _ => null,
    };

    private static bool IsRegexType(TypeSyntax type) => type.ToString().Split('.')[^1] == "Regex";
}
