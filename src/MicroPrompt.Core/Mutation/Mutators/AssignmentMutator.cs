using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxKind;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Stryker.NET's assignment mutator: <c>+=</c>↔<c>-=</c>, <c>*=</c>↔<c>/=</c>, <c>%=</c>→<c>*=</c>, <c>&amp;=</c>↔<c>|=</c>,
/// <c>^=</c>→<c>|=</c>/<c>&amp;=</c>, <c>&lt;&lt;=</c>↔<c>&gt;&gt;=</c>, <c>??=</c>→<c>=</c>.
/// </summary>
internal sealed class AssignmentMutator : IMutator
{
    private static readonly Dictionary<SyntaxKind, SyntaxKind[]> Swaps = new()
    {
        [AddAssignmentExpression] = [MinusEqualsToken],
        [SubtractAssignmentExpression] = [PlusEqualsToken],
        [MultiplyAssignmentExpression] = [SlashEqualsToken],
        [DivideAssignmentExpression] = [AsteriskEqualsToken],
        [ModuloAssignmentExpression] = [AsteriskEqualsToken],
        [AndAssignmentExpression] = [BarEqualsToken],
        [OrAssignmentExpression] = [AmpersandEqualsToken],
        [ExclusiveOrAssignmentExpression] = [BarEqualsToken, AmpersandEqualsToken],
        [LeftShiftAssignmentExpression] = [GreaterThanGreaterThanEqualsToken],
        [RightShiftAssignmentExpression] = [LessThanLessThanEqualsToken],
        [CoalesceAssignmentExpression] = [EqualsToken],
    };

    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        if (node is not AssignmentExpressionSyntax assignment || !Swaps.TryGetValue(assignment.Kind(), out var tokens))
        {
            yield break;
        }

        foreach (var token in tokens)
        {
            var changed = assignment.WithOperatorToken(SyntaxFactory.Token(token).WithTriviaFrom(assignment.OperatorToken));
            yield return new(assignment, changed.ToString(), "assignment");
        }
    }
}
