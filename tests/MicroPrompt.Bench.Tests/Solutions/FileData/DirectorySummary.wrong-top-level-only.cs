// WRONG: looks at the top directory only and keeps the extension's case.
namespace Bench.FileData;

public static class DirectorySummary
{
    public static string Summarize(string directory)
    {
        var groups = Directory.GetFiles(directory)
            .Select(p => new FileInfo(p))
            .GroupBy(f => f.Extension.Length == 0 ? "(none)" : f.Extension)
            .OrderByDescending(g => g.Sum(f => f.Length))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        return string.Join("\n", groups.Select(g => $"{g.Key}: {g.Count()} {(g.Count() == 1 ? "file" : "files")}, {g.Sum(f => f.Length)} bytes"));
    }
}
