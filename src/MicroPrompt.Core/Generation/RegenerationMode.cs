namespace MicroPrompt.Generation;

/// <summary>How an item that already has resolved code is regenerated when its key changes (<c>MicroPromptRegeneration</c>).</summary>
public enum RegenerationMode
{
    /// <summary>The model gets the previous prompt, the prompt diff and the previous code, and makes the smallest change.</summary>
    Edit,

    /// <summary>From scratch, as if the item had never been resolved.</summary>
    Fresh,
}
