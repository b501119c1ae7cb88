using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>Stryker.NET's checked mutator: <c>checked(x)</c> → <c>x</c> (overflow no longer throws).</summary>
internal sealed class CheckedMutator : IMutator
{
    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        if (node is CheckedExpressionSyntax expression && expression.IsKind(SyntaxKind.CheckedExpression))
        {
            yield return new(expression, "(" + expression.Expression + ")", "checked");
        }
    }
}
