using MicroPrompt.Hashing;

namespace MicroPrompt.Store;

/// <summary>
/// Which user-cache generations were made for which item (the cache itself is keyed by generation key only), so
/// <c>dotnet mprompt log</c> can show generations that never reached a commit: one file per project and item,
/// <c>items/&lt;h[0..2]&gt;/&lt;h&gt;.keys</c> with <c>h</c> = SHA-256 of the project folder and item path, one key per
/// line (<c>key TAB prompt-hash</c>), appended in generation order. Best effort: a failed append loses history, never a build.
/// </summary>
public sealed class ItemGenerationIndex(string userCacheDirectory)
{
    private readonly string _directory = Path.Combine(userCacheDirectory, "items");

    /// <summary>Appends the generation's key (and the hash of the prompt it was made from) unless it is already the last line.</summary>
    public void Add(string projectDirectory, string itemPath, string key, string promptHash)
    {
        var path = PathFor(projectDirectory, itemPath);
        var keys = Keys(path);
        if (keys.Count > 0 && keys[^1].Key == key)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, key + "\t" + promptHash + "\n");
    }

    /// <summary>The generations made for the item, oldest first (a key generated twice appears twice).</summary>
    public IReadOnlyList<(string Key, string PromptHash)> Keys(string projectDirectory, string itemPath) => Keys(PathFor(projectDirectory, itemPath));

    private static IReadOnlyList<(string Key, string PromptHash)> Keys(string path)
    {
        try
        {
            return File.Exists(path)
                ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => (f[0], f.Length > 1 ? f[1] : "")).ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private string PathFor(string projectDirectory, string itemPath)
    {
        var project = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var hash = ContentHash.Sha256Hex(project + "\n" + itemPath.Replace('\\', '/'));
        return Path.Combine(_directory, hash[..2], hash + ".keys");
    }
}
