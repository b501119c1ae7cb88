namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>adopt --json</c> document (docs/tool-history.schema.json, definition <c>adopt</c>); <c>absorb</c> extends it.</summary>
/// <param name="Outcome"><c>adopted</c>, <c>nothing-to-adopt</c> or <c>failed</c>.</param>
/// <param name="Base">The code hash the hand edit replaced.</param>
/// <param name="CodeHash">The adopted code's hash (null unless adopted).</param>
/// <param name="Key">The key it was recorded under (null unless adopted).</param>
/// <param name="Problems">Why it was not adopted ("MPxxxx: message"), and warnings.</param>
public sealed record AdoptJson(string Project, string Item, string Outcome, string? Base, string? CodeHash, string? Key, IReadOnlyList<string> Problems)
{
    public string Command => "adopt";
}
