using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Keys;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Compilation;

/// <summary>The project's @(Using) items: compiled with generated code, keyed only beyond the implicit set.</summary>
public sealed class GlobalUsingTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Directives_are_written_as_the_SDK_writes_them()
    {
        Assert.Equal("global using global::System.Text;", new GlobalUsing("System.Text").Directive);
        Assert.Equal("global using static global::System.Math;", new GlobalUsing("System.Math", Static: true).Directive);
        Assert.Equal("global using SB = global::System.Text.StringBuilder;", new GlobalUsing("System.Text.StringBuilder", "SB").Directive);
    }

    [Fact]
    public void Only_usings_beyond_the_implicit_set_are_extra_and_change_the_key()
    {
        var plain = _project.Context();
        var sameAsImplicit = WithUsings(plain, [new GlobalUsing("System"), new GlobalUsing("System.Linq")]);
        var extra = WithUsings(plain, [new GlobalUsing("System"), new GlobalUsing("System.Text.StringBuilder", "SB")]);

        Assert.Empty(GlobalUsing.Extra(sameAsImplicit));
        Assert.Equal(["global using SB = global::System.Text.StringBuilder;"], GlobalUsing.Extra(extra));

        var key = Key([]);
        Assert.Equal(key, Key(GlobalUsing.Extra(sameAsImplicit)));
        Assert.NotEqual(key, Key(GlobalUsing.Extra(extra)));
        Assert.DoesNotContain("usings", KeyPayload.WriteString(Inputs([])), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_code_compiles_against_alias_static_and_namespace_usings()
    {
        const string code = """
            namespace Acme;

            public static class Joiner
            {
                public static string Join(int a, int b) => new SB().Append(Max(a, b)).Append(Encoding.UTF8.WebName).ToString();
            }
            """;
        var checker = new RoslynCompileChecker();
        CompileCheckResult Check(ProjectContext project) => checker.Check(new CompileCheckRequest { Code = code, FileName = "Joiner.g.cs", Project = project, Kind = PromptKind.Library });

        Assert.NotEmpty(Check(_project.Context()).Errors);
        var result = Check(WithUsings(_project.Context(),
        [
            new GlobalUsing("System.Text.StringBuilder", "SB"),
            new GlobalUsing("System.Math", Static: true),
            new GlobalUsing("System.Text"),
        ]));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Examples_see_the_projects_usings()
    {
        const string code = "namespace Acme.Text;\n\npublic static class Twice\n{\n    public static string Of(string s) => new SB(s).Append(s).ToString();\n}\n";
        var project = WithUsings(_project.Context(), [new GlobalUsing("System.Text.StringBuilder", "SB"), new GlobalUsing("System.Math", Static: true)]);
        using var runner = new MicroPrompt.Verification.ExampleRunner(Verification.ExampleHostPaths.Options());
        var request = Verification.ExampleHostPaths.Request(_project, code, [Verification.ExampleHostPaths.Expr("Twice.Of(new SB(\"a\").ToString()) == \"aa\" && Max(1, 2) == 2")]);
        var report = await runner.RunAsync(new MicroPrompt.Verification.ExampleRunRequest
        {
            ItemPath = request.ItemPath,
            PromptFile = request.PromptFile,
            Code = request.Code,
            Namespace = request.Namespace,
            Project = project,
            Examples = request.Examples,
        }, CancellationToken.None);

        Assert.True(report.Passed == 1, report.Results[0].Message);
    }

    private static ProjectContext WithUsings(ProjectContext project, IReadOnlyList<GlobalUsing> usings) => new()
    {
        ProjectDirectory = project.ProjectDirectory,
        RootNamespace = project.RootNamespace,
        TargetFramework = project.TargetFramework,
        Nullable = project.Nullable,
        ImplicitUsings = project.ImplicitUsings,
        GlobalUsings = usings,
        ReferencePaths = project.ReferencePaths,
        SourceFiles = project.SourceFiles,
    };

    private static KeyInputs Inputs(IReadOnlyList<string> usings) => new()
    {
        PromptText = "# Joiner",
        Model = "m",
        Kind = "library",
        Namespace = "Acme",
        ImplicitUsings = true,
        GlobalUsings = usings,
    };

    private static string Key(IReadOnlyList<string> usings) => GenerationKey.Compute(Inputs(usings));
}
