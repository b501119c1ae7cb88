using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Store;

/// <summary>
/// The file mechanics shared by the machine-level caches (the user cache of generations, the comparison-run cache): one
/// JSON file per key under <c>&lt;key[0..2]&gt;/</c>, read shared, written atomically, and a bad entry set aside as
/// <c>*.corrupt</c> with warning MP4005 so it is treated as a miss. What an entry holds and how it is verified stays
/// with each cache.
/// </summary>
internal static class CacheEntryFile
{
    /// <summary>The file of <paramref name="key"/>: <c>&lt;directory&gt;/&lt;key[0..2]&gt;/&lt;key&gt;.json</c>.</summary>
    /// <exception cref="ArgumentException">The key is not letters, digits, '-' and '_', 3 to 128 characters.</exception>
    public static string PathFor(string directory, string key, string what)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is < 3 or > 128 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"'{key}' is not a {what}.", nameof(key));
        }

        return Path.Combine(directory, key[..2], key + ".json");
    }

    /// <summary>The entry's text, or null on a miss; an unreadable file is a miss with <paramref name="problem"/> (MP4005).</summary>
    public static string? ReadText(string path, Func<Exception, string> unreadable, out MicroPromptDiagnostic? problem)
    {
        problem = null;
        try
        {
            return File.Exists(path) ? Encoding.UTF8.GetString(AtomicFile.ReadAllBytesShared(path)) : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = StoreMessages.CacheEntryCorrupt(unreadable(e), path);
            return null;
        }
    }

    /// <summary>Moves a bad entry aside (<c>*.corrupt</c>) and returns warning MP4005; <paramref name="message"/> gets what happened to the file.</summary>
    public static MicroPromptDiagnostic SetAside(string path, Func<string, string> message)
    {
        var aside = path + ".corrupt";
        string outcome;
        try
        {
            File.Move(path, aside, overwrite: true);
            outcome = $"it was set aside as '{Path.GetFileName(aside)}'";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcome = $"it could not be set aside ({e.Message})";
        }

        return StoreMessages.CacheEntryCorrupt(message(outcome), path);
    }

    /// <summary>Writes an entry atomically; a failure is <see cref="MicroPromptException"/> with warning MP4006 (the cache is an optimization).</summary>
    public static void Write(string path, string json, Func<Exception, string> failed)
    {
        try
        {
            AtomicFile.WriteAllText(path, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MicroPromptException(StoreMessages.CacheWriteFailed(failed(e), path), e);
        }
    }
}
