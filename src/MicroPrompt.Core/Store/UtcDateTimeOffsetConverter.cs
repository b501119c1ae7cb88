using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroPrompt.Store;

/// <summary>Writes dates as UTC ISO 8601 with a <c>Z</c> (e.g. <c>2025-01-31T12:00:00Z</c>); reads any ISO 8601 date.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
