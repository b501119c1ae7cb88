namespace MicroPrompt.Verification.Jail;

/// <summary>The sandbox that actually ran (graded) an item's examples; recorded in the report as <c>jail</c> or <c>process</c>.</summary>
public enum SandboxKind
{
    /// <summary>A child process with a scrubbed environment, a memory cap and a time limit per example.</summary>
    Process,

    /// <summary>The same process inside a bubblewrap jail: own network, PID and mount namespaces, no fork, resource limits.</summary>
    Jail,
}
