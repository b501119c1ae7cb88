namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>diff --json</c> document (docs/tool-history.schema.json, definition <c>diff</c>).</summary>
public sealed record DiffJson(string Project, string Item, string From, string To, string PromptDiff, string CodeDiff, bool Identical)
{
    public string Command => "diff";
}
