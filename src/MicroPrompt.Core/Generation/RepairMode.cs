namespace MicroPrompt.Generation;

/// <summary><c>MicroPromptRepair</c>: what the model is told after a pass that is not correct yet.</summary>
public enum RepairMode
{
    /// <summary>Compiler diagnostics (and failing examples) are fed back.</summary>
    Exec,

    /// <summary>The model re-reads its own code against the spec, without execution results.</summary>
    Review,

    /// <summary>One pass; no repair.</summary>
    None,
}
