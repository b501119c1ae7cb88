using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MicroPrompt.Compilation;

/// <summary>
/// The callers' side of a compile check: errors that checked code causes in the project's own files and in other
/// items' code. A caller error is one a file has with the checked code and does not have with the baseline (the
/// previous resolution, the contract stub, or no code at all), so files that fail for reasons of their own — or that
/// only compile once the item exists — are never blamed on it.
/// </summary>
/// <remarks>
/// Only files that mention a type the checked code or the baseline declares are bound (a syntactic pre-filter, cached
/// per parsed tree), so a project of many files pays for the few that can call the item. The baseline's errors are
/// cached per baseline, companions and project compilation, so the repair passes of one item bind it once.
/// </remarks>
internal static class CallerCheck
{
    private static readonly ConditionalWeakTable<SyntaxTree, HashSet<string>> Identifiers = new();

    /// <summary>Caller errors formatted as <c>Program.cs(3,17): error CS0117: message</c>, ordered by file and position.</summary>
    public static IReadOnlyList<string> Errors(
        CompilationInputCache inputs,
        CSharpCompilation withCode,
        SyntaxTree checkedTree,
        CSharpCompilation projectCompilation,
        IReadOnlyList<SyntaxTree> companions,
        CompileCheckRequest request,
        CompilationSettings settings)
    {
        var baselineTree = CSharpSyntaxTree.ParseText(SourceText.From(request.CallerBaseline ?? "", Encoding.UTF8), settings.ParseOptions, checkedTree.FilePath);
        var declared = DeclaredTypeNames(checkedTree);
        declared.UnionWith(DeclaredTypeNames(baselineTree));
        if (declared.Count == 0)
        {
            return [];
        }

        var callers = withCode.SyntaxTrees
            .Where(t => t != checkedTree && t.FilePath.Length > 0 && Mentions(t, declared))
            .ToList();
        if (callers.Count == 0)
        {
            return [];
        }

        var names = CompanionNames(companions, request);
        var baselineKey = $"{request.CallerBaseline?.GetHashCode(StringComparison.Ordinal)}|{string.Join('|', callers.Select(c => c.FilePath))}|{projectCompilation.GetHashCode()}|{string.Join('|', companions.Select(c => c.GetHashCode()))}";
        var baseline = inputs.GetOrAddBaseline(baselineKey, request.CallerBaseline ?? "", () =>
        {
            var compilation = projectCompilation.AddSyntaxTrees(companions.Append(baselineTree));
            var byPath = compilation.SyntaxTrees.ToDictionary(t => t.FilePath, StringComparer.Ordinal);
            return callers
                .Where(c => byPath.ContainsKey(c.FilePath))
                .SelectMany(c => ErrorsIn(compilation, byPath[c.FilePath]))
                .Select(e => e.Signature)
                .ToHashSet(StringComparer.Ordinal);
        });

        return callers
            .SelectMany(c => ErrorsIn(withCode, c))
            .Where(e => !baseline.Contains(e.Signature))
            .Select(e => $"{DisplayName(e.Tree, request, names)}({e.Line},{e.Column}): error {e.Id}: {e.Message}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<(SyntaxTree Tree, string Id, int Line, int Column, string Message, string Signature)> ErrorsIn(Microsoft.CodeAnalysis.Compilation compilation, SyntaxTree tree)
    {
        foreach (var diagnostic in compilation.GetSemanticModel(tree).GetDiagnostics())
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error || diagnostic.IsSuppressed || diagnostic.Location.SourceTree != tree)
            {
                continue;
            }

            var start = diagnostic.Location.GetLineSpan().StartLinePosition;
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            yield return (tree, diagnostic.Id, start.Line + 1, start.Character + 1, message,
                $"{tree.FilePath}|{diagnostic.Id}|{start.Line}|{start.Character}|{message}");
        }
    }

    private static HashSet<string> DeclaredTypeNames(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .OfType<BaseTypeDeclarationSyntax>()
            .Select(t => t.Identifier.ValueText)
            .Concat(tree.GetRoot().DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.ValueText))
            .Where(n => n.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    private static bool Mentions(SyntaxTree tree, HashSet<string> names)
    {
        var identifiers = Identifiers.GetValue(tree, t => t.GetRoot().DescendantTokens()
            .Where(token => token.IsKind(SyntaxKind.IdentifierToken))
            .Select(token => token.ValueText)
            .ToHashSet(StringComparer.Ordinal));
        return names.Overlaps(identifiers);
    }

    private static Dictionary<SyntaxTree, string> CompanionNames(IReadOnlyList<SyntaxTree> companions, CompileCheckRequest request)
    {
        // Companions are parsed once per distinct content, in request order: map them back to the items they belong to.
        var byContent = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < request.CompanionSources.Count && i < request.CompanionNames.Count; i++)
        {
            byContent.TryAdd(request.CompanionSources[i], request.CompanionNames[i]);
        }

        var result = new Dictionary<SyntaxTree, string>();
        foreach (var tree in companions)
        {
            if (byContent.TryGetValue(tree.GetText().ToString(), out var name))
            {
                result[tree] = name;
            }
        }

        return result;
    }

    private static string DisplayName(SyntaxTree tree, CompileCheckRequest request, Dictionary<SyntaxTree, string> companionNames)
    {
        if (companionNames.TryGetValue(tree, out var item))
        {
            return item;
        }

        var path = tree.FilePath;
        if (Path.IsPathFullyQualified(path) && request.Project.ProjectDirectory.Length > 0)
        {
            var relative = Path.GetRelativePath(request.Project.ProjectDirectory, path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
        }

        return Path.GetFileName(path);
    }
}
