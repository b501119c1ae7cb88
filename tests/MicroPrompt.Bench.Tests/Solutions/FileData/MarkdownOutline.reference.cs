namespace Bench.FileData;

public static class MarkdownOutline
{
    public static string Build(string markdown)
    {
        var headings = new List<(int Level, string Text)>();
        string? fence = null;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmedStart = raw.TrimStart();
            var indent = raw.Length - trimmedStart.Length;
            if (indent < 4 && (trimmedStart.StartsWith("```", StringComparison.Ordinal) || trimmedStart.StartsWith("~~~", StringComparison.Ordinal)))
            {
                var marker = trimmedStart[..3];
                if (fence is null)
                {
                    fence = marker;
                }
                else if (fence == marker)
                {
                    fence = null;
                }

                continue;
            }

            if (fence is not null || indent >= 4)
            {
                continue;
            }

            var level = 0;
            while (level < trimmedStart.Length && trimmedStart[level] == '#')
            {
                level++;
            }

            if (level is < 1 or > 6 || level >= trimmedStart.Length || trimmedStart[level] != ' ')
            {
                continue;
            }

            var text = trimmedStart[level..].Trim().TrimEnd('#').Trim();
            headings.Add((level, text));
        }

        if (headings.Count == 0)
        {
            return "";
        }

        var min = headings.Min(h => h.Level);
        return string.Join("\n", headings.Select(h => new string(' ', 2 * (h.Level - min)) + "- " + h.Text));
    }
}
