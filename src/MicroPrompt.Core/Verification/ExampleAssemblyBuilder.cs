using System.Globalization;
using System.Text;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace MicroPrompt.Verification;

/// <summary>
/// Compiles an item's test assembly with Roslyn: the generated code, the companion sources (other items' code), the
/// project's own sources except files with top-level statements, and — for a library — the example methods
/// (<see cref="ExampleSourceWriter"/>). A program item compiles as a console application whose entry point the harness
/// calls. Compiled against the project's reference assemblies; debug information is embedded so stack frames carry
/// lines. An example that does not compile is left out (and reported failed with its errors); a captured <c>==</c>
/// example that does not compile in captured form is retried as written. A project source or companion with errors
/// (e.g. it calls an item that is not generated yet) is dropped. Errors in the generated code itself end the attempt.
/// The project's source generators run over each round's trees, as in the compile check (when a source has what they
/// key on, or once something does not compile without them).
/// </summary>
internal sealed class ExampleAssemblyBuilder(CompilationInputCache inputs)
{
    private const int MaxRounds = 8;
    private const int ErrorsShown = 3;

    public BuiltExamples Build(ExampleRunRequest request, IReadOnlyList<PromptExample> examples, string outputPath)
    {
        var settings = CompilationSettings.From(request.Project, request.Kind);
        var project = inputs.GetProjectCompilation(request.Project, settings);
        var fileName = Generation.CodeGenerator.GeneratedFileName(request.ItemPath);
        var generated = CSharpSyntaxTree.ParseText(SourceText.From(request.Code, Encoding.UTF8), settings.ParseOptions, fileName);
        var support = CSharpSyntaxTree.ParseText(SourceText.From(ExampleSourceWriter.SupportSource, Encoding.UTF8), settings.ParseOptions, "MicroPrompt.ExampleSupport.g.cs");
        var droppable = project.SyntaxTrees.Where(t => !HasTopLevelStatements(t)).ToList();
        droppable.AddRange(inputs.GetCompanionTrees(request.CompanionSources, settings).Where(t => !HasTopLevelStatements(t)));
        var implicitUsings = project.SyntaxTrees.Where(t => t.FilePath == "MicroPrompt.ImplicitUsings.g.cs").ToList();
        droppable.RemoveAll(implicitUsings.Contains);

        var isProgram = request.Kind == PromptKind.Program;
        var forms = examples.Select(e => isProgram ? ExampleForm.Excluded : ExampleSourceWriter.InitialForm(e.Code)).ToList();
        var notCompiled = new Dictionary<int, string>();
        var options = settings.CompilationOptions;
        if (isProgram && MainTypeName(generated) is { } mainType)
        {
            options = options.WithMainTypeName(mainType);
        }

        var assemblyName = "MicroPrompt.Examples." + Path.GetFileNameWithoutExtension(outputPath);
        var hasGenerators = request.Project.AnalyzerPaths.Count > 0;
        var useGenerators = hasGenerators && CompilationInputCache.MayNeedGenerators(droppable.Append(generated));
        for (var round = 0; round < MaxRounds; round++)
        {
            var lines = new Dictionary<int, (int First, int Last)>();
            var trees = new List<SyntaxTree>(droppable) { generated };
            trees.AddRange(implicitUsings);
            SyntaxTree? examplesTree = null;
            if (!isProgram)
            {
                var namespaces = new[] { request.Namespace }.Concat(request.UsedNamespaces);
                var text = ExampleSourceWriter.Write(examples, forms, namespaces, request.PromptFile, lines);
                examplesTree = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), settings.ParseOptions, "MicroPrompt.Examples.g.cs");
                trees.Add(support);
                trees.Add(examplesTree);
            }

            // Generators run on each round's trees (a dropped source takes its generated part with it): at once when the
            // sources have what generators key on, else as soon as something does not compile without them.
            var compilation = CSharpCompilation.Create(assemblyName, trees, project.References, options);
            if (useGenerators)
            {
                compilation = inputs.RunGenerators(request.Project, settings, project, compilation).Compilation;
            }

            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0 && hasGenerators && !useGenerators)
            {
                useGenerators = true;
                round--;
                continue;
            }
            if (errors.Count == 0)
            {
                using var stream = File.Create(outputPath);
                var emitted = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
                if (emitted.Success)
                {
                    return new BuiltExamples(outputPath, forms, notCompiled, null);
                }

                return new BuiltExamples(null, forms, notCompiled, Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            var changed = false;
            var fatal = new List<Diagnostic>();
            foreach (var error in errors)
            {
                var tree = error.Location.SourceTree;
                if (tree is not null && tree == examplesTree)
                {
                    var line = error.Location.GetLineSpan().StartLinePosition.Line;
                    var index = lines.FirstOrDefault(kv => line >= kv.Value.First && line <= kv.Value.Last);
                    if (lines.Count == 0 || line < index.Value.First || line > index.Value.Last)
                    {
                        fatal.Add(error);
                        continue;
                    }

                    if (forms[index.Key] == ExampleForm.Captured)
                    {
                        forms[index.Key] = ExampleForm.Plain;
                    }
                    else if (forms[index.Key] != ExampleForm.Excluded)
                    {
                        forms[index.Key] = ExampleForm.Excluded;
                        notCompiled[index.Key] = "does not compile against the code: " + Format(error);
                    }

                    changed = true;
                }
                else if (tree is not null && droppable.Remove(tree))
                {
                    changed = true;
                }
                else
                {
                    fatal.Add(error);
                }
            }

            if (fatal.Count > 0 || !changed)
            {
                return new BuiltExamples(null, forms, notCompiled, Describe(fatal.Count > 0 ? fatal : errors));
            }
        }

        return new BuiltExamples(null, forms, notCompiled, "the test assembly still has errors after several attempts");
    }

    private static string Describe(IEnumerable<Diagnostic> errors)
    {
        var list = errors.ToList();
        var shown = string.Join("; ", list.Take(ErrorsShown).Select(Format));
        return "the code and its examples do not compile together: " + shown + (list.Count > ErrorsShown ? $" (and {list.Count - ErrorsShown} more)" : "");
    }

    private static string Format(Diagnostic d)
    {
        var message = d.GetMessage(CultureInfo.InvariantCulture);
        if (!d.Location.IsInSource)
        {
            return $"error {d.Id}: {message}";
        }

        var span = d.Location.GetMappedLineSpan();
        var file = Path.GetFileName(span.Path);
        return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {message}";
    }

    private static bool HasTopLevelStatements(SyntaxTree tree)
        => tree.GetRoot() is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax);

    /// <summary>The full name of the generated code's class with a static Main, when it has one.</summary>
    private static string? MainTypeName(SyntaxTree tree)
    {
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.Text == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
        if (method?.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        var names = new List<string>();
        for (SyntaxNode? node = type; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax t:
                    names.Insert(0, t.Identifier.Text);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    names.Insert(0, ns.Name.ToString());
                    break;
            }
        }

        return string.Join('.', names);
    }
}
