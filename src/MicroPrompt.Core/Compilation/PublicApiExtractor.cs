using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Compilation;

/// <summary>
/// Reduces generated code to its public surface, shown to the model in the prompts of items that use it.
/// </summary>
public static class PublicApiExtractor
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>
    /// Returns the usings, namespaces and public or protected types and members of <paramref name="code"/>, with
    /// bodies, initializers and constructor initializers removed (a record's or primary constructor's base arguments stay) (methods end with <c>;</c>, properties show their
    /// non-private accessors as <c>{ get; set; }</c>), constants with their values, XML doc comments kept and every
    /// other comment, directive and private/internal member dropped. Empty when the code declares no public type
    /// (e.g. a program item with top-level statements only). Code with syntax errors gives a best effort.
    /// </summary>
    public static string Extract(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ParseOptions).GetRoot();
        root = (CompilationUnitSyntax)new DocCommentTrivia(dropOtherComments: true).Visit(root);

        var members = PublicSurface.Filter(root.Members, inInterface: false, topLevel: true);
        if (!members.Any(PublicSurface.DeclaresType))
        {
            return "";
        }

        root = root.WithAttributeLists(default).WithMembers(members);
        return root.NormalizeWhitespace(indentation: "    ", eol: "\n").ToFullString().Trim() + "\n";
    }
}
