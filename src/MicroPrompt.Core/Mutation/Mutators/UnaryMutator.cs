using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxKind;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Stryker.NET's unary, negation and update mutators: <c>-x</c>↔<c>+x</c>, <c>~x</c>→<c>x</c>, <c>!x</c>→<c>x</c>,
/// <c>x++</c>↔<c>x--</c>, <c>++x</c>↔<c>--x</c>.
/// </summary>
internal sealed class UnaryMutator : IMutator
{
    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        switch (node)
        {
            case PrefixUnaryExpressionSyntax prefix:
                switch (prefix.Kind())
                {
                    case UnaryMinusExpression:
                        yield return new(prefix, "+" + prefix.Operand, "unary");
                        break;
                    case UnaryPlusExpression:
                        yield return new(prefix, "-" + prefix.Operand, "unary");
                        break;
                    case BitwiseNotExpression:
                        yield return new(prefix, prefix.Operand.ToString(), "unary");
                        break;
                    case LogicalNotExpression:
                        yield return new(prefix, prefix.Operand.ToString(), "negation");
                        break;
                    case PreIncrementExpression:
                        yield return new(prefix, "--" + prefix.Operand, "update");
                        break;
                    case PreDecrementExpression:
                        yield return new(prefix, "++" + prefix.Operand, "update");
                        break;
                }

                break;
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(PostIncrementExpression):
                yield return new(postfix, postfix.Operand + "--", "update");
                break;
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(PostDecrementExpression):
                yield return new(postfix, postfix.Operand + "++", "update");
                break;
        }
    }
}
