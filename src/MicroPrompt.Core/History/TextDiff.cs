using DiffPlex.Renderer;

namespace MicroPrompt.History;

/// <summary>A unified diff of two texts as they are (code files; prompts use <see cref="Generation.PromptDiff"/>).</summary>
public static class TextDiff
{
    /// <summary>The unified diff from <paramref name="before"/> to <paramref name="after"/>, or "" when equal.</summary>
    public static string Unified(string before, string after, string fileName)
    {
        static string Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
        var (a, b) = (Lines(before), Lines(after));
        if (a == b)
        {
            return "";
        }

        return new UnidiffRenderer(contextLines: 3).Generate(a, b, "a/" + fileName, "b/" + fileName, ignoreWhitespace: false, ignoreCase: false).TrimEnd() + "\n";
    }
}
