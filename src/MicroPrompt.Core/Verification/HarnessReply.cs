namespace MicroPrompt.Verification;

/// <summary>One reply line from the harness, or the parent's verdict when the harness timed out or died.</summary>
internal sealed class HarnessReply
{
    public int Id { get; set; }

    public bool Passed { get; set; }

    public string? Message { get; set; }

    public string? Stdout { get; set; }

    public string? Stderr { get; set; }

    public int? ExitCode { get; set; }

    public bool Ready { get; set; }

    /// <summary>Probe: the outcome the probe method rendered.</summary>
    public string? Value { get; set; }

    /// <summary>The full name of the exception thrown, or null.</summary>
    public string? Thrown { get; set; }

    /// <summary>Set by the parent: the harness was stopped because the request overran its time limit.</summary>
    public bool TimedOut { get; set; }

    /// <summary>Set by the parent: the harness did not answer (timeout, crash, exit); <see cref="Message"/> says which.</summary>
    public bool Aborted { get; set; }
}
