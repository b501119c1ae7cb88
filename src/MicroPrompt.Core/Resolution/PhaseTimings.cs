using System.Diagnostics;

namespace MicroPrompt.Resolution;

/// <summary>
/// Wall time of each resolution phase (parse, graph, plan, look up, write, finish), summed over the build: the task
/// logs it at low importance, so <c>-v:detailed</c> shows where a build's time went (docs/implementation-notes.md).
/// Phases that run per item in parallel (plan, lookup, record and write) are summed over the threads; "levels (wall)"
/// is their elapsed time.
/// </summary>
public sealed class PhaseTimings
{
    private readonly object _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="phase"/>.</summary>
    public void Add(string phase, long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        lock (_gate)
        {
            if (!_ticks.TryGetValue(phase, out var sum))
            {
                _order.Add(phase);
            }

            _ticks[phase] = sum + elapsed;
        }
    }

    /// <summary>Phase → milliseconds, in the order the phases first ran.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Milliseconds()
    {
        lock (_gate)
        {
            return _order.Select(p => new KeyValuePair<string, double>(p, _ticks[p] * 1000.0 / Stopwatch.Frequency)).ToList();
        }
    }

    /// <summary>"parse 12.3 ms, plan 4.5 ms, …".</summary>
    public override string ToString() => string.Join(", ", Milliseconds().Select(p => $"{p.Key} {p.Value:0.0} ms"));
}
