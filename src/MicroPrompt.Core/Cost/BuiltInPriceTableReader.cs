using System.Text.Json;

namespace MicroPrompt.Cost;

/// <summary>
/// Reads the built-in price table (the embedded <c>default-prices.json</c>) with <see cref="Utf8JsonReader"/>, as
/// <see cref="PriceJsonContext"/> reads a price table file: property names case-insensitive, unknown properties,
/// comments and trailing commas skipped, a later row for the same model id replacing an earlier one. Every build needs the
/// table (the report shows its date), and the serializer's metadata for it is generic over <c>decimal?</c>, which every
/// build would JIT-compile; override files (<c>MicroPromptPriceTable</c>) still go through the serializer and its messages.
/// </summary>
internal static class BuiltInPriceTableReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="JsonException">Not a price table of the expected shape.</exception>
    public static PriceTableFile Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        Expect(ref reader, JsonTokenType.StartObject);
        var file = new PriceTableFile();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, "asOf"))
            {
                file.AsOf = ReadString(ref reader);
            }
            else if (Is(ref reader, "currency"))
            {
                file.Currency = ReadString(ref reader);
            }
            else if (Is(ref reader, "models"))
            {
                file.Models = ReadModels(ref reader);
            }
            else
            {
                Skip(ref reader);
            }
        }

        return file;
    }

    // A new dictionary, as the serializer sets one: ordinal keys, so rows differing in case are all kept, in file order.
    private static Dictionary<string, PriceTableEntry> ReadModels(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var models = new Dictionary<string, PriceTableEntry>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var model = reader.GetString()!;
            Expect(ref reader, JsonTokenType.StartObject);
            var entry = new PriceTableEntry();
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (Is(ref reader, "inputPerMillion"))
                {
                    entry.InputPerMillion = ReadDecimal(ref reader);
                }
                else if (Is(ref reader, "outputPerMillion"))
                {
                    entry.OutputPerMillion = ReadDecimal(ref reader);
                }
                else
                {
                    Skip(ref reader);
                }
            }

            models[model] = entry;
        }

        return models;
    }

    private static bool Is(ref Utf8JsonReader reader, string name) =>
        reader.ValueTextEquals(name) || string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

    private static string? ReadString(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"Expected a string at byte {reader.TokenStartIndex}."),
    };

    private static decimal? ReadDecimal(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDecimal(),
        _ => throw new JsonException($"Expected a number at byte {reader.TokenStartIndex}."),
    };

    private static void Skip(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException();
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException();
}
