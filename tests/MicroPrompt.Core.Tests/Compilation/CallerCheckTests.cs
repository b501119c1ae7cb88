using MicroPrompt.Compilation;
using MicroPrompt.Prompts;
using Microsoft.Extensions.Caching.Memory;

namespace MicroPrompt.Core.Tests.Compilation;

/// <summary>The callers' side of the compile check: the project's files and other items, judged against a baseline.</summary>
public sealed class CallerCheckTests : IDisposable
{
    private const string Greeter = "namespace Acme;\n\npublic static class Greeter\n{\n    public static string Hello(string name) => \"Hello, \" + name;\n}\n";
    private const string Renamed = "namespace Acme;\n\npublic static class Greeter\n{\n    public static string Hi(string name) => \"Hi, \" + name;\n}\n";

    private readonly TestProject _project = new();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        _cache.Dispose();
        _project.Dispose();
    }

    [Fact]
    public void A_renamed_method_is_a_caller_error_in_the_calling_file_with_its_position()
    {
        _project.AddSource("Program.cs", "namespace Acme;\n\npublic static class Use\n{\n    public static string Run() => Greeter.Hello(\"Ada\");\n}\n");

        var result = Check(Renamed, baseline: Greeter);

        Assert.False(result.Success);
        Assert.Empty(result.Errors); // the item's own code compiles
        var error = Assert.Single(result.CallerErrors);
        Assert.StartsWith("Program.cs(5,43): error CS0117:", error);
        Assert.Contains("'Greeter' does not contain a definition for 'Hello'", error);
    }

    [Fact]
    public void Errors_a_file_has_anyway_are_not_blamed_on_the_item()
    {
        // Broken.cs calls Greeter wrongly whatever the item's code is; Other.cs never mentions it.
        _project.AddSource("Broken.cs", "namespace Acme;\n\npublic static class Broken\n{\n    public static int Run() => Greeter.Hello(\"Ada\") + undefinedName;\n}\n");
        _project.AddSource("Other.cs", "namespace Acme;\n\npublic static class Other { public static int X() => alsoUndefined; }\n");

        var result = Check(Greeter, baseline: Greeter);

        Assert.True(result.Success, string.Join("\n", result.CallerErrors));
    }

    [Fact]
    public void First_generation_against_no_baseline_reports_only_errors_the_code_causes()
    {
        // Before the item exists the caller has CS0103 (no Greeter); with a wrong Greeter it gets CS0117 instead.
        _project.AddSource("Program.cs", "namespace Acme;\n\npublic static class Use\n{\n    public static string Run() => Greeter.Hello(\"Ada\");\n}\n");

        Assert.True(Check(Greeter, baseline: "").Success);
        var wrong = Check(Renamed, baseline: "");
        Assert.Contains(wrong.CallerErrors, e => e.Contains("CS0117", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_items_are_callers_too_and_are_named_by_their_item_path()
    {
        const string User = "namespace Acme;\n\npublic static class Welcome\n{\n    public static string Text() => Greeter.Hello(\"you\");\n}\n";

        var result = new RoslynCompileChecker(_cache).Check(new CompileCheckRequest
        {
            Code = Renamed,
            FileName = "Greeter.g.cs",
            Kind = PromptKind.Library,
            Project = _project.Context(),
            CompanionSources = [User],
            CompanionNames = ["Welcome.mprompt"],
            CallerBaseline = Greeter,
        });

        var error = Assert.Single(result.CallerErrors);
        Assert.StartsWith("Welcome.mprompt(5,44): error CS0117:", error);
    }

    [Fact]
    public void Without_a_baseline_no_caller_check_is_made()
    {
        _project.AddSource("Program.cs", "namespace Acme;\n\npublic static class Use\n{\n    public static string Run() => Greeter.Hello(\"Ada\");\n}\n");

        var result = new RoslynCompileChecker(_cache).Check(new CompileCheckRequest
        {
            Code = Renamed, FileName = "Greeter.g.cs", Kind = PromptKind.Library, Project = _project.Context(),
        });

        Assert.True(result.Success);
        Assert.Empty(result.CallerErrors);
    }

    private CompileCheckResult Check(string code, string baseline) => new RoslynCompileChecker(_cache).Check(new CompileCheckRequest
    {
        Code = code,
        FileName = "Greeter.g.cs",
        Kind = PromptKind.Library,
        Project = _project.Context(),
        CallerBaseline = baseline,
    });
}
