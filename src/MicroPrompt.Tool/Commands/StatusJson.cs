using MicroPrompt.Status;

namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>status --json</c> document (docs/tool.schema.json, definition <c>status</c>).</summary>
public sealed record StatusJson(string Project, IReadOnlyList<StatusJson.Item> Items)
{
    public string Command => "status";

    public sealed record Item(string Path, string State, IReadOnlyList<string> Reasons, string? Note, string? Model, string? Key)
    {
        public static Item Of(ItemStatusEntry entry) =>
            new(entry.Path, ItemStateNames.Of(entry.State), entry.Reasons, entry.Note, entry.Model, entry.Key);
    }
}
