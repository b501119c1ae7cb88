using MicroPrompt.Keys;

namespace MicroPrompt.Store;

/// <summary>
/// The texts of the prompts generations were made from, kept in the user cache by prompt hash
/// (<c>prompts/&lt;hash[0..2]&gt;/&lt;hash&gt;.mprompt</c>), so an edit-in-place regeneration can show the model how the prompt
/// changed. Written atomically; a file whose hash does not match is ignored.
/// </summary>
public sealed class PromptSnapshots
{
    private readonly string _directory;

    public PromptSnapshots(string userCacheDirectory) => _directory = Path.Combine(userCacheDirectory, "prompts");

    public void Put(string promptText)
    {
        var hash = GenerationKey.PromptHash(promptText);
        var path = PathFor(hash);
        if (!File.Exists(path))
        {
            AtomicFile.WriteAllText(path, GenerationKey.NormalizePrompt(promptText) + "\n");
        }
    }

    public string? TryGet(string promptHash)
    {
        try
        {
            var path = PathFor(promptHash);
            if (!File.Exists(path))
            {
                return null;
            }

            var text = File.ReadAllText(path);
            return GenerationKey.PromptHash(text) == promptHash ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private string PathFor(string hash) => Path.Combine(_directory, hash.Length > 2 ? hash[..2] : "xx", hash + ".mprompt");
}
