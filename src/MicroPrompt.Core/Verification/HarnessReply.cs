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

    /// <summary>Set by the parent: the harness did not answer (timeout, crash, exit); <see cref="Message"/> says which.</summary>
    public bool Aborted { get; set; }

    /// <summary>Set by the parent: the example overran its time limit (and the harness was killed).</summary>
    public bool TimedOut { get; set; }
}
