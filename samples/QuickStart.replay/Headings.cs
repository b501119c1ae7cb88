using QuickStart.Text;

namespace QuickStart.Markdown;

/// <summary>One ATX heading of a Markdown document.</summary>
public sealed record Heading(int Level, string Text, string Anchor);

/// <summary>Extracts ATX headings with unique GitHub-style anchors.</summary>
public static class HeadingExtractor
{
    public static IReadOnlyList<Heading> Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var headings = new List<Heading>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? fence = null;
        foreach (var rawLine in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = rawLine.TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                var marker = line[..3];
                fence = fence is null ? marker : fence == marker ? null : fence;
                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            var level = 0;
            while (level < line.Length && line[level] == '#')
            {
                level++;
            }

            if (level is < 1 or > 6 || level >= line.Length || line[level] != ' ')
            {
                continue;
            }

            var text = line[level..].Trim().TrimEnd('#').Trim();
            var anchor = Slug.Make(text);
            if (seen.TryGetValue(anchor, out var count))
            {
                seen[anchor] = count + 1;
                anchor = $"{anchor}-{count + 1}";
            }
            else
            {
                seen[anchor] = 0;
            }

            headings.Add(new Heading(level, text, anchor));
        }

        return headings;
    }
}
