using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using MicroPrompt.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MicroPrompt.Compilation;

/// <summary>
/// The source generators of the project's analyzers (<see cref="ProjectContext.AnalyzerPaths"/>), run over a compile
/// check's compilation as the project's own compile runs them, so code using <c>[GeneratedRegex]</c>,
/// <c>[JsonSerializable]</c>, <c>[LoggerMessage]</c>, <c>[LibraryImport]</c>... compiles here too.
/// </summary>
/// <remarks>
/// <para>Each analyzer file is opened once per path and last-write time (an <see cref="AnalyzerFileReference"/> in the
/// memory cache, beside the metadata references) and its assembly loaded once per process by
/// <see cref="AnalyzerAssemblyLoader.Shared"/>; only files declaring generators are loaded at all (the reference reads
/// metadata first), and diagnostic analyzers are never instantiated. The last generator driver of each project
/// compilation is kept, so the next check reuses the generators' incremental work on the project's own sources.</para>
/// <para>Generators never break a check: an analyzer that cannot be loaded is skipped with a log line; a generator that
/// throws produces nothing (the driver reports it as CS8784/CS8785, which the checks pass on as feedback only when the
/// code fails anyway); an unexpected failure of the driver itself means the compilation is checked without generators.
/// No analyzer config options or additional files are passed: generators that need them (Razor, opt-in interceptor
/// generators) see their defaults.</para>
/// </remarks>
internal sealed partial class CompilationInputCache
{
    /// <summary>IDs of the driver's "generator failed" warnings (CS8784: initialization, CS8785: generation).</summary>
    internal static readonly ImmutableHashSet<string> GeneratorFailureIds = ["CS8784", "CS8785"];

    private static readonly ConditionalWeakTable<CSharpCompilation, ConcurrentDictionary<string, GeneratorDriver>> Drivers = new();
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> GeneratorTriggers = new();

    private int _generatorFilesLoaded;

    /// <summary>Analyzer files opened by this instance (a cache hit does not count).</summary>
    public int GeneratorFilesLoaded => Volatile.Read(ref _generatorFilesLoaded);

    /// <summary>
    /// Runs the project's source generators over <paramref name="compilation"/> (which must derive from
    /// <paramref name="projectCompilation"/>): the compilation with their output added, and the driver's diagnostics.
    /// Without generators, the compilation unchanged.
    /// </summary>
    public GeneratorRun RunGenerators(ProjectContext project, CompilationSettings settings, CSharpCompilation projectCompilation, CSharpCompilation compilation)
    {
        var (generators, generatorsKey) = GetGenerators(project.AnalyzerPaths);
        if (generators.IsEmpty)
        {
            return new GeneratorRun(compilation, []);
        }

        var drivers = Drivers.GetOrCreateValue(projectCompilation);
        var driverKey = generatorsKey + "|" + settings.ParseKey;
        try
        {
            var driver = drivers.GetOrAdd(driverKey, _ => CSharpGeneratorDriver.Create(generators, parseOptions: settings.ParseOptions));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
            drivers[driverKey] = driver;
            return new GeneratorRun((CSharpCompilation)updated, diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            drivers.TryRemove(driverKey, out _);
            _log?.Invoke($"MicroPrompt: source generators could not run ({e.GetType().Name}: {e.Message}); the code is compile-checked without them.");
            return new GeneratorRun(compilation, []);
        }
    }

    /// <summary>
    /// Whether source generators may change how these trees compile: a type- or member-level attribute (outside method
    /// bodies; assembly and module attributes excluded, the SDK's AssemblyInfo has them) or a <c>partial</c>
    /// declaration, what generators key on. Otherwise a generator can still add a type the code uses; callers then
    /// run them when the code does not compile without. Cached per tree.
    /// </summary>
    public static bool MayNeedGenerators(IEnumerable<SyntaxTree> trees) =>
        trees.Any(tree => GeneratorTriggers.GetValue(tree, t => new StrongBox<bool>(HasGeneratorTrigger(t))).Value);

    private static bool HasGeneratorTrigger(SyntaxTree tree) =>
        tree.GetRoot()
            .DescendantNodes(node => node is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax))
            .Any(node => node switch
            {
                AttributeListSyntax list => list.Target is null || !list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) && !list.Target.Identifier.IsKind(SyntaxKind.ModuleKeyword),
                MemberDeclarationSyntax member => member.Modifiers.Any(SyntaxKind.PartialKeyword),
                _ => false,
            });

    private (ImmutableArray<ISourceGenerator> Generators, string Key) GetGenerators(IReadOnlyList<string> analyzerPaths)
    {
        if (analyzerPaths.Count == 0)
        {
            return ([], "");
        }

        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        var key = new StringBuilder();
        foreach (var file in Files(analyzerPaths))
        {
            if (GetAnalyzerGenerators(file) is { Length: > 0 } found)
            {
                generators.AddRange(found);
                key.Append(file.Path).Append('|').Append(file.Ticks).Append('\n');
            }
        }

        return (generators.ToImmutable(), Hash(key.ToString()));
    }

    private ISourceGenerator[] GetAnalyzerGenerators(FileStamp file) =>
        GetOrAdd(new CacheKey("analyzer", $"{file.Path}|{file.Ticks}"), () =>
        {
            Interlocked.Increment(ref _generatorFilesLoaded);
            var reference = new AnalyzerFileReference(file.Path, AnalyzerAssemblyLoader.Shared);
            var failures = new List<string>();
            reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.TypeName is { Length: > 0 } type ? $"{type}: {e.Message}" : e.Message);
            ISourceGenerator[] generators;
            try
            {
                generators = [.. reference.GetGenerators(LanguageNames.CSharp)];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{e.GetType().Name}: {e.Message}");
                generators = [];
            }

            if (failures.Count > 0)
            {
                _log?.Invoke($"MicroPrompt: source generators of '{file.Path}' are not run in compile checks: {string.Join("; ", failures.Distinct())}");
            }

            return generators;
        })!;
}
