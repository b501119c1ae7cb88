namespace MicroPrompt.Verification.Jail;

/// <summary><c>MicroPromptSandbox</c>: where examples of generated code run.</summary>
public enum SandboxMode
{
    /// <summary>The jail where it works (Linux with bubblewrap), otherwise process isolation and one warning per build.</summary>
    Auto,

    /// <summary>The jail, required: an error when it is not available.</summary>
    Jail,

    /// <summary>A child process with a scrubbed environment and limits, no jail.</summary>
    Process,
}
