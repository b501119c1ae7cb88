using MicroPrompt.Hashing;
using MicroPrompt.Verification;

namespace MicroPrompt.Comparison;

/// <summary>
/// Runs the examples of each distinct (item, code) once per build; concurrent runs of the same answer wait for the
/// first. A run that throws or is cancelled is forgotten, so the next request runs it again.
/// </summary>
internal sealed class MemoizingExampleRunner(IExampleRunner inner) : IExampleRunner
{
    private readonly AsyncMemo<ExampleRunReport> _reports = new();

    public async Task<ExampleRunReport> RunAsync(ExampleRunRequest request, CancellationToken cancellationToken)
    {
        var key = ContentHash.Sha256Hex(string.Join('\0', [request.ItemPath, request.Namespace, request.Code, .. request.CompanionSources]));
        return (await _reports.GetAsync(key, () => inner.RunAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false)).Value;
    }

    public void Dispose() => inner.Dispose();
}
