namespace MicroPrompt.ExampleHost;

/// <summary>One result line written to stdout (after the nonce).</summary>
internal sealed class HostReply
{
    public int Id { get; set; }

    /// <summary>Library: the example held. Program: the entry point returned (stdout and exit code are judged by the parent).</summary>
    public bool Passed { get; set; }

    /// <summary>Why it failed: the example's own description, an assertion message or an exception with its first frames.</summary>
    public string? Message { get; set; }

    public string? Stdout { get; set; }

    public string? Stderr { get; set; }

    public int? ExitCode { get; set; }

    public bool Ready { get; set; }

    /// <summary>Probe: the outcome the probe method rendered (its returned string).</summary>
    public string? Value { get; set; }

    /// <summary>The full name of the exception the example, probe or entry point threw, or null.</summary>
    public string? Thrown { get; set; }
}
