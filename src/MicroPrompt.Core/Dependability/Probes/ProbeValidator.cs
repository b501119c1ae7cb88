using System.Text;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Compiles library probe expressions against the item's contract stub (<see cref="ContractStubBuilder"/>) with the
/// project's references, sources and the companion items, in one compilation: a probe with a compile error (a
/// model-proposed call of a member that does not exist, an ambiguous <c>null</c>) is dropped; for the others the
/// semantic model says whether the call gives a value, nothing, a task or a task of a value.
/// </summary>
internal sealed class ProbeValidator(CompilationInputCache inputs)
{
    private const string ClassName = "__MicroPromptProbeCheck";

    public IReadOnlyList<Probe> Validate(ProbeSubject subject, IReadOnlyList<Probe> probes)
    {
        if (probes.Count == 0 || string.IsNullOrWhiteSpace(subject.Prompt.Contract))
        {
            return [];
        }

        var settings = CompilationSettings.From(subject.Project, PromptKind.Library);
        var project = inputs.GetProjectCompilation(subject.Project, settings);
        var stub = ContractStubBuilder.Build(subject.Prompt.Contract, subject.Namespace, subject.ItemPath);
        var text = new StringBuilder();
        foreach (var ns in new[] { "System", "System.Collections.Generic", "System.Linq", subject.Namespace }.Concat(subject.UsedNamespaces).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            text.Append("using ").Append(ns).Append(";\n");
        }

        text.Append("#nullable disable\n#pragma warning disable\n");
        text.Append("internal static class ").Append(ClassName).Append("\n{\n");
        for (var i = 0; i < probes.Count; i++)
        {
            text.Append("static async global::System.Threading.Tasks.Task P").Append(i).Append("()\n{\n")
                .Append(probes[i].Code).Append(";\n}\n");
        }

        text.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(text.ToString(), Encoding.UTF8), settings.ParseOptions, "MicroPrompt.ProbeCheck.g.cs");
        var compilation = project
            .AddSyntaxTrees(inputs.GetCompanionTrees(subject.CompanionSources, settings))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(SourceText.From(stub, Encoding.UTF8), settings.ParseOptions, "MicroPrompt.ProbeContract.g.cs"), tree);
        var broken = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree)
            .Select(d => d.Location.SourceSpan)
            .ToList();
        var model = compilation.GetSemanticModel(tree);
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        var valid = new List<Probe>();
        for (var i = 0; i < probes.Count && i < methods.Count; i++)
        {
            var method = methods[i];
            if (broken.Any(span => method.FullSpan.IntersectsWith(span))
                || method.Body?.Statements.SingleOrDefault() is not ExpressionStatementSyntax statement)
            {
                continue;
            }

            valid.Add(probes[i] with { Call = CallOf(model.GetTypeInfo(statement.Expression).Type) });
        }

        return valid;
    }

    private static ProbeCall CallOf(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_Void)
        {
            return ProbeCall.Void;
        }

        var name = type.OriginalDefinition.ToDisplayString();
        return name switch
        {
            "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask" => ProbeCall.Task,
            "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>" => ProbeCall.TaskOfValue,
            _ => ProbeCall.Value,
        };
    }
}
