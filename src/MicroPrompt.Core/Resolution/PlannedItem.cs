using MicroPrompt.Keys;
using MicroPrompt.Prompts;
using MicroPrompt.Store;

namespace MicroPrompt.Resolution;

/// <summary>
/// An item after planning: its model, namespace and key, and what the resolved state held for it before this build.
/// </summary>
/// <param name="Item">The MSBuild item.</param>
/// <param name="Document">The parsed prompt.</param>
/// <param name="Model">The model (item metadata &gt; front matter &gt; property).</param>
/// <param name="Namespace">The namespace the code must use.</param>
/// <param name="Key">The key this build looks up: the fresh key, or — when the resolved entry was an edit and nothing
/// changed — the key of that edit (see <see cref="KeyInputs.BaseCodeHash"/>).</param>
/// <param name="FreshKey">The key of a generation from scratch (no base code).</param>
/// <param name="PromptHash">The normalized prompt's hash.</param>
/// <param name="Dependencies">The items it <c>uses</c>, in order.</param>
/// <param name="Inputs">What the key is computed from.</param>
/// <param name="Previous">The lock entry of the item before this build, if any.</param>
internal sealed record PlannedItem(
    ResolutionItem Item,
    PromptDocument Document,
    string Model,
    string Namespace,
    string Key,
    string FreshKey,
    string PromptHash,
    IReadOnlyList<string> Dependencies,
    KeyInputs Inputs,
    LockEntry? Previous)
{
    public string ItemPath => Item.ItemPath;
}
