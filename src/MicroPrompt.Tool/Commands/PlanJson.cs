using MicroPrompt.Tool.Planning;

namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>plan --json</c> document (docs/tool.schema.json, definition <c>plan</c>).</summary>
public sealed record PlanJson(string Project, IReadOnlyList<PlannedWork> Items, decimal? TotalEstimatedCostUsd, decimal? MaxCostUsd, bool ExceedsMaxCost)
{
    public string Command => "plan";
}
