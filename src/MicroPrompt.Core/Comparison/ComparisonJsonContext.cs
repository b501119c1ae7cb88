using System.Text.Json.Serialization;

namespace MicroPrompt.Comparison;

/// <summary>Source-generated JSON metadata for cached comparison runs.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComparisonCacheEntry))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext
{
}
