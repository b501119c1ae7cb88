using System.Text;
using MicroPrompt.Hashing;

namespace MicroPrompt.Store;

/// <summary>
/// Names of resolved code files. Version 2: a stable path mirroring the prompt, <c>code/&lt;item path without
/// .mprompt&gt;.cs</c> (<c>code/Text/Slug.cs</c>), so a regeneration is a diff of one file. Version 1 (read only):
/// content-addressed, <c>code/Text/Slug.632f5e36d3ae.cs</c>. Every path segment is made safe on Windows, Linux and
/// macOS and there is no way out of the <c>code</c> folder.
/// </summary>
internal static class CodeFileNames
{
    /// <summary>The length of the hash suffix of version 1 names, and of the item-path suffix that keeps sanitized names apart.</summary>
    public const int HashPrefixLength = 12;

    private static readonly HashSet<string> WindowsReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The stable, relative, '/' separated code file of an item, e.g. <c>code/Text/Slug.cs</c>. When sanitizing had to
    /// change the path (reserved names, characters Windows refuses, <c>..</c>), the name gets the first 12 hex of the
    /// item path's hash (<c>code/a_b/c_d.1f2e3d4c5b6a.cs</c>), so two items never share a file.
    /// </summary>
    public static string For(string itemPath)
    {
        var (stem, changed) = Stem(itemPath);
        var suffix = changed ? "." + ContentHash.Sha256Hex(itemPath.Trim().Replace('\\', '/'))[..HashPrefixLength] : "";
        return $"{ResolvedStore.CodeFolderName}/{stem}{suffix}.cs";
    }

    /// <summary>The version 1, content-addressed name: <c>code/Text/Slug.3fa2c1d9e0b4.cs</c>.</summary>
    public static string ContentAddressed(string itemPath, string codeHash)
    {
        var prefix = codeHash.Length >= HashPrefixLength ? codeHash[..HashPrefixLength] : codeHash;
        return $"{ResolvedStore.CodeFolderName}/{Stem(itemPath).Stem}.{prefix.ToLowerInvariant()}.cs";
    }

    private static (string Stem, bool Changed) Stem(string itemPath)
    {
        var path = itemPath.Trim().Replace('\\', '/');
        if (path.EndsWith(".mprompt", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^".mprompt".Length];
        }

        var segments = path
            .Split('/')
            .Select(SanitizeSegment)
            .Where(s => s.Length > 0)
            .ToList();
        if (segments.Count == 0)
        {
            segments.Add("item");
        }

        var stem = string.Join('/', segments);
        return (stem, !string.Equals(stem, path, StringComparison.Ordinal));
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
