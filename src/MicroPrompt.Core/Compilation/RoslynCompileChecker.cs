using System.Globalization;
using System.Text;
using MicroPrompt.Capabilities;
using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Caching.Memory;

namespace MicroPrompt.Compilation;

/// <summary>
/// Compile-checks generated code with Roslyn against the project's reference assemblies, its own sources and the
/// companion sources (other items' code or contract stubs), using the project's language version, nullable context,
/// preprocessor symbols and implicit usings.
/// </summary>
/// <remarks>
/// <para>Only diagnostics located in the generated code are reported; errors in the project's files or companions are
/// not the generated code's fault (e.g. <c>Program.cs</c> calling an item that is not generated yet). The generated
/// code is the last tree of the compilation, so a type or member it declares twice (CS0101, CS0102, CS0111) is
/// reported in the generated code: that is how two prompts producing the same type are detected.</para>
/// <para>Location-less errors are ignored (they concern references or options, not the code) with one exception: a
/// program item whose compilation has no entry point gets the compiler's CS5001, positioned at (1,1).</para>
/// <para>Library items compile as a library even in an executable project, so the project's top-level statements or
/// <c>Main</c> never matter for them. Program items compile as a console application.</para>
/// <para>Reference assemblies, parsed project sources and the project compilation (with its bound references) are
/// kept in an <see cref="IMemoryCache"/>, keyed by path and last-write time, so the checks of a build load every
/// reference once. References or sources that do not exist are skipped. Unsafe code is not allowed (the project's
/// <c>AllowUnsafeBlocks</c> is not known here).</para>
/// <para>The project's source generators (<see cref="Generation.ProjectContext.AnalyzerPaths"/>) run over the
/// compilation, so code relying on them (<c>[GeneratedRegex]</c>, <c>[JsonSerializable]</c>, <c>[LoggerMessage]</c>...)
/// compiles as it does in the project; their own diagnostics located in the generated code are reported too. They run
/// at once when a source has a type- or member-level attribute or a <c>partial</c> declaration (what generators key
/// on), otherwise only when the code has errors without them (a generated type it uses), so plain code never pays
/// for loading them. A
/// generator that throws never fails a check by itself: its CS8784/CS8785 is added to the errors only when the code
/// has errors anyway (typically the partial members it should have implemented).</para>
/// <para>Thread-safe: checks may run concurrently.</para>
/// </remarks>
public sealed class RoslynCompileChecker : ICompileChecker
{
    internal static readonly MemoryCache SharedCache = new(new MemoryCacheOptions());

    private readonly CompilationInputCache _inputs;

    /// <param name="cache">Where references and parsed sources are kept; by default a cache shared by all checkers.</param>
    /// <param name="log">Informational messages (source generators that cannot be loaded or run).</param>
    public RoslynCompileChecker(IMemoryCache? cache = null, Action<string>? log = null) => _inputs = new CompilationInputCache(cache ?? SharedCache, log);

    /// <summary>Metadata references this checker created (cache hits excluded); for tests.</summary>
    internal int ReferencesLoaded => _inputs.ReferencesLoaded;

    /// <summary>Project and companion sources this checker parsed (cache hits excluded); for tests.</summary>
    internal int SourcesParsed => _inputs.SourcesParsed;

    /// <summary>Project compilations this checker created (cache hits excluded); for tests.</summary>
    internal int CompilationsCreated => _inputs.CompilationsCreated;

    /// <summary>Analyzer files this checker opened for source generators (cache hits excluded); for tests.</summary>
    internal int GeneratorFilesLoaded => _inputs.GeneratorFilesLoaded;

    /// <inheritdoc />
    public CompileCheckResult Check(CompileCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var settings = CompilationSettings.From(request.Project, request.Kind);
        var projectCompilation = _inputs.GetProjectCompilation(request.Project, settings);
        var companions = _inputs.GetCompanionTrees(request.CompanionSources, settings);
        var fileName = string.IsNullOrWhiteSpace(request.FileName) ? "Generated.g.cs" : request.FileName;
        var generated = CSharpSyntaxTree.ParseText(SourceText.From(request.Code ?? "", Encoding.UTF8), settings.ParseOptions, fileName);

        // The generated tree goes last: duplicate declarations are reported at the later declaration. The project's
        // source generators then add their output, as in the project's own compile: at once when the sources have
        // what generators key on, else only when the code does not compile without them.
        var plain = projectCompilation.AddSyntaxTrees(companions.Append(generated));
        var hasGenerators = request.Project.AnalyzerPaths.Count > 0;
        var generatorsFirst = hasGenerators && CompilationInputCache.MayNeedGenerators(plain.SyntaxTrees);
        var result = Diagnose(request.Kind, generated, generatorsFirst ? _inputs.RunGenerators(request.Project, settings, projectCompilation, plain) : new GeneratorRun(plain, []));
        if (!result.Success && hasGenerators && !generatorsFirst)
        {
            result = Diagnose(request.Kind, generated, _inputs.RunGenerators(request.Project, settings, projectCompilation, plain));
        }

        if (request.CallerBaseline is not null && result.Errors.Count == 0)
        {
            // Only code that compiles itself can be judged by its callers (its own errors come first).
            var callerErrors = CallerCheck.Errors(_inputs, plain, generated, projectCompilation, companions, request, settings);
            if (callerErrors.Count > 0)
            {
                result = new CompileCheckResult(result.Errors, result.Warnings) { Capabilities = result.Capabilities, CallerErrors = callerErrors };
            }
        }

        return result;
    }

    private static CompileCheckResult Diagnose(PromptKind kind, SyntaxTree generated, GeneratorRun run)
    {
        var compilation = run.Compilation;
        var errors = new List<CompileError>();
        var warnings = new List<CompileError>();
        var semanticModel = compilation.GetSemanticModel(generated);
        foreach (var diagnostic in semanticModel.GetDiagnostics().Concat(run.Diagnostics))
        {
            if (diagnostic.Location.SourceTree != generated || diagnostic.IsSuppressed)
            {
                continue;
            }

            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                errors.Add(ToCompileError(diagnostic, isWarning: false));
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Warning)
            {
                warnings.Add(ToCompileError(diagnostic, isWarning: true));
            }
        }

        if (kind == PromptKind.Program && compilation.GetEntryPoint(CancellationToken.None) is null)
        {
            // Only now pay for the whole compilation's diagnostics, to report the compiler's own CS5001.
            errors.AddRange(compilation.GetDiagnostics()
                .Where(d => d.Id == "CS5001" && d.Severity == DiagnosticSeverity.Error && !d.Location.IsInSource)
                .Select(d => ToCompileError(d, isWarning: false))
                .Take(1));
        }

        if (errors.Count > 0)
        {
            // A generator that threw left its part of the code unimplemented (CS8795, ...): say why, with the errors.
            errors.AddRange(run.Failures.Select(d => ToCompileError(d, isWarning: false)));
        }

        return new CompileCheckResult(Ordered(errors), Ordered(warnings))
        {
            Capabilities = errors.Count == 0 ? CapabilityScanner.Scan(semanticModel, generated) : [],
        };
    }

    private static CompileError ToCompileError(Diagnostic diagnostic, bool isWarning)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return new CompileError(diagnostic.Id, message, 1, 1, isWarning);
        }

        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return new CompileError(diagnostic.Id, message, start.Line + 1, start.Character + 1, isWarning);
    }

    private static IReadOnlyList<CompileError> Ordered(List<CompileError> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ToArray();
}
