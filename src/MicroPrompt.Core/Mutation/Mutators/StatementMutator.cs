using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Stryker.NET's statement and block mutators. A statement that does something (an expression statement, <c>return</c>,
/// <c>break</c>, <c>continue</c>, <c>throw</c>, <c>yield</c>) is removed. A method body becomes empty
/// (<c>{ return default!; }</c> when the method returns a value, <c>{ yield break; }</c> for an iterator); so does the
/// block of an <c>if</c>, <c>else</c> or loop with more than one statement (one statement is the statement mutator's).
/// A removal that leaves code that does not compile (a missing return) is a compile error, left out of the score.
/// </summary>
internal sealed class StatementMutator : IMutator
{
    private const string Empty = "{}";

    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        switch (node)
        {
            case ExpressionStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax
                or ThrowStatementSyntax or YieldStatementSyntax when node.Parent is BlockSyntax or SwitchSectionSyntax:
                yield return new(node, Empty, "statement", "");
                break;
            case BlockSyntax block when block.Statements.Count > 0:
                if (EmptyBody(block) is { } body)
                {
                    yield return new(block, body, "block", "{ }");
                }

                break;
        }
    }

    private static string? EmptyBody(BlockSyntax block)
    {
        switch (block.Parent)
        {
            case MethodDeclarationSyntax method:
                return MethodBody(method.ReturnType, method.Modifiers, block);
            case LocalFunctionStatementSyntax local:
                return MethodBody(local.ReturnType, local.Modifiers, block);
            case ConstructorDeclarationSyntax:
                return Empty;
            case AccessorDeclarationSyntax accessor:
                return accessor.IsKind(SyntaxKind.GetAccessorDeclaration) ? "{ return default!; }" : Empty;
            case IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax:
                return block.Statements.Count > 1 ? Empty : null;
            default:
                return null;
        }
    }

    private static string MethodBody(TypeSyntax returnType, SyntaxTokenList modifiers, BlockSyntax block)
    {
        if (block.DescendantNodes().OfType<YieldStatementSyntax>().Any())
        {
            return "{ yield break; }";
        }

        var type = returnType.ToString();
        var isAsync = modifiers.Any(SyntaxKind.AsyncKeyword);
        return type == "void" || (isAsync && type is "Task" or "ValueTask" or "System.Threading.Tasks.Task")
            ? Empty
            : "{ return default!; }";
    }
}
