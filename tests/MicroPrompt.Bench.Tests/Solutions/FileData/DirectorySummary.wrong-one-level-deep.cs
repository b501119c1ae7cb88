// WRONG: looks at the directory and its immediate subdirectories only, not at every level below
namespace Bench.FileData;

public static class DirectorySummary
{
    public static string Summarize(string directory)
    {
        var root = new DirectoryInfo(directory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Directory not found: {directory}");
        }

        var groups = root.EnumerateFiles().Concat(root.EnumerateDirectories().SelectMany(d => d.EnumerateFiles()))
            .GroupBy(f => f.Extension.Length == 0 ? "(none)" : f.Extension.ToLowerInvariant())
            .Select(g => (Extension: g.Key, Count: g.Count(), Bytes: g.Sum(f => f.Length)))
            .OrderByDescending(g => g.Bytes)
            .ThenBy(g => g.Extension, StringComparer.Ordinal);
        return string.Join("\n", groups.Select(g => $"{g.Extension}: {g.Count} {(g.Count == 1 ? "file" : "files")}, {g.Bytes} bytes"));
    }
}
