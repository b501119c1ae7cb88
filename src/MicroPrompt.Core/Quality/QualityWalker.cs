using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Quality;

/// <summary>The code checks of <see cref="CodeQualityChecker"/> (all but the contract). Without a semantic model it matches by name.</summary>
internal sealed class QualityWalker : CSharpSyntaxWalker
{
    // Disposing these releases nothing: not worth a warning.
    private static readonly HashSet<string> HarmlessDisposables = new(StringComparer.Ordinal)
    {
        "System.IO.MemoryStream", "System.IO.StringReader", "System.IO.StringWriter", "System.Threading.Tasks.Task",
        "System.Data.DataTable", "System.Data.DataSet",
    };

    private readonly SemanticModel? _model;
    private readonly bool _library;

    public QualityWalker(SemanticModel? model, bool library)
    {
        _model = model;
        _library = library;
    }

    public List<(string Code, int Line, int Column, string Message)> Findings { get; } = [];

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (node.Expression is MemberAccessExpressionSyntax access)
        {
            var name = access.Name.Identifier.ValueText;
            var method = _model?.GetSymbolInfo(node).Symbol as IMethodSymbol;
            var type = method?.ContainingType?.ToDisplayString() ?? LastIdentifier(access.Expression);

            if (_library && name is "ReadLine" or "Read" or "ReadKey" && type is "System.Console" or "Console")
            {
                Add(CodeQualityMessages.ReadsConsole(access.ToString()), node);
            }
            else if (_library && name is "Exit" or "FailFast" && type is "System.Environment" or "Environment")
            {
                Add(CodeQualityMessages.EndsProcess(access.ToString()), node);
            }
            else if (name == "Wait" && IsTask(method?.ContainingType, access.Expression))
            {
                Add(CodeQualityMessages.SyncOverAsync($"{access}()"), node);
            }
            else if (name == "GetResult" && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } }
                && (method is null || method.ContainingType.Name.EndsWith("Awaiter", StringComparison.Ordinal)))
            {
                Add(CodeQualityMessages.SyncOverAsync($"{access}()"), node);
            }
        }

        base.VisitInvocationExpression(node);
    }

    public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        if (node.Name.Identifier.ValueText == "Result" && node.Parent is not InvocationExpressionSyntax)
        {
            var property = _model?.GetSymbolInfo(node).Symbol as IPropertySymbol;
            if (_model is null ? LooksLikeTask(node.Expression) : IsTask(property?.ContainingType, node.Expression))
            {
                Add(CodeQualityMessages.SyncOverAsync(node.ToString()), node);
            }
        }

        base.VisitMemberAccessExpression(node);
    }

    public override void VisitCatchClause(CatchClauseSyntax node)
    {
        if (node.Block.Statements.Count == 0)
        {
            Add(CodeQualityMessages.EmptyCatch($"{node.CatchKeyword}{node.Declaration}"), node);
        }

        base.VisitCatchClause(node);
    }

    public override void VisitLocalDeclarationStatement(LocalDeclarationStatementSyntax node)
    {
        if (_model is not null && node.UsingKeyword.IsKind(SyntaxKind.None))
        {
            foreach (var variable in node.Declaration.Variables)
            {
                if (variable.Initializer?.Value is BaseObjectCreationExpressionSyntax creation
                    && _model.GetTypeInfo(creation).Type is INamedTypeSymbol type
                    && IsDisposable(type)
                    && !HarmlessDisposables.Contains(type.OriginalDefinition.ToDisplayString())
                    && _model.GetDeclaredSymbol(variable) is ILocalSymbol local
                    && !HandedOverOrDisposed(node, local))
                {
                    Add(CodeQualityMessages.Undisposed(local.Name, type.Name), variable);
                }
            }
        }

        base.VisitLocalDeclarationStatement(node);
    }

    private bool HandedOverOrDisposed(LocalDeclarationStatementSyntax declaration, ILocalSymbol local)
    {
        var scope = declaration.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
            or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax or CompilationUnitSyntax) ?? declaration.Parent!;
        if (scope is GlobalStatementSyntax)
        {
            scope = scope.Parent!;
        }

        foreach (var use in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (use.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(_model!.GetSymbolInfo(use).Symbol, local))
            {
                continue;
            }

            SyntaxNode node = use;
            while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            {
                node = node.Parent;
            }

            var handled = node.Parent switch
            {
                MemberAccessExpressionSyntax m when m.Expression == node => m.Name.Identifier.ValueText is "Dispose" or "DisposeAsync" or "Close",
                ConditionalAccessExpressionSyntax c when c.Expression == node => c.WhenNotNull is InvocationExpressionSyntax
                {
                    Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" or "Close" },
                },
                ArgumentSyntax or ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax or UsingStatementSyntax
                    or EqualsValueClauseSyntax or InitializerExpressionSyntax or AnonymousObjectMemberDeclaratorSyntax
                    or TupleExpressionSyntax or CollectionExpressionSyntax or ExpressionElementSyntax => true,
                AssignmentExpressionSyntax a => a.Right == node,
                _ => false,
            };
            if (handled || use.Ancestors().TakeWhile(a => a != scope).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDisposable(INamedTypeSymbol type) =>
        type.AllInterfaces.Any(i => i.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable");

    private bool IsTask(INamedTypeSymbol? containing, ExpressionSyntax receiver)
    {
        if (_model is null)
        {
            return LooksLikeTask(receiver);
        }

        var type = containing ?? _model.GetTypeInfo(receiver).Type as INamedTypeSymbol;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && t.Name is "Task" or "ValueTask")
            {
                return true;
            }
        }

        return false;
    }

    // Without types: `.Result` / `.Wait()` on something named like a task, or on a call to an ...Async method.
    private static bool LooksLikeTask(ExpressionSyntax receiver) => receiver switch
    {
        InvocationExpressionSyntax call => LastIdentifier(call.Expression).EndsWith("Async", StringComparison.Ordinal),
        _ => LastIdentifier(receiver).Contains("task", StringComparison.OrdinalIgnoreCase),
    };

    private static string LastIdentifier(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        _ => expression.ToString(),
    };

    private void Add(MicroPromptDiagnostic finding, SyntaxNode node)
    {
        var start = node.GetLocation().GetLineSpan().StartLinePosition;
        Findings.Add((finding.Code, start.Line + 1, start.Character + 1, finding.Message));
    }
}
