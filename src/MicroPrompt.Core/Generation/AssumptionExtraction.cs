namespace MicroPrompt.Generation;

/// <summary>
/// What <see cref="AssumptionExtractor"/> found in a model reply: whether it had an assumptions block at all
/// (<see cref="Given"/>; "- none" counts as given), and its assumptions, cleaned and capped.
/// </summary>
/// <param name="Given">The reply had an <c>```assumptions</c> block (or an <c>Assumptions</c> heading with a list).</param>
/// <param name="Items">The assumptions, one short line each; empty when none were given or the model said "none".</param>
public sealed record AssumptionExtraction(bool Given, IReadOnlyList<string> Items)
{
    /// <summary>A reply without an assumptions block.</summary>
    public static AssumptionExtraction None { get; } = new(false, []);
}
