using System.Collections.Concurrent;
using MicroPrompt.Hashing;
using MicroPrompt.Verification;

namespace MicroPrompt.Comparison;

/// <summary>
/// Runs the examples of each distinct (item, code) once per build; concurrent runs of the same answer wait for the
/// first. A run that throws or is cancelled is forgotten, so the next request runs it again.
/// </summary>
internal sealed class MemoizingExampleRunner(IExampleRunner inner) : IExampleRunner
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ExampleRunReport>>> _reports = new(StringComparer.Ordinal);

    public async Task<ExampleRunReport> RunAsync(ExampleRunRequest request, CancellationToken cancellationToken)
    {
        var key = ContentHash.Sha256Hex(string.Join('\0', [request.ItemPath, request.Namespace, request.Code, .. request.CompanionSources]));
        var lazy = _reports.GetOrAdd(key, _ => new Lazy<Task<ExampleRunReport>>(() => inner.RunAsync(request, cancellationToken)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _reports.TryRemove(new KeyValuePair<string, Lazy<Task<ExampleRunReport>>>(key, lazy));
            throw;
        }
    }

    public void Dispose() => inner.Dispose();
}
