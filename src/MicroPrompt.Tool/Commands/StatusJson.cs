using MicroPrompt.Status;

namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>status --json</c> document (docs/tool.schema.json, definition <c>status</c>).</summary>
public sealed record StatusJson(string Project, IReadOnlyList<StatusJson.Item> Items)
{
    public string Command => "status";

    /// <param name="Assumptions">The assumptions recorded in the item's lock entry (empty when none).</param>
    public sealed record Item(string Path, string State, IReadOnlyList<string> Reasons, string? Note, string? Model, string? Key, IReadOnlyList<string> Assumptions)
    {
        public static Item Of(ItemStatusEntry entry) =>
            new(entry.Path, ItemStateNames.Of(entry.State), entry.Reasons, entry.Note, entry.Model, entry.Key, entry.Assumptions);
    }
}
