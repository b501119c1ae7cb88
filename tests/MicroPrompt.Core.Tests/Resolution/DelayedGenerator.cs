using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>
/// A generator that answers each item after a random delay (seeded), with code declaring one class named after the
/// item; items listed in <see cref="Failing"/> fail with MP1011. Records every call.
/// </summary>
internal sealed class DelayedGenerator(int seed, int maxDelayMs = 60) : IItemGenerator
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();
    private int _inFlight;

    public HashSet<string> Failing { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public int MaxInFlight { get; private set; }

    /// <summary>Called with the number of completed items each time one completes (before its outcome is returned).</summary>
    public Action<int>? OnCompleted { get; set; }

    /// <summary>Completed successfully (the generator returned code).</summary>
    public List<string> Completed { get; } = [];

    public static string ClassName(string itemPath) => "C_" + Path.GetFileNameWithoutExtension(itemPath).Replace('-', '_');

    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        int delay;
        lock (_gate)
        {
            Calls.Add(request.ItemPath);
            delay = _random.Next(1, maxDelayMs);
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            if (Failing.Contains(request.ItemPath))
            {
                throw new MicroPromptException(MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderHttpError, $"scripted failure for {request.ItemPath}"));
            }

            var uses = string.Join(" ", request.Uses.Select(u => $"// uses {ClassName(u.ItemPath)}"));
            int completed;
            lock (_gate)
            {
                Completed.Add(request.ItemPath);
                completed = Completed.Count;
            }

            OnCompleted?.Invoke(completed);

            return new GenerationOutcome
            {
                Status = GenerationStatus.Succeeded,
                Code = $"namespace {request.Namespace};\n{uses}\npublic static class {ClassName(request.ItemPath)} {{ }}\n",
                Passes = 1,
                Usage = new UsageTotals(10, 5),
                Compiles = true,
            };
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    public void Dispose()
    {
    }
}
