namespace MicroPrompt.Generation;

/// <summary>
/// What an item resolved to before its key changed: the base of an edit-in-place regeneration and of the public API
/// comparison. The previous prompt's text is not always known (a fresh clone has only its hash), so the diff is optional.
/// </summary>
/// <param name="Code">The previous resolved code (verified against its hash).</param>
/// <param name="CodeHash">Its SHA-256.</param>
/// <param name="PromptText">The prompt the previous code was generated from, when known.</param>
/// <param name="PromptDiff">A unified diff from <paramref name="PromptText"/> to the current prompt, when known.</param>
/// <param name="Contract">The previous prompt's <c>## Contract</c>, when known (an API change the contract made too is intended).</param>
/// <param name="Edit">True to regenerate by editing <paramref name="Code"/>; false to generate from scratch and only compare APIs.</param>
public sealed record PreviousResolution(
    string Code,
    string CodeHash,
    string? PromptText,
    string? PromptDiff,
    string? Contract,
    bool Edit)
{
    /// <summary>The assumptions recorded with <see cref="Code"/> (shown to the model of an edit, to update).</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}
