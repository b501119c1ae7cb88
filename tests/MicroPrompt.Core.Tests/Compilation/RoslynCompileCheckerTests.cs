using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using Microsoft.Extensions.Caching.Memory;

namespace MicroPrompt.Core.Tests.Compilation;

public sealed class RoslynCompileCheckerTests : IDisposable
{
    private const string SlugCode = """
        namespace Acme;

        public static class Slug
        {
            public static string Make(string text) => text.Trim().ToLowerInvariant().Replace(' ', '-');
        }
        """;

    private readonly TestProject _project = new();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        _cache.Dispose();
        _project.Dispose();
    }

    [Fact]
    public void ValidLibraryCompiles()
    {
        var result = Check(SlugCode);

        Assert.True(result.Success, Describe(result));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void SyntaxErrorIsReportedAtItsPosition()
    {
        var code = "namespace Acme;\n\npublic static class Two\n{\n    public static int Value() { return 2 }\n}\n";

        var result = Check(code);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CS1002", error.Id); // ; expected
        Assert.Equal(5, error.Line);
        Assert.Equal(code.Split('\n')[4].IndexOf('}') + 1, error.Column); // Roslyn puts a missing ';' mid-line at the next token
        Assert.False(error.IsWarning);
    }

    [Fact]
    public void TypeErrorIsReportedAtItsPosition()
    {
        var code = "namespace Acme;\n\npublic static class Two\n{\n    public static int Value() => \"two\";\n}\n";

        var result = Check(code);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CS0029", error.Id); // cannot convert string to int
        Assert.Equal(5, error.Line);
        Assert.Equal(34, error.Column);
        Assert.Contains("string", error.Message);
    }

    [Fact]
    public void ErrorsInProjectSourcesAreIgnored()
    {
        const string broken = "namespace Acme;\npublic static class Broken { public static int X() => \"no\"; }\n";
        _project.AddSource("Broken.cs", broken);

        var result = Check(SlugCode);

        Assert.True(result.Success, Describe(result));
        // The project file really is broken: checked as the generated code it fails.
        Assert.False(new RoslynCompileChecker(_cache).Check(Request(broken.Replace("Broken", "Broken2"))).Success);
    }

    [Fact]
    public void GeneratedCodeMayUseTypesOfTheProjectSources()
    {
        const string code = "namespace Acme;\npublic static class Prices { public static Money Double(Money m) => new(m.Amount * 2); }\n";
        Assert.Contains(Check(code).Errors, e => e.Id == "CS0246"); // Money unknown without the project source

        _project.AddSource("Money.cs", "namespace Acme;\npublic sealed record Money(decimal Amount);\n");

        var result = Check(code);

        Assert.True(result.Success, Describe(result));
    }

    [Fact]
    public void GeneratedCodeMayCallCompanionSources()
    {
        const string code = "namespace Acme;\npublic static class Titles { public static string Id(string title) => Slug.Make(title) + \".html\"; }\n";
        Assert.Contains(Check(code).Errors, e => e.Id == "CS0103"); // Slug unknown without the companion

        var result = Check(code, companions: [SlugCode]);

        Assert.True(result.Success, Describe(result));
    }

    [Fact]
    public void DuplicateTypeWithAProjectSourceIsReported()
    {
        _project.AddSource("Slug.cs", "namespace Acme;\npublic static class Slug { public static string Other() => \"\"; }\n");

        var result = Check(SlugCode);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CS0101", error.Id);
        Assert.Equal(3, error.Line); // `public static class Slug` in the generated code
    }

    [Fact]
    public void DuplicateTypeWithACompanionIsReported()
    {
        var result = Check(SlugCode, companions: [SlugCode.Replace("Make", "Other")]);

        Assert.Contains(result.Errors, e => e.Id == "CS0101");
    }

    [Fact]
    public void DuplicateMemberOfAPartialTypeIsReported()
    {
        _project.AddSource("Helpers.cs", "namespace Acme;\npublic static partial class Helpers { public static int One() => 1; }\n");

        var result = Check("namespace Acme;\npublic static partial class Helpers { public static int One() => 2; }\n");

        Assert.Contains(result.Errors, e => e.Id == "CS0111");
    }

    [Fact]
    public void ProgramItemWithoutEntryPointReportsCS5001()
    {
        var result = Check(SlugCode, PromptKind.Program);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CS5001", error.Id);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.True(Check(SlugCode).Success); // the same code as a library item is fine
    }

    [Fact]
    public void ProgramItemWithTopLevelStatementsCompiles()
    {
        const string code = "var name = args.Length > 0 ? args[0] : \"world\";\nConsole.WriteLine($\"Hello, {name}!\");\nreturn 0;\n";

        var result = Check(code, PromptKind.Program);

        Assert.True(result.Success, Describe(result));
    }

    [Fact]
    public void ProgramItemWithMainCompiles()
    {
        const string code = "namespace Acme;\npublic static class Program { public static int Main(string[] args) => args.Length; }\n";

        Assert.True(Check(code, PromptKind.Program).Success);
    }

    [Fact]
    public void LibraryItemInAnExecutableProjectCompilesAsALibrary()
    {
        // The project's Program.cs has top-level statements and calls the item that is being generated.
        _project.AddSource("Program.cs", "Console.WriteLine(Acme.Slug.Make(\"Hello World\"));\n");

        var result = Check(SlugCode);

        Assert.True(result.Success, Describe(result));
    }

    [Fact]
    public void ProgramItemBesideTheProjectsOwnTopLevelStatementsIsReported()
    {
        _project.AddSource("Program.cs", "System.Console.WriteLine(1);\n");

        var result = Check("System.Console.WriteLine(2);\n", PromptKind.Program);

        Assert.Contains(result.Errors, e => e.Id == "CS8802"); // only one compilation unit can have top-level statements
    }

    [Fact]
    public void ConcurrentChecksLoadEachReferenceOnce()
    {
        var checker = new RoslynCompileChecker(_cache);
        var project = _project.Context();

        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => checker.Check(Request(SlugCode.Replace("Slug", "Slug" + i), project: project)))
            .ToArray();

        Assert.All(results, r => Assert.True(r.Success, Describe(r)));
        Assert.Equal(TestReferences.All.Count, checker.ReferencesLoaded);
        Assert.Equal(1, checker.CompilationsCreated);
    }

    [Fact]
    public void ImplicitUsingsDecideWhetherCommonNamespacesAreImported()
    {
        const string code = "namespace Acme;\npublic static class Numbers { public static List<int> Evens(int n) => Enumerable.Range(0, n).Where(i => i % 2 == 0).ToList(); }\n";

        Assert.True(Check(code, implicitUsings: true).Success);

        var without = Check(code, implicitUsings: false);
        Assert.False(without.Success);
        Assert.Contains(without.Errors, e => e.Id == "CS0246" && e.Message.Contains("List<>"));
    }

    [Fact]
    public void NullableEnableProducesWarningsNotErrors()
    {
        const string code = "namespace Acme;\npublic static class Names { public static string First(string? name) => name; }\n";

        var enabled = Check(code, nullable: "enable", fileName: "Names.cs");
        Assert.True(enabled.Success, Describe(enabled));
        var warning = Assert.Single(enabled.Warnings);
        Assert.Equal("CS8603", warning.Id); // possible null reference return
        Assert.True(warning.IsWarning);
        Assert.Equal(2, warning.Line);

        var disabled = Check(code, nullable: "disable", fileName: "Names.cs");
        Assert.True(disabled.Success);
        Assert.DoesNotContain(disabled.Warnings, w => w.Id == "CS8603");
    }

    [Fact]
    public void GeneratedFileNamesAreGeneratedCodeForTheCompiler()
    {
        // Like the real build: a *.g.cs file is generated code, whose nullable context is off unless it says #nullable.
        const string code = "namespace Acme;\npublic static class Names { public static string First(string? name) => name; }\n";

        var result = Check(code, nullable: "enable", fileName: "Names.g.cs");
        Assert.True(result.Success);
        Assert.Equal("CS8669", Assert.Single(result.Warnings).Id);

        var withDirective = Check("#nullable enable\n" + code, nullable: "enable", fileName: "Names.g.cs");
        Assert.Equal("CS8603", Assert.Single(withDirective.Warnings).Id);
    }

    [Fact]
    public void LangVersionIsHonoured()
    {
        const string code = "namespace Acme\n{\n    public record Point(int X, int Y);\n}\n";

        Assert.True(Check(code, langVersion: "latest").Success);

        var old = Check(code, langVersion: "7.3");
        Assert.False(old.Success);
        Assert.All(old.Errors, e => Assert.Equal(3, e.Line)); // C# 7.3 does not know `record`

        const string switchExpression = "namespace Acme\n{\n    public static class Signs { public static int Of(int x) => x switch { 0 => 0, _ => 1 }; }\n}\n";
        Assert.True(Check(switchExpression, langVersion: "8.0").Success);
        var errors = Check(switchExpression, langVersion: "7.3").Errors;
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("CS8370", e.Id)); // feature not available in C# 7.3
        Assert.All(errors, e => Assert.Contains("C# 7.3", e.Message));
    }

    [Theory]
    [InlineData("", "net10.0", "CSharp14")]
    [InlineData("", "net8.0", "CSharp12")]
    [InlineData("", "net8.0-windows", "CSharp12")]
    [InlineData("", "netstandard2.0", "CSharp7_3")]
    [InlineData("", "netstandard2.1", "CSharp8")]
    [InlineData("", "net48", "CSharp7_3")]
    [InlineData("10", "net8.0", "CSharp10")]
    [InlineData("Latest", "netstandard2.0", "CSharp14")]
    [InlineData("not-a-version", "net9.0", "CSharp13")]
    public void LanguageVersionFollowsTheSdkRules(string langVersion, string targetFramework, string expected)
    {
        Assert.Equal(expected, CompilationSettings.ResolveLanguageVersion(langVersion, targetFramework).ToString());
    }

    [Fact]
    public void EmptyLangVersionUsesTheTargetFrameworkDefault()
    {
        const string code = "namespace Acme\n{\n    public record Point(int X, int Y);\n}\n";

        Assert.True(Check(code, targetFramework: "net8.0").Success);
        Assert.False(Check(code, targetFramework: "netstandard2.0").Success);
    }

    [Fact]
    public void DefineConstantsArePreprocessorSymbols()
    {
        const string code = "namespace Acme;\npublic static class Flags\n{\n#if MY_FLAG\n    public static int Value => \"flag\";\n#endif\n}\n";

        Assert.True(Check(code).Success);
        var withFlag = new RoslynCompileChecker(_cache).Check(Request(code, project: _project.Context(defineConstants: ["TRACE;MY_FLAG"])));
        Assert.Contains(withFlag.Errors, e => e.Id == "CS0029" && e.Line == 5);
    }

    [Fact]
    public void MetadataReferencesAreLoadedOncePerCache()
    {
        var references = TestReferences.All;
        var checker = new RoslynCompileChecker(_cache);

        Assert.True(checker.Check(Request(SlugCode)).Success);
        Assert.Equal(references.Count, checker.ReferencesLoaded);
        var entries = _cache.Count;
        Assert.True(entries >= references.Count, $"{entries} cache entries for {references.Count} references");

        Assert.True(checker.Check(Request(SlugCode.Replace("Slug", "Slug2"))).Success);
        Assert.Equal(references.Count, checker.ReferencesLoaded);
        Assert.Equal(1, checker.CompilationsCreated);
        Assert.Equal(entries, _cache.Count);

        // Another checker on the same cache loads nothing; the program variant binds its own compilation.
        var second = new RoslynCompileChecker(_cache);
        Assert.True(second.Check(Request("System.Console.WriteLine(1);", PromptKind.Program)).Success);
        Assert.Equal(0, second.ReferencesLoaded);
        Assert.Equal(1, second.CompilationsCreated);

        // A checker on a fresh cache loads them again.
        using var fresh = new MemoryCache(new MemoryCacheOptions());
        var third = new RoslynCompileChecker(fresh);
        third.Check(Request(SlugCode));
        Assert.Equal(references.Count, third.ReferencesLoaded);
    }

    [Fact]
    public void AChangedReferenceOrSourceIsLoadedAgain()
    {
        var copy = Path.Combine(_project.Directory, "System.Runtime.dll");
        File.Copy(TestReferences.All.Single(p => Path.GetFileName(p) == "System.Runtime.dll"), copy);
        var references = TestReferences.All.Where(p => Path.GetFileName(p) != "System.Runtime.dll").Append(copy).ToArray();
        var source = _project.AddSource("Money.cs", "namespace Acme;\npublic sealed record Money(decimal Amount);\n");
        var checker = new RoslynCompileChecker(_cache);
        var request = Request(SlugCode, project: _project.Context(references: references));

        Assert.True(checker.Check(request).Success);
        var loaded = checker.ReferencesLoaded;
        var parsed = checker.SourcesParsed;
        checker.Check(request);
        Assert.Equal((loaded, parsed), (checker.ReferencesLoaded, checker.SourcesParsed));

        File.SetLastWriteTimeUtc(copy, DateTime.UtcNow.AddMinutes(1));
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(1));
        Assert.True(checker.Check(request).Success);
        Assert.Equal(loaded + 1, checker.ReferencesLoaded);
        Assert.Equal(parsed + 1, checker.SourcesParsed);
    }

    [Fact]
    public void MissingReferencesAndSourcesAreSkipped()
    {
        var references = TestReferences.All.Append(Path.Combine(_project.Directory, "does-not-exist.dll")).ToArray();
        var context = _project.Context(references: references);
        var project = new ProjectContext
        {
            ProjectDirectory = context.ProjectDirectory,
            ImplicitUsings = true,
            ReferencePaths = context.ReferencePaths,
            SourceFiles = [Path.Combine(_project.Directory, "Gone.cs"), ""],
        };

        var result = new RoslynCompileChecker(_cache).Check(Request(SlugCode, project: project));

        Assert.True(result.Success, Describe(result));
    }

    [Fact]
    public void WithoutReferencesEverythingIsAnError()
    {
        // Proves the references are what makes the other checks pass.
        var result = new RoslynCompileChecker(_cache).Check(Request(SlugCode, project: _project.Context(references: [])));

        Assert.Contains(result.Errors, e => e.Id == "CS0518"); // predefined type System.Object is not defined
    }

    private CompileCheckResult Check(
        string code,
        PromptKind kind = PromptKind.Library,
        IReadOnlyList<string>? companions = null,
        bool implicitUsings = true,
        string nullable = "enable",
        string langVersion = "",
        string targetFramework = "net10.0",
        string fileName = "Item.g.cs") =>
        new RoslynCompileChecker(_cache).Check(Request(
            code,
            kind,
            companions,
            _project.Context(implicitUsings, nullable, langVersion, targetFramework),
            fileName));

    private CompileCheckRequest Request(
        string code,
        PromptKind kind = PromptKind.Library,
        IReadOnlyList<string>? companions = null,
        ProjectContext? project = null,
        string fileName = "Item.g.cs") => new()
        {
            Code = code,
            FileName = fileName,
            Kind = kind,
            Project = project ?? _project.Context(),
            CompanionSources = companions ?? [],
        };

    private static string Describe(CompileCheckResult result) =>
        string.Join("\n", result.Errors.Concat(result.Warnings).Select(e => e.ToString()));
}
