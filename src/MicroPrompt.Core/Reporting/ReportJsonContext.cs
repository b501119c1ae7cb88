using System.Text.Json.Serialization;

namespace MicroPrompt.Reporting;

/// <summary>Source-generated JSON metadata for <c>report.json</c> (nulls are written: null means "none" or "unknown").</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BuildReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
