using System.Text.Json.Serialization;

namespace MicroPrompt.Cost;

/// <summary>Source-generated JSON metadata for price table files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(PriceTableFile))]
internal sealed partial class PriceJsonContext : JsonSerializerContext
{
}
