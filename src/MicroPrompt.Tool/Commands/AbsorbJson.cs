namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>absorb --json</c> document (docs/tool.schema.json, definition <c>absorb</c>): the adoption, then the amended prompt.</summary>
/// <param name="Adoption">The adoption of the hand edit (as <c>adopt --json</c>).</param>
/// <param name="ProposedFile">Where the amended prompt was written (<c>&lt;item&gt;.mprompt.proposed</c>, or the prompt itself with --write); null when not amended.</param>
/// <param name="PromptDiff">The unified diff from the prompt to the amended one.</param>
public sealed record AbsorbJson(string Project, string Item, AdoptJson Adoption, string? ProposedFile, bool Written, string? PromptDiff)
{
    public string Command => "absorb";
}
