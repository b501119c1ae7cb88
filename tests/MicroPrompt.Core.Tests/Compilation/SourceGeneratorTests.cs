using System.Collections.Concurrent;
using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Caching.Memory;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Compilation;

/// <summary>The project's source generators (<c>@(Analyzer)</c>) run in the compile check and the example build.</summary>
public sealed class SourceGeneratorTests : IDisposable
{
    private const string WordsCode = """
        using System.Text.RegularExpressions;

        namespace Acme.Text;

        public static partial class Words
        {
            public static int Count(string text) => Word().Matches(text).Count;

            [GeneratedRegex(@"\w+")]
            private static partial Regex Word();
        }
        """;

    private const string JsonCode = """
        using System.Text.Json;
        using System.Text.Json.Serialization;

        namespace Acme.Text;

        public sealed record Point(int X, int Y);

        [JsonSerializable(typeof(Point))]
        public sealed partial class PointContext : JsonSerializerContext;

        public static class PointJson
        {
            public static string Write(Point point) => JsonSerializer.Serialize(point, PointContext.Default.Point);
        }
        """;

    // A test generator assembly: Hello adds a type; Boom throws while generating.
    private const string TestGenerators = """
        using System;
        using Microsoft.CodeAnalysis;

        [Generator]
        public sealed class Hello : IIncrementalGenerator
        {
            public void Initialize(IncrementalGeneratorInitializationContext context) =>
                context.RegisterPostInitializationOutput(c => c.AddSource("Hello.g.cs", "namespace Acme.Text; public static class Hello { public static string Name => \"generated\"; }"));
        }

        [Generator]
        public sealed class Boom : IIncrementalGenerator
        {
            public void Initialize(IncrementalGeneratorInitializationContext context) =>
                context.RegisterSourceOutput(context.CompilationProvider, (_, _) => throw new InvalidOperationException("boom"));
        }
        """;

    private readonly TestProject _project = new();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly ConcurrentQueue<string> _log = new();

    public void Dispose()
    {
        _cache.Dispose();
        _project.Dispose();
    }

    [Fact]
    public void The_pack_ships_the_regex_generator()
        => Assert.Contains(TestReferences.Generators, p => Path.GetFileName(p) == "System.Text.RegularExpressions.Generator.dll");

    [Fact]
    public void A_GeneratedRegex_partial_method_compiles_with_the_projects_generators_only()
    {
        var without = Check(WordsCode, analyzers: []);
        Assert.Contains(without.Errors, e => e.Id == "CS8795"); // partial method must have an implementation

        var with = Check(WordsCode, analyzers: TestReferences.Generators);
        Assert.True(with.Success, string.Join("\n", with.Errors));
    }

    [Fact]
    public void A_JsonSerializable_context_compiles()
    {
        var result = Check(JsonCode, analyzers: TestReferences.Generators);

        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Analyzer_files_are_opened_once_per_cache_and_real_errors_are_still_reported()
    {
        var first = new RoslynCompileChecker(_cache);
        Assert.True(first.Check(Request(WordsCode, TestReferences.Generators)).Success);
        Assert.Equal(TestReferences.Generators.Count, first.GeneratorFilesLoaded);

        var second = new RoslynCompileChecker(_cache);
        var broken = second.Check(Request(WordsCode.Replace("Matches(text).Count", "Matches(text).Length"), TestReferences.Generators));
        Assert.Contains(broken.Errors, e => e.Id == "CS1061"); // MatchCollection has no Length
        Assert.DoesNotContain(broken.Errors, e => e.Id == "CS8795");
        Assert.Equal(0, second.GeneratorFilesLoaded);
    }

    [Fact]
    public void Plain_code_that_compiles_never_loads_the_generators()
    {
        var checker = new RoslynCompileChecker(_cache);
        const string Plain = "namespace Acme.Text;\n\npublic static class Plain\n{\n    public static int Two() => 2;\n}\n";

        Assert.True(checker.Check(Request(Plain, TestReferences.Generators)).Success);
        Assert.Equal(0, checker.GeneratorFilesLoaded);

        Assert.False(checker.Check(Request(Plain.Replace("=> 2", "=> \"2\""), TestReferences.Generators)).Success);
        Assert.Equal(TestReferences.Generators.Count, checker.GeneratorFilesLoaded); // errors: checked again with them
    }

    [Fact]
    public void A_throwing_generator_never_fails_a_check_by_itself_and_is_reported_with_real_errors()
    {
        var generators = TestGeneratorAssembly();
        const string UsesHello = "namespace Acme.Text;\n\npublic static class Greeting\n{\n    public static string Text() => \"hi \" + Hello.Name;\n}\n";

        var ok = Check(UsesHello, analyzers: [generators]);
        Assert.True(ok.Success, string.Join("\n", ok.Errors)); // Hello's output is there; Boom's exception is not the code's fault

        var broken = Check(UsesHello.Replace("Hello.Name", "Hello.Nme"), analyzers: [generators]);
        Assert.Contains(broken.Errors, e => e.Id == "CS0117"); // Hello has no Nme
        var failure = Assert.Single(broken.Errors, e => e.Id == "CS8785");
        Assert.Contains("boom", failure.Message);
        Assert.Equal((1, 1), (failure.Line, failure.Column));
    }

    [Fact]
    public void An_analyzer_that_cannot_be_loaded_is_skipped_with_a_log_line()
    {
        var bogus = Path.Combine(_project.Directory, "NotAnAssembly.dll");
        File.WriteAllText(bogus, "not an assembly");
        var checker = new RoslynCompileChecker(_cache, _log.Enqueue);

        var result = checker.Check(Request(WordsCode, [bogus, .. TestReferences.Generators]));

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Contains(_log, line => line.Contains("NotAnAssembly.dll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_examples_of_GeneratedRegex_code_compile_and_run()
    {
        using var runner = new ExampleRunner(Options());
        var report = await runner.RunAsync(new ExampleRunRequest
        {
            ItemPath = "Prompts/Words.mprompt",
            PromptFile = Path.Combine(_project.Directory, "Prompts", "Words.mprompt"),
            Code = WordsCode,
            Namespace = "Acme.Text",
            Project = _project.Context(analyzers: TestReferences.Generators),
            Examples = [Expr("Words.Count(\"one two  three\") == 3", 10), Expr("PointJson.Write(new Point(1, 2)) == \"{\\\"X\\\":1,\\\"Y\\\":2}\"", 11)],
            CompanionSources = [JsonCode],
        }, CancellationToken.None);

        Assert.True(report.Results.All(r => r.Passed), string.Join("\n", report.Results.Select(r => r.Message)));
        Assert.Equal(2, report.Passed);
    }

    private CompileCheckResult Check(string code, IReadOnlyList<string> analyzers) =>
        new RoslynCompileChecker(_cache, _log.Enqueue).Check(Request(code, analyzers));

    private CompileCheckRequest Request(string code, IReadOnlyList<string> analyzers) => new()
    {
        Code = code,
        FileName = "Item.g.cs",
        Kind = PromptKind.Library,
        Project = _project.Context(analyzers: analyzers),
    };

    /// <summary>Compiles <see cref="TestGenerators"/> into a file of the test project, as a package's analyzer would be.</summary>
    private string TestGeneratorAssembly()
    {
        var path = Path.Combine(_project.Directory, "analyzers", $"TestGenerators{Guid.NewGuid():N}.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(TestGenerators)],
            [.. TestReferences.All.Select(p => MetadataReference.CreateFromFile(p)), MetadataReference.CreateFromFile(typeof(ISourceGenerator).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emit = compilation.Emit(path);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return path;
    }
}
