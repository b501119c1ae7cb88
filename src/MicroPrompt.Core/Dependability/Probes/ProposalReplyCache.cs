using Microsoft.Extensions.Caching.Distributed;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// The user-cache folder behind <see cref="Microsoft.Extensions.AI.DistributedCachingChatClient"/> for the probe
/// proposals: one file per request hash (<c>&lt;user cache&gt;/probes/&lt;key&gt;.json</c>), written atomically, so an
/// unchanged dependability check asks the model for no edge cases again. Entries never expire (the key is the request:
/// prompt, contract, model); an unreadable entry is a miss.
/// </summary>
internal sealed class ProposalReplyCache(string directory) : IDistributedCache
{
    public byte[]? Get(string key)
    {
        try
        {
            var path = PathOf(key);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        try
        {
            Store.AtomicFile.WriteAllBytes(PathOf(key), value, durable: false); // a lost entry is only asked again
        }
        catch (IOException)
        {
            // Not cached: the next check asks again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (IOException)
        {
        }
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var name = new string([.. key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return Path.Combine(directory, (name.Length > 120 ? name[..120] : name) + ".json");
    }
}
