using System.Text;

namespace MicroPrompt.Store;

/// <summary>
/// Names of resolved code files: <c>code/&lt;item path without .mprompt&gt;.&lt;first 12 hex of the code hash&gt;.cs</c>,
/// with every path segment made safe on Windows, Linux and macOS and no way out of the <c>code</c> folder.
/// </summary>
internal static class CodeFileNames
{
    public const int HashPrefixLength = 12;

    private static readonly HashSet<string> WindowsReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The relative, '/' separated code file for an item and its code hash, e.g. <c>code/Text/Slug.3fa2c1d9e0b4.cs</c>.</summary>
    public static string For(string itemPath, string codeHash)
    {
        var path = itemPath.Trim();
        if (path.EndsWith(".mprompt", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^".mprompt".Length];
        }

        var segments = path
            .Split('/', '\\')
            .Select(SanitizeSegment)
            .Where(s => s.Length > 0)
            .ToList();
        if (segments.Count == 0)
        {
            segments.Add("item");
        }

        var prefix = codeHash.Length >= HashPrefixLength ? codeHash[..HashPrefixLength] : codeHash;
        return $"{ResolvedStore.CodeFolderName}/{string.Join('/', segments)}.{prefix.ToLowerInvariant()}.cs";
    }

    private static string SanitizeSegment(string segment)
    {
        if (segment is "." or "..")
        {
            return "";
        }

        var text = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            text.Append(c < ' ' || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }

        var result = text.ToString().Trim().TrimEnd('.');
        var stem = result.Split('.')[0];
        return WindowsReservedNames.Contains(stem) ? "_" + result : result;
    }
}
