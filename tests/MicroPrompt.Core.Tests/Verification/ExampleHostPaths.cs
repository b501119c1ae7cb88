using System.Reflection;
using MicroPrompt.Compilation;
using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;

namespace MicroPrompt.Core.Tests.Verification;

/// <summary>The harness built beside the tests, runner options for it, and requests against a throw-away project.</summary>
internal static class ExampleHostPaths
{
    public static string Host { get; } = typeof(ExampleHostPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ExampleHostPath").Value!;

    public static ExampleRunnerOptions Options(double timeoutSeconds = 10) => new()
    {
        HostAssemblyPath = Host,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    };

    public static PromptExample Expr(string code, int line = 10) => new(code, "csharp", new SourceSpan(line, 1));

    public static PromptExample Program(ProgramExample program, int line = 10) => new("(program example)", "text", new SourceSpan(line, 1)) { Program = program };

    public static ExampleRunRequest Request(TestProject project, string code, IReadOnlyList<PromptExample> examples, PromptKind kind = PromptKind.Library) => new()
    {
        ItemPath = "Prompts/Slug.mprompt",
        PromptFile = Path.Combine(project.Directory, "Prompts", "Slug.mprompt"),
        Code = code,
        Kind = kind,
        Namespace = "Acme.Text",
        Project = project.Context(),
        Examples = examples,
    };

    /// <summary>A real Roslyn check (so generator tests verify real code).</summary>
    public static ICompileChecker Checker { get; } = new RoslynCompileChecker();
}
