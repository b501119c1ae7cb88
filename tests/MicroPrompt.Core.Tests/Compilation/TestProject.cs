using MicroPrompt.Generation;

namespace MicroPrompt.Core.Tests.Compilation;

/// <summary>A temporary project directory with source files, and a <see cref="ProjectContext"/> describing it.</summary>
internal sealed class TestProject : IDisposable
{
    private readonly List<string> _sources = [];

    public TestProject() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "mp-compile-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<string> SourceFiles => _sources;

    public string AddSource(string relativePath, string code)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
        _sources.Add(path);
        return path;
    }

    public ProjectContext Context(
        bool implicitUsings = true,
        string nullable = "enable",
        string langVersion = "",
        string targetFramework = "net10.0",
        IReadOnlyList<string>? defineConstants = null,
        IReadOnlyList<string>? references = null,
        IReadOnlyList<string>? analyzers = null) => new()
        {
            ProjectDirectory = Directory,
            RootNamespace = "Acme",
            TargetFramework = targetFramework,
            LangVersion = langVersion,
            Nullable = nullable,
            ImplicitUsings = implicitUsings,
            ReferencePaths = references ?? TestReferences.All,
            AnalyzerPaths = analyzers ?? [],
            SourceFiles = [.. _sources],
            DefineConstants = defineConstants ?? [],
        };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
