using System.Diagnostics;
using System.Runtime;

namespace MicroPrompt.Tasks;

/// <summary>
/// Where the task's own time goes (issue #15): wall time per stage and the JIT time and methods compiled while it ran
/// (process-wide figures from <see cref="JitInfo"/>; in a build they are the task's, as MSBuild waits for it). Logged
/// at low importance, so <c>-v:detailed</c> shows it; docs/implementation-notes.md reads it.
/// </summary>
internal sealed class TaskClock
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _jitAtStart = JitInfo.GetCompilationTime();
    private readonly long _methodsAtStart = JitInfo.GetCompiledMethodCount();
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

    /// <summary>"task took 812 ms (settings 53 ms, resolution 461 ms, …; JIT 111 ms, 889 methods)".</summary>
    public override string ToString()
    {
        var total = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        var jit = (JitInfo.GetCompilationTime() - _jitAtStart).TotalMilliseconds;
        var methods = JitInfo.GetCompiledMethodCount() - _methodsAtStart;
        var stages = string.Join(", ", _stages.Select(s => $"{s.Stage} {s.Milliseconds:0} ms"));
        return FormattableString.Invariant($"task took {total:0} ms ({stages}; JIT {jit:0} ms, {methods} methods compiled)");
    }
}
