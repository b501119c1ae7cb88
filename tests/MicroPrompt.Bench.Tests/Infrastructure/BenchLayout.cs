using System.Reflection;

namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>
/// Where the benchmark lives and what it holds, found by convention: every <c>samples/Bench/**/*.mprompt</c> is a task
/// (<c>&lt;Folder&gt;/&lt;Task&gt;</c>), every <c>Solutions/&lt;Folder&gt;/&lt;Task&gt;.&lt;slug&gt;.cs</c> a solution of it.
/// </summary>
internal static class BenchLayout
{
    public static string RepoRoot { get; } = Path.GetFullPath(typeof(BenchLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!);

    public static string BenchDirectory { get; } = Path.Combine(RepoRoot, "samples", "Bench");

    public static string SolutionsDirectory { get; } = Path.Combine(RepoRoot, "tests", "MicroPrompt.Bench.Tests", "Solutions");

    /// <summary>Every task, ordered by id (<c>FileData/CsvLine</c>).</summary>
    public static IReadOnlyList<BenchTask> Tasks { get; } = FindTasks();

    /// <summary>Every solution file, ordered by id (<c>FileData/CsvLine.reference</c>).</summary>
    public static IReadOnlyList<BenchSolution> Solutions { get; } = FindSolutions();

    public static BenchTask Task(string id) => Tasks.Single(t => t.Id == id);

    public static BenchSolution Solution(string id) => Solutions.Single(s => s.Id == id);

    private static List<BenchTask> FindTasks() => Directory
        .EnumerateFiles(BenchDirectory, "*.mprompt", SearchOption.AllDirectories)
        .Where(p => !IsBuildOutput(Path.GetRelativePath(BenchDirectory, p)))
        .Select(p => new BenchTask(Id(Path.GetRelativePath(BenchDirectory, p)), p))
        .OrderBy(t => t.Id, StringComparer.Ordinal)
        .ToList();

    private static List<BenchSolution> FindSolutions()
    {
        if (!Directory.Exists(SolutionsDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(SolutionsDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path =>
            {
                var relative = Path.GetRelativePath(SolutionsDirectory, path).Replace('\\', '/');
                var withoutCs = relative[..^".cs".Length];
                var slash = withoutCs.LastIndexOf('/');
                var dot = withoutCs.IndexOf('.', slash + 1);
                var taskId = dot < 0 ? withoutCs : withoutCs[..dot];
                var slug = dot < 0 ? "" : withoutCs[(dot + 1)..];
                return new BenchSolution(withoutCs, taskId, slug, path);
            })
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string Id(string relativePromptPath)
    {
        var id = relativePromptPath.Replace('\\', '/');
        return id[..^".mprompt".Length];
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Replace('\\', '/').Split('/')[0];
        return first is "bin" or "obj";
    }
}
