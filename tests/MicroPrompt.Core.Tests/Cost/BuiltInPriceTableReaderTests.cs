using System.Globalization;
using System.Text;
using System.Text.Json;
using MicroPrompt.Cost;

namespace MicroPrompt.Core.Tests.Cost;

public sealed class BuiltInPriceTableReaderTests
{
    [Fact]
    public void The_built_in_table_reads_as_the_serializer_reads_it()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("MicroPrompt.Cost.default-prices.json")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var utf8 = memory.ToArray();

        AssertSame(Serializer(utf8), BuiltInPriceTableReader.Read(utf8));
    }

    [Fact]
    public void Names_are_case_insensitive_and_unknown_fields_comments_trailing_commas_and_nulls_read_as_the_serializer_reads_them()
    {
        var utf8 = Encoding.UTF8.GetBytes("""
            {
              // a comment
              "//": "ignored", "extra": { "nested": [1, 2, { "a": null }] },
              "ASOF": "2026-01-31",
              "Currency": "USD",
              "models": {
                "m-1": { "INPUTPERMILLION": 1.250, "outputPerMillion": 10.00, "tier": "standard" },
                "m-2": { "inputPerMillion": null, "outputPerMillion": 0 },
                "M-1": { "inputPerMillion": 2, "outputPerMillion": 3e0 },
                "m-3": { },
              },
            }
            """);

        var read = BuiltInPriceTableReader.Read(utf8);

        AssertSame(Serializer(utf8), read);
        Assert.Equal(["M-1", "m-1", "m-2", "m-3"], read.Models.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1.250", read.Models["m-1"].InputPerMillion!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{ "models": [] }""")]
    [InlineData("""{ "asOf": 1 }""")]
    [InlineData("""{ "models": { "m": { "inputPerMillion": "1" } } }""")]
    [InlineData("""{ "models": { "m": 1 } }""")]
    [InlineData("""{ "asOf": "x" """)]
    public void A_table_of_another_shape_is_a_json_exception(string json)
    {
        Assert.ThrowsAny<JsonException>(() => BuiltInPriceTableReader.Read(Encoding.UTF8.GetBytes(json)));
        Assert.ThrowsAny<JsonException>(() => Serializer(Encoding.UTF8.GetBytes(json)));
    }

    private static PriceTableFile Serializer(byte[] utf8) => JsonSerializer.Deserialize(utf8, PriceJsonContext.Default.PriceTableFile)!;

    private static void AssertSame(PriceTableFile expected, PriceTableFile actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.Currency, actual.Currency);
        Assert.Equal(Rows(expected), Rows(actual));
    }

    // The decimals as text: the scale (10.00, not 10) is carried into the costs the report shows.
    private static List<string> Rows(PriceTableFile file) => file.Models
        .Select(m => FormattableString.Invariant($"{m.Key}={m.Value.InputPerMillion?.ToString(CultureInfo.InvariantCulture) ?? "null"}/{m.Value.OutputPerMillion?.ToString(CultureInfo.InvariantCulture) ?? "null"}"))
        .Order(StringComparer.Ordinal)
        .ToList();
}
