using System.Text.Json.Serialization;

namespace MicroPrompt.ExampleHost;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HostRequest))]
[JsonSerializable(typeof(HostReply))]
internal sealed partial class HostJsonContext : JsonSerializerContext
{
}
