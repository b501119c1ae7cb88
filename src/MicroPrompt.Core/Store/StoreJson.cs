using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MicroPrompt.Store;

/// <summary>
/// The one JSON shape of the store's files: indented, camelCase, no nulls, UTC ISO dates, LF line breaks, a final
/// line break, readable (non-ASCII not escaped). Equal objects always give equal bytes.
/// </summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new UtcDateTimeOffsetConverter() },
        TypeInfoResolver = StoreJsonContext.Default,
    };

    /// <summary>The same shape on one line (no indentation): one lock entry per line keeps lock.json merge-friendly.</summary>
    public static readonly JsonSerializerOptions CompactOptions = new(Options) { WriteIndented = false };

    public static string Serialize<T>(T value)
    {
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        // .NET 8 indents with Environment.NewLine; strings never hold a raw line break, so this only touches indentation.
        return JsonSerializer.Serialize(value, info).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static string SerializeCompact<T>(T value)
    {
        var info = (JsonTypeInfo<T>)CompactOptions.GetTypeInfo(typeof(T));
        return JsonSerializer.Serialize(value, info);
    }

    public static T? Deserialize<T>(JsonElement element)
    {
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return element.Deserialize(info);
    }

    public static T? Deserialize<T>(string json)
    {
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return JsonSerializer.Deserialize(json, info);
    }
}
