namespace MicroPrompt.SharedCache;

/// <summary>
/// A held generation lease: renewed every third of its duration while the holder generates, released on dispose.
/// If the holder dies, nobody renews it and it expires, so another builder can take over.
/// </summary>
internal sealed class GenerationLease : IAsyncDisposable
{
    private readonly ISharedCacheBackend _backend;
    private readonly string _key;
    private readonly string _owner;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    public GenerationLease(ISharedCacheBackend backend, string key, string owner, TimeSpan duration, Action<string> lost)
    {
        _backend = backend;
        _key = key;
        _owner = owner;
        _renewal = RenewAsync(duration, lost);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _renewal.ConfigureAwait(false);
        try
        {
            await _backend.ReleaseLeaseAsync(_key, _owner).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Redis went away: the lease expires by itself.
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(TimeSpan duration, Action<string> lost)
    {
        var interval = duration / 3;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                if (!await _backend.ExtendLeaseAsync(_key, _owner, duration).ConfigureAwait(false))
                {
                    lost("the lease expired before it could be renewed; another builder may generate the item too");
                    return;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                lost($"the lease could not be renewed ({e.GetType().Name})");
                return;
            }
        }
    }
}
