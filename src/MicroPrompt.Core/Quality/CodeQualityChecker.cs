using System.Text;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MicroPrompt.Quality;

/// <summary>
/// Static checks of generated code with Roslyn, reported as warnings located in the <c>.mprompt</c>:
/// the <c>## Contract</c> surface exists with matching signatures (MP2010, at the contract line),
/// no <c>Console.Read*</c> / <c>Environment.Exit</c> / <c>Environment.FailFast</c> in a library item (MP2011),
/// an <c>IDisposable</c> created with <c>new</c> in a method and stored in a local is disposed (MP2012, a heuristic:
/// a local that is returned, passed on, stored or captured is taken as handed over),
/// no sync-over-async <c>.Result</c> / <c>.Wait()</c> / <c>.GetAwaiter().GetResult()</c> on a task (MP2013),
/// and no empty <c>catch</c> block (MP2014). Findings never fail a build by themselves.
/// </summary>
public sealed class CodeQualityChecker
{
    private readonly CompilationInputCache _inputs = new(RoslynCompileChecker.SharedCache);

    public IReadOnlyList<MicroPromptDiagnostic> Check(CodeQualityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.Prompt;
        var findings = new List<MicroPromptDiagnostic>();

        if (!string.IsNullOrWhiteSpace(prompt.Contract))
        {
            foreach (var (line, column, message) in ContractComparer.Compare(prompt.Contract!, request.Code))
            {
                var span = prompt.ContractSpan;
                findings.Add(CodeQualityMessages.ContractMismatch(
                    message,
                    prompt.FilePath,
                    span.Line > 0 ? span.Line + line : 1,
                    span.Line > 0 ? (line == 0 ? span.Column : 1) + column : 1));
            }
        }

        var (tree, model) = Bind(request);
        var walker = new QualityWalker(model, prompt.Kind == PromptKind.Library);
        walker.Visit(tree.GetRoot());
        foreach (var finding in walker.Findings)
        {
            findings.Add(CodeQualityMessages.Located(finding.Code, finding.Message, request.FileName, finding.Line, finding.Column, prompt.FilePath));
        }

        return findings;
    }

    private (SyntaxTree Tree, SemanticModel? Model) Bind(CodeQualityRequest request)
    {
        if (request.Project is null)
        {
            var alone = CSharpSyntaxTree.ParseText(request.Code, new CSharpParseOptions(LanguageVersion.Preview));
            return (alone, null);
        }

        var settings = CompilationSettings.From(request.Project, request.Prompt.Kind);
        var project = _inputs.GetProjectCompilation(request.Project, settings);
        var companions = _inputs.GetCompanionTrees(request.CompanionSources, settings);
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(request.Code, Encoding.UTF8), settings.ParseOptions, request.FileName);
        var compilation = project.AddSyntaxTrees(companions.Append(tree));
        return (tree, compilation.GetSemanticModel(tree));
    }
}
