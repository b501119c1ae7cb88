using System.Text.Json.Serialization;

namespace MicroPrompt.Settings;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResolutionParameters))]
internal sealed partial class ResolutionParametersJsonContext : JsonSerializerContext;
