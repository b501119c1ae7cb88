using MicroPrompt.Dependability;

namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>check --json</c> output (docs/tool.schema.json, <c>check</c>): the report's dependability section and the problems.</summary>
public sealed record CheckJson(
    string Project,
    int Samples,
    double Temperature,
    bool Mutants,
    double? MinDependability,
    IReadOnlyList<string> BelowMinimum,
    int NewSamples,
    int CachedSamples,
    IReadOnlyList<DependabilityItem> Items,
    IReadOnlyList<string> Diagnostics)
{
    public string Command => "check";
}
