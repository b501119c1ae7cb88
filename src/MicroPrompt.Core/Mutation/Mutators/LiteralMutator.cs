using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxKind;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Stryker.NET's boolean and string mutators: <c>true</c>↔<c>false</c>; a non-empty string literal (also verbatim, raw
/// and interpolated) → <c>""</c>; <c>""</c> and <c>string.Empty</c> → <c>"Stryker was here!"</c>.
/// </summary>
internal sealed class LiteralMutator : IMutator
{
    public const string Filler = "\"Stryker was here!\"";

    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        switch (node)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(TrueLiteralExpression):
                yield return new(literal, "false", "boolean");
                break;
            case LiteralExpressionSyntax literal when literal.IsKind(FalseLiteralExpression):
                yield return new(literal, "true", "boolean");
                break;
            case LiteralExpressionSyntax literal when literal.IsKind(StringLiteralExpression) && !IsInterpolationPart(literal):
                yield return literal.Token.ValueText.Length == 0
                    ? new(literal, Filler, "string")
                    : new(literal, "\"\"", "string");
                break;
            case InterpolatedStringExpressionSyntax interpolated:
                yield return interpolated.Contents.Count == 0
                    ? new(interpolated, Filler, "string")
                    : new(interpolated, "\"\"", "string");
                break;
            case MemberAccessExpressionSyntax { Name.Identifier.Text: "Empty" } access
                when access.Expression is PredefinedTypeSyntax { Keyword.Text: "string" } or IdentifierNameSyntax { Identifier.Text: "String" }:
                yield return new(access, Filler, "string");
                break;
        }
    }

    /// <summary>A literal written as an interpolation's format (<c>{x:0.00}</c> has none): never mutated on its own.</summary>
    private static bool IsInterpolationPart(LiteralExpressionSyntax literal) => literal.Parent is InterpolationAlignmentClauseSyntax;
}
