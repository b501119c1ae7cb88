using System.Text.Json.Serialization;

namespace MicroPrompt.Reporting;

/// <summary>
/// Source-generated writer for <c>report.json</c> (nulls are written: null means "none" or "unknown"). Write-only:
/// <see cref="JsonSourceGenerationMode.Serialization"/> generates straight-line code writing each property, so a build
/// creates no property metadata (generic over value types, JIT-compiled on every build) to write its report.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BuildReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
