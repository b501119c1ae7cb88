namespace MicroPrompt.Dependability.Probes;

/// <summary>How a probe ended.</summary>
internal enum ProbeOutcomeKind
{
    /// <summary>It returned (a rendered value, <c>completes</c>, or a program's exit code and stdout).</summary>
    Value,

    /// <summary>It threw (<c>throws ArgumentException</c>).</summary>
    Threw,

    /// <summary>It overran the example time limit; the harness was killed and restarted.</summary>
    TimedOut,

    /// <summary>It ended the harness (stack overflow, <c>Environment.Exit</c>, out of memory); restarted.</summary>
    Crashed,

    /// <summary>Not run: it does not compile against this variant, or the variant had timed out too often. Not compared.</summary>
    NotRun,
}
