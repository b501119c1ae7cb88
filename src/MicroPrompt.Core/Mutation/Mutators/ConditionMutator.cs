using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Stryker.NET's negate-condition and conditional-expression mutators: the condition of an <c>if</c>, <c>while</c>,
/// <c>do</c>, <c>for</c> or <c>c ? a : b</c> becomes <c>!(c)</c>.
/// </summary>
internal sealed class ConditionMutator : IMutator
{
    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        var condition = node switch
        {
            IfStatementSyntax s => s.Condition,
            WhileStatementSyntax s => s.Condition,
            DoStatementSyntax s => s.Condition,
            ForStatementSyntax s => s.Condition,
            ConditionalExpressionSyntax c => c.Condition,
            _ => null,
        };
        if (condition is null || condition is LiteralExpressionSyntax)
        {
            yield break;
        }

        yield return new(condition, $"!({condition})", "conditional");
    }
}
