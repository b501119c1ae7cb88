using System.Text.Json.Serialization;

namespace MicroPrompt.Verification;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HarnessRequest))]
[JsonSerializable(typeof(HarnessReply))]
internal sealed partial class HarnessJsonContext : JsonSerializerContext
{
}
