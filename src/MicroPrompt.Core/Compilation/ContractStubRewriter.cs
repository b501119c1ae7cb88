using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Compilation;

/// <summary>
/// Gives every body-less method, constructor, destructor, operator and indexer/event accessor of a class, struct or
/// record an expression body that throws. Interfaces and abstract, extern or partial declarations are left alone;
/// property accessors without bodies stay auto-properties.
/// </summary>
internal sealed class ContractStubRewriter(string message) : CSharpSyntaxRewriter
{
    private readonly ArrowExpressionClauseSyntax _throw = SyntaxFactory.ArrowExpressionClause(
        SyntaxFactory.ParseExpression(
            $"throw new global::System.NotImplementedException({SyntaxFactory.Literal(message).ToFullString()})"));

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return NeedsBody(visited, visited.Body, visited.ExpressionBody) ? visited.WithExpressionBody(_throw).WithSemicolonToken(Semicolon()) : visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return NeedsBody(visited, visited.Body, visited.ExpressionBody) ? visited.WithExpressionBody(_throw).WithSemicolonToken(Semicolon()) : visited;
    }

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node)
    {
        var visited = (DestructorDeclarationSyntax)base.VisitDestructorDeclaration(node)!;
        return NeedsBody(visited, visited.Body, visited.ExpressionBody) ? visited.WithExpressionBody(_throw).WithSemicolonToken(Semicolon()) : visited;
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var visited = (OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!;
        return NeedsBody(visited, visited.Body, visited.ExpressionBody) ? visited.WithExpressionBody(_throw).WithSemicolonToken(Semicolon()) : visited;
    }

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
    {
        var visited = (ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!;
        return NeedsBody(visited, visited.Body, visited.ExpressionBody) ? visited.WithExpressionBody(_throw).WithSemicolonToken(Semicolon()) : visited;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (visited.Body is not null || visited.ExpressionBody is not null
            || node.Parent?.Parent is not BasePropertyDeclarationSyntax owner
            || owner is PropertyDeclarationSyntax)
        {
            return visited;
        }

        return NeedsBody(owner, null, null) ? visited.WithExpressionBody(_throw).WithSemicolonToken(Semicolon()) : visited;
    }

    private static bool NeedsBody(MemberDeclarationSyntax member, BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody) =>
        body is null
        && expressionBody is null
        && member.Parent is TypeDeclarationSyntax and not InterfaceDeclarationSyntax
        && !member.Modifiers.Any(m => m.IsKind(SyntaxKind.AbstractKeyword) || m.IsKind(SyntaxKind.ExternKeyword) || m.IsKind(SyntaxKind.PartialKeyword));

    private static SyntaxToken Semicolon() => SyntaxFactory.Token(SyntaxKind.SemicolonToken);
}
