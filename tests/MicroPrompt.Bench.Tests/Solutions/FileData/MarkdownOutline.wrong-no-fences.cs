// WRONG: does not skip fenced code blocks and indents from level 1 instead of the smallest level present.
namespace Bench.FileData;

public static class MarkdownOutline
{
    public static string Build(string markdown)
    {
        var lines = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            var level = line.TakeWhile(c => c == '#').Count();
            if (level is >= 1 and <= 6 && line.Length > level && line[level] == ' ')
            {
                lines.Add(new string(' ', 2 * (level - 1)) + "- " + line[level..].Trim().TrimEnd('#').Trim());
            }
        }

        return string.Join("\n", lines);
    }
}
