using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Core.Tests.Diagnostics;

/// <summary>Reads the C# source tree with Roslyn (syntax only: comments and XML docs are not uses).</summary>
internal static class SourceScan
{
    /// <summary>The C# files under <paramref name="root"/>, without build output.</summary>
    public static IEnumerable<string> Files(string root)
        => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    public static SyntaxNode Parse(string file) => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot();

    /// <summary>The <c>DiagnosticCodes</c> members referred to (<c>DiagnosticCodes.X</c>) anywhere but in <paramref name="declaration"/>.</summary>
    public static HashSet<string> DiagnosticCodeUses(string sourceRoot, string declaration)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var declarationFile = Path.GetFileName(declaration);
        foreach (var file in Files(sourceRoot).Where(f => !f.Replace('\\', '/').EndsWith(declaration.Replace('\\', '/'), StringComparison.Ordinal)))
        {
            foreach (var access in Parse(file).DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                var target = access.Expression switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (target + ".cs" == declarationFile)
                {
                    used.Add(access.Name.Identifier.ValueText);
                }
            }
        }

        return used;
    }

    /// <summary>
    /// Where a diagnostic is built with its text written in place: <c>MicroPromptDiagnostic.Error/Warning(…)</c> or
    /// <c>new MicroPromptDiagnostic(…)</c> with a string literal among its arguments, a <c>(DiagnosticCodes.X, "…")</c>
    /// tuple, or a <c>FailureMessage = "…"</c> next to a code. As "file(line)".
    /// </summary>
    public static IEnumerable<string> MessagesWrittenInPlace(string file, string relativeName)
    {
        foreach (var node in Parse(file).DescendantNodes())
        {
            var written = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "MicroPromptDiagnostic" } } } call
                    => HasText(call.ArgumentList),
                ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax { Identifier.ValueText: "MicroPromptDiagnostic" } } creation
                    => creation.ArgumentList is { } arguments && HasText(arguments),
                TupleExpressionSyntax tuple
                    => tuple.Arguments.Any(a => IsCode(a.Expression)) && tuple.Arguments.Any(a => IsText(a.Expression)),
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "FailureMessage" } } assignment
                    => IsText(assignment.Right),
                _ => false,
            };
            if (written)
            {
                yield return $"{relativeName}({node.GetLocation().GetLineSpan().StartLinePosition.Line + 1})";
            }
        }
    }

    private static bool HasText(ArgumentListSyntax arguments) => arguments.Arguments.Any(a => IsText(a.Expression));

    private static bool IsText(ExpressionSyntax expression) => expression
        .DescendantNodesAndSelf(n => n is not (InvocationExpressionSyntax or LambdaExpressionSyntax))
        .Any(n => n is InterpolatedStringExpressionSyntax || n.IsKind(SyntaxKind.StringLiteralExpression));

    private static bool IsCode(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "DiagnosticCodes" } };
}
