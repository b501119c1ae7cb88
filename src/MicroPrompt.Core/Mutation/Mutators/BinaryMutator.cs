using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxKind;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Binary operators, as Stryker.NET's arithmetic, equality (with the boundary swaps <c>&lt;</c>↔<c>&lt;=</c>), logical,
/// bitwise and null-coalescing mutators: <c>+</c>↔<c>-</c>, <c>*</c>↔<c>/</c>, <c>%</c>→<c>*</c>; <c>==</c>↔<c>!=</c>;
/// <c>&lt;</c>→<c>&lt;=</c>/<c>&gt;=</c> (and the other three likewise); <c>&amp;&amp;</c>↔<c>||</c>;
/// <c>&amp;</c>↔<c>|</c>, <c>^</c>→<c>|</c>/<c>&amp;</c>, <c>&lt;&lt;</c>↔<c>&gt;&gt;</c>; <c>a ?? b</c>→<c>b ?? a</c>, <c>a</c>, <c>b</c>.
/// A <c>+</c> with a string literal on either side is a concatenation and is left alone (as Stryker.NET does).
/// </summary>
internal sealed class BinaryMutator : IMutator
{
    private static readonly Dictionary<SyntaxKind, (string Mutator, SyntaxKind[] To)> Swaps = new()
    {
        [AddExpression] = ("arithmetic", [SubtractExpression]),
        [SubtractExpression] = ("arithmetic", [AddExpression]),
        [MultiplyExpression] = ("arithmetic", [DivideExpression]),
        [DivideExpression] = ("arithmetic", [MultiplyExpression]),
        [ModuloExpression] = ("arithmetic", [MultiplyExpression]),
        [EqualsExpression] = ("equality", [NotEqualsExpression]),
        [NotEqualsExpression] = ("equality", [EqualsExpression]),
        [LessThanExpression] = ("equality", [LessThanOrEqualExpression, GreaterThanOrEqualExpression]),
        [LessThanOrEqualExpression] = ("equality", [LessThanExpression, GreaterThanExpression]),
        [GreaterThanExpression] = ("equality", [GreaterThanOrEqualExpression, LessThanOrEqualExpression]),
        [GreaterThanOrEqualExpression] = ("equality", [GreaterThanExpression, LessThanExpression]),
        [LogicalAndExpression] = ("logical", [LogicalOrExpression]),
        [LogicalOrExpression] = ("logical", [LogicalAndExpression]),
        [BitwiseAndExpression] = ("bitwise", [BitwiseOrExpression]),
        [BitwiseOrExpression] = ("bitwise", [BitwiseAndExpression]),
        [ExclusiveOrExpression] = ("bitwise", [BitwiseOrExpression, BitwiseAndExpression]),
        [LeftShiftExpression] = ("bitwise", [RightShiftExpression]),
        [RightShiftExpression] = ("bitwise", [LeftShiftExpression]),
    };

    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        if (node is not BinaryExpressionSyntax binary)
        {
            yield break;
        }

        var kind = binary.Kind();
        if (kind == CoalesceExpression)
        {
            yield return new(binary, $"{binary.Right} ?? {binary.Left}", "null-coalescing");
            yield return new(binary, binary.Left.ToString(), "null-coalescing");
            yield return new(binary, binary.Right.ToString(), "null-coalescing");
            yield break;
        }

        if (!Swaps.TryGetValue(kind, out var swap) || (kind == AddExpression && IsConcatenation(binary)))
        {
            yield break;
        }

        foreach (var to in swap.To)
        {
            var token = SyntaxFactory.Token(OperatorFor(to)).WithTriviaFrom(binary.OperatorToken);
            yield return new(binary, binary.WithOperatorToken(token).ToString(), swap.Mutator);
        }
    }

    private static bool IsConcatenation(BinaryExpressionSyntax binary)
        => IsText(binary.Left) || IsText(binary.Right);

    private static bool IsText(ExpressionSyntax side) => side switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(StringLiteralExpression) || literal.IsKind(CharacterLiteralExpression),
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax inner when inner.IsKind(AddExpression) => IsConcatenation(inner),
        _ => false,
    };

    private static SyntaxKind OperatorFor(SyntaxKind expression) => expression switch
    {
        AddExpression => PlusToken,
        SubtractExpression => MinusToken,
        MultiplyExpression => AsteriskToken,
        DivideExpression => SlashToken,
        EqualsExpression => EqualsEqualsToken,
        NotEqualsExpression => ExclamationEqualsToken,
        LessThanExpression => LessThanToken,
        LessThanOrEqualExpression => LessThanEqualsToken,
        GreaterThanExpression => GreaterThanToken,
        GreaterThanOrEqualExpression => GreaterThanEqualsToken,
        LogicalAndExpression => AmpersandAmpersandToken,
        LogicalOrExpression => BarBarToken,
        BitwiseAndExpression => AmpersandToken,
        BitwiseOrExpression => BarToken,
        LeftShiftExpression => LessThanLessThanToken,
        RightShiftExpression => GreaterThanGreaterThanToken,
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression, null),
    };
}
