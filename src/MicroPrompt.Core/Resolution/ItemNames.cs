namespace MicroPrompt.Resolution;

/// <summary>How a property that names items (<c>MicroPromptRegenerate</c>, <c>MicroPromptAllowApiChanges</c>) matches one.</summary>
internal static class ItemNames
{
    /// <summary>
    /// True when one of <paramref name="names"/> is the item's path (either slash), its file name, or its file name
    /// without extension, compared case-insensitively.
    /// </summary>
    public static bool Match(IEnumerable<string> names, string itemPath)
    {
        var name = Path.GetFileNameWithoutExtension(itemPath);
        return names.Any(r =>
            string.Equals(r.Replace('\\', '/'), itemPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r, Path.GetFileName(itemPath), StringComparison.OrdinalIgnoreCase));
    }
}
