namespace MicroPrompt.Generation;

/// <summary>What the generated code is compiled into: read from the project by the MSBuild task.</summary>
public sealed record ProjectContext
{
    public required string ProjectDirectory { get; init; }

    public string RootNamespace { get; init; } = "";

    public string TargetFramework { get; init; } = "net10.0";

    /// <summary>Empty means the compiler's default for the target framework.</summary>
    public string LangVersion { get; init; } = "";

    /// <summary><c>enable</c>, <c>disable</c>, <c>warnings</c>, <c>annotations</c> or empty.</summary>
    public string Nullable { get; init; } = "";

    public bool ImplicitUsings { get; init; }

    /// <summary>The project's <c>@(Using)</c> items (global usings beyond or including the implicit set).</summary>
    public IReadOnlyList<GlobalUsing> GlobalUsings { get; init; } = [];

    /// <summary>Whether the project has top-level statements or a Main of its own (a program item then may not add one).</summary>
    public bool IsExecutable { get; init; }

    public IReadOnlyList<PackageInfo> PackageReferences { get; init; } = [];

    /// <summary>Full paths of the reference assemblies the project compiles against.</summary>
    public IReadOnlyList<string> ReferencePaths { get; init; } = [];

    /// <summary>
    /// Full paths of the project's analyzer assemblies (<c>@(Analyzer)</c>): the source generators among them run in the
    /// compile check and the example build, as they do in the project's own compile; diagnostic analyzers are ignored.
    /// </summary>
    public IReadOnlyList<string> AnalyzerPaths { get; init; } = [];

    /// <summary>Full paths of the project's own C# sources (not generated prompt code).</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>Preprocessor symbols (<c>DefineConstants</c>).</summary>
    public IReadOnlyList<string> DefineConstants { get; init; } = [];
}
