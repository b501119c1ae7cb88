using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Prompts;

/// <summary>A prompt cut into its YAML front matter (if any) and its Markdown body, with their first lines.</summary>
internal sealed record PromptSections(string? Yaml, int YamlFirstLine, string Body, int BodyFirstLine);

/// <summary>Finds the front matter: a first line <c>---</c> and the next line <c>---</c> (trailing spaces allowed).</summary>
internal static class FrontMatterSplitter
{
    /// <summary>The sections of normalized text (\n line ends), or null after reporting an unterminated front matter.</summary>
    public static PromptSections? Split(string text, PromptParseContext context)
    {
        var lines = text.Split('\n');
        if (!IsFence(lines[0]))
        {
            return new PromptSections(null, 0, text, 1);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (IsFence(lines[i]))
            {
                var yaml = string.Join('\n', lines, 1, i - 1);
                var body = string.Join('\n', lines, i + 1, lines.Length - i - 1);
                return new PromptSections(yaml, 2, body, i + 2);
            }
        }

        context.Report(FrontMatterMessages.Unterminated(), new SourceSpan(1, 1));
        return null;
    }

    private static bool IsFence(string line) => line.TrimEnd() == "---";
}
