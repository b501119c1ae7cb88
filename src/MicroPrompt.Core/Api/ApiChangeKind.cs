using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroPrompt.Api;

/// <summary>What happened to a public type or member between two versions of an item's code.</summary>
[JsonConverter(typeof(ApiChangeKindJsonConverter))]
public enum ApiChangeKind
{
    /// <summary>New in the new code; never breaks a caller.</summary>
    Added,

    /// <summary>Gone from the new code (or no longer public/protected).</summary>
    Removed,

    /// <summary>Still there under the same identity, with another signature.</summary>
    Changed,
}

/// <summary>Writes and reads <see cref="ApiChangeKind"/> as <c>"added"</c>, <c>"removed"</c>, <c>"changed"</c>.</summary>
internal sealed class ApiChangeKindJsonConverter() : JsonStringEnumConverter<ApiChangeKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
