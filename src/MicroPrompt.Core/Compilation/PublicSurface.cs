using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Compilation;

/// <summary>The syntax filtering behind <see cref="PublicApiExtractor"/>.</summary>
internal static class PublicSurface
{
    public static SyntaxList<MemberDeclarationSyntax> Filter(SyntaxList<MemberDeclarationSyntax> members, bool inInterface, bool topLevel)
    {
        var kept = new List<MemberDeclarationSyntax>();
        foreach (var member in members)
        {
            if (Reduce(member, inInterface, topLevel) is { } reduced)
            {
                kept.Add(reduced);
            }
        }

        return SyntaxFactory.List(kept);
    }

    public static bool DeclaresType(MemberDeclarationSyntax member) => member switch
    {
        BaseNamespaceDeclarationSyntax ns => ns.Members.Any(DeclaresType),
        BaseTypeDeclarationSyntax or DelegateDeclarationSyntax => true,
        _ => false,
    };

    private static MemberDeclarationSyntax? Reduce(MemberDeclarationSyntax member, bool inInterface, bool topLevel)
    {
        switch (member)
        {
            case BaseNamespaceDeclarationSyntax ns:
                var inner = Filter(ns.Members, inInterface: false, topLevel: true);
                return inner.Any(DeclaresType) ? ns.WithMembers(inner) : null;

            case GlobalStatementSyntax or IncompleteMemberSyntax:
                return null;
        }

        // Top-level types without a modifier are internal; members of interfaces without one are public.
        if (!IsVisible(member.Modifiers, inInterface && !topLevel))
        {
            return null;
        }

        return member switch
        {
            EnumDeclarationSyntax or DelegateDeclarationSyntax or EventFieldDeclarationSyntax => member,
            TypeDeclarationSyntax type => Type(type),
            MethodDeclarationSyntax method => Method(method),
            ConstructorDeclarationSyntax ctor when !Has(ctor.Modifiers, SyntaxKind.StaticKeyword) =>
                ctor.WithBody(null).WithExpressionBody(null).WithInitializer(null).WithSemicolonToken(Semicolon()),
            OperatorDeclarationSyntax op => op.WithBody(null).WithExpressionBody(null).WithSemicolonToken(Semicolon()),
            ConversionOperatorDeclarationSyntax conversion =>
                conversion.WithBody(null).WithExpressionBody(null).WithSemicolonToken(Semicolon()),
            PropertyDeclarationSyntax property when property.ExplicitInterfaceSpecifier is null => Property(property),
            IndexerDeclarationSyntax indexer when indexer.ExplicitInterfaceSpecifier is null => Indexer(indexer),
            EventDeclarationSyntax e when e.ExplicitInterfaceSpecifier is null => SyntaxFactory.EventFieldDeclaration(
                e.AttributeLists,
                e.Modifiers,
                SyntaxFactory.VariableDeclaration(e.Type, SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(e.Identifier)))),
            FieldDeclarationSyntax field => Field(field),
            _ => null,
        };
    }

    private static TypeDeclarationSyntax Type(TypeDeclarationSyntax type)
    {
        var members = Filter(type.Members, type is InterfaceDeclarationSyntax, topLevel: false);

        // A primary constructor's `: Base(x)` arguments stay: without them the surface would not compile as a contract.
        return type.WithMembers(members);
    }

    private static MethodDeclarationSyntax? Method(MethodDeclarationSyntax method)
    {
        if (method.ExplicitInterfaceSpecifier is not null)
        {
            return null;
        }

        var isPartial = Has(method.Modifiers, SyntaxKind.PartialKeyword);
        if (isPartial && (method.Body is not null || method.ExpressionBody is not null))
        {
            return null; // the implementing part: its defining part shows the signature
        }

        return method
            .WithModifiers(Without(method.Modifiers, SyntaxKind.AsyncKeyword))
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(Semicolon());
    }

    private static PropertyDeclarationSyntax? Property(PropertyDeclarationSyntax property)
    {
        var accessors = Accessors(property.AccessorList, property.ExpressionBody);
        return accessors is null
            ? null
            : property.WithAccessorList(accessors).WithExpressionBody(null).WithInitializer(null).WithSemicolonToken(default);
    }

    private static IndexerDeclarationSyntax? Indexer(IndexerDeclarationSyntax indexer)
    {
        var accessors = Accessors(indexer.AccessorList, indexer.ExpressionBody);
        return accessors is null
            ? null
            : indexer.WithAccessorList(accessors).WithExpressionBody(null).WithSemicolonToken(default);
    }

    private static AccessorListSyntax? Accessors(AccessorListSyntax? list, ArrowExpressionClauseSyntax? expressionBody)
    {
        if (expressionBody is not null || list is null)
        {
            return expressionBody is null
                ? null
                : SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(Accessor(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration))));
        }

        var kept = list.Accessors
            .Where(a => !Has(a.Modifiers, SyntaxKind.PrivateKeyword))
            .Select(a => Accessor(a.WithAttributeLists(default)))
            .ToArray();
        return kept.Length == 0 ? null : SyntaxFactory.AccessorList(SyntaxFactory.List(kept));
    }

    private static AccessorDeclarationSyntax Accessor(AccessorDeclarationSyntax accessor) =>
        accessor.WithBody(null).WithExpressionBody(null).WithSemicolonToken(Semicolon());

    private static FieldDeclarationSyntax Field(FieldDeclarationSyntax field) =>
        Has(field.Modifiers, SyntaxKind.ConstKeyword)
            ? field
            : field.WithDeclaration(field.Declaration.WithVariables(SyntaxFactory.SeparatedList(
                field.Declaration.Variables.Select(v => v.WithInitializer(null)))));

    private static bool IsVisible(SyntaxTokenList modifiers, bool publicByDefault)
    {
        if (Has(modifiers, SyntaxKind.PublicKeyword))
        {
            return true;
        }

        var isPrivate = Has(modifiers, SyntaxKind.PrivateKeyword);
        if (Has(modifiers, SyntaxKind.ProtectedKeyword))
        {
            return !isPrivate; // protected and protected internal; not private protected
        }

        return publicByDefault && !isPrivate && !Has(modifiers, SyntaxKind.InternalKeyword) && !Has(modifiers, SyntaxKind.FileKeyword);
    }

    private static bool Has(SyntaxTokenList modifiers, SyntaxKind kind) => modifiers.Any(m => m.IsKind(kind));

    private static SyntaxTokenList Without(SyntaxTokenList modifiers, SyntaxKind kind) =>
        SyntaxFactory.TokenList(modifiers.Where(m => !m.IsKind(kind)));

    private static SyntaxToken Semicolon() => SyntaxFactory.Token(SyntaxKind.SemicolonToken);
}
