using DiffPlex.Renderer;
using MicroPrompt.Keys;

namespace MicroPrompt.Generation;

/// <summary>The unified diff between two prompt texts (DiffPlex), as the model sees it in an edit request.</summary>
public static class PromptDiff
{
    /// <summary>A unified diff from <paramref name="previous"/> to <paramref name="current"/> (both normalized first), or "" when equal.</summary>
    public static string Unified(string previous, string current, string fileName)
    {
        var before = GenerationKey.NormalizePrompt(previous) + "\n";
        var after = GenerationKey.NormalizePrompt(current) + "\n";
        if (before == after)
        {
            return "";
        }

        var diff = new UnidiffRenderer(contextLines: 3).Generate(before, after, "a/" + fileName, "b/" + fileName, ignoreWhitespace: false, ignoreCase: false);
        return CodeExtractor.NormalizeNewlines(diff).TrimEnd() + "\n";
    }
}
