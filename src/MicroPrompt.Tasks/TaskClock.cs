using System.Diagnostics;
using System.Runtime;

namespace MicroPrompt.Tasks;

/// <summary>
/// Where the task's own time goes (issue #15): wall time per stage, the JIT time and methods compiled while it ran
/// (process-wide figures from <see cref="JitInfo"/>; in a build they are the task's, as MSBuild waits for it), and
/// what it allocated and the garbage collections that paused the process meanwhile (also process-wide). Logged
/// at low importance, so <c>-v:detailed</c> shows it; docs/implementation-notes.md reads it.
/// </summary>
internal sealed class TaskClock
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _jitAtStart = JitInfo.GetCompilationTime();
    private readonly long _methodsAtStart = JitInfo.GetCompiledMethodCount();
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();
    private readonly TimeSpan _pausedAtStart = GC.GetTotalPauseDuration();
    private readonly int[] _collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly List<(string Stage, double Milliseconds)> _stages = [];
    private long _last;

    public TaskClock() => _last = _started;

    /// <summary>Ends the stage that ran since the previous mark (or the start).</summary>
    public void Mark(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        _stages.Add((stage, Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds));
        _last = now;
    }

    /// <summary>"task took 812 ms (settings 53 ms, resolution 461 ms, …; JIT 111 ms, 889 methods compiled; allocated 7.1 MB, GC 1/1/1 (gen 0/1/2) paused 52 ms)".</summary>
    public override string ToString()
    {
        var total = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        var jit = (JitInfo.GetCompilationTime() - _jitAtStart).TotalMilliseconds;
        var methods = JitInfo.GetCompiledMethodCount() - _methodsAtStart;
        var stages = string.Join(", ", _stages.Select(s => $"{s.Stage} {s.Milliseconds:0} ms"));
        var allocated = (GC.GetTotalAllocatedBytes() - _allocatedAtStart) / (1024.0 * 1024.0);
        var paused = (GC.GetTotalPauseDuration() - _pausedAtStart).TotalMilliseconds;
        var collections = $"{GC.CollectionCount(0) - _collectionsAtStart[0]}/{GC.CollectionCount(1) - _collectionsAtStart[1]}/{GC.CollectionCount(2) - _collectionsAtStart[2]}";
        return FormattableString.Invariant(
            $"task took {total:0} ms ({stages}; JIT {jit:0} ms, {methods} methods compiled; allocated {allocated:0.0} MB, GC {collections} (gen 0/1/2) paused {paused:0} ms)");
    }
}
