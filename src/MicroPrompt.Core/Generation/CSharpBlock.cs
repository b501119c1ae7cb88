using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Generation;

/// <summary>One candidate code block of a reply, parsed with Roslyn to see what it declares.</summary>
internal sealed class CSharpBlock
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private CSharpBlock(string text, int order, bool tagged, CompilationUnitSyntax root, bool hasSyntaxErrors)
    {
        Text = text;
        Order = order;
        Tagged = tagged;
        Root = root;
        HasSyntaxErrors = hasSyntaxErrors;

        var namespaces = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<BaseNamespaceDeclarationSyntax>()
            .ToList();
        NamespaceCount = namespaces.Count;
        NamespaceName = namespaces.Count == 1 ? namespaces[0].Name.ToString() : null;

        TypeNames = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .Select(TypeName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        HasGlobalStatements = root.Members.OfType<GlobalStatementSyntax>().Any();
    }

    public string Text { get; }

    /// <summary>Position of the block in the reply (0-based).</summary>
    public int Order { get; }

    /// <summary>True when the fence said csharp / cs / c#; false for a fence without a language.</summary>
    public bool Tagged { get; }

    public CompilationUnitSyntax Root { get; }

    public bool HasSyntaxErrors { get; }

    /// <summary>Top-level and namespace-level type names (generic arity appended as <c>`n</c>).</summary>
    public IReadOnlySet<string> TypeNames { get; }

    public bool DeclaresTypes => TypeNames.Count > 0;

    public bool HasGlobalStatements { get; }

    /// <summary>Namespace declarations in the block, nested ones included.</summary>
    public int NamespaceCount { get; }

    /// <summary>The namespace when the block declares exactly one.</summary>
    public string? NamespaceName { get; }

    public static CSharpBlock Parse(string text, int order, bool tagged)
    {
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions);
        var root = tree.GetCompilationUnitRoot();
        var hasErrors = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new CSharpBlock(text, order, tagged, root, hasErrors);
    }

    private static string? TypeName(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax t => WithArity(t.Identifier.Text, (t as TypeDeclarationSyntax)?.TypeParameterList),
        DelegateDeclarationSyntax d => WithArity(d.Identifier.Text, d.TypeParameterList),
        _ => null,
    };

    private static string WithArity(string name, TypeParameterListSyntax? parameters) =>
        parameters is { Parameters.Count: > 0 } ? $"{name}`{parameters.Parameters.Count}" : name;
}
