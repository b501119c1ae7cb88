using QuickStart.Markdown;

namespace QuickStart;

/// <summary>Prints a Markdown table of contents for a file (or standard input).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string markdown;
        if (args.Length > 0)
        {
            if (!File.Exists(args[0]))
            {
                Console.Error.WriteLine($"error: file not found: {args[0]}");
                return 2;
            }

            markdown = File.ReadAllText(args[0]);
        }
        else
        {
            markdown = Console.In.ReadToEnd();
        }

        var headings = HeadingExtractor.Extract(markdown);
        if (headings.Count == 0)
        {
            return 0;
        }

        var top = headings.Min(h => h.Level);
        foreach (var heading in headings)
        {
            Console.WriteLine($"{new string(' ', 2 * (heading.Level - top))}- [{heading.Text}](#{heading.Anchor})");
        }

        return 0;
    }
}
