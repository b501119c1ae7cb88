using System.Text.Json.Serialization;

namespace MicroPrompt.Store;

/// <summary>Source-generated JSON metadata for the store's files (no reflection when running inside MSBuild).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LockFile))]
[JsonSerializable(typeof(LockEntry))]
[JsonSerializable(typeof(GenerationRecord))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
}
