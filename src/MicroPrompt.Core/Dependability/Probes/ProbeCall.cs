namespace MicroPrompt.Dependability.Probes;

/// <summary>What a probe expression gives, so its probe method awaits and renders it the right way.</summary>
internal enum ProbeCall
{
    /// <summary>A value (rendered).</summary>
    Value,

    /// <summary>A void call (outcome: completes or throws).</summary>
    Void,

    /// <summary>A <c>Task</c>/<c>ValueTask</c> (awaited; completes or throws).</summary>
    Task,

    /// <summary>A <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> (awaited, its result rendered).</summary>
    TaskOfValue,

    /// <summary>A program run (exit code and stdout).</summary>
    Program,
}
