using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;

namespace MicroPrompt.Core.Tests.Cost;

public sealed class PriceTableTests
{
    // Hand-computed: dollars = in × inputPerMillion / 1e6 + out × outputPerMillion / 1e6.
    [Theory]
    [InlineData("gpt-4.1-mini", 1_000_000, 0, "0.40")]             // 1M in × $0.40
    [InlineData("gpt-4.1-mini", 12_345, 6_789, "0.0158004")]        // 12345×0.40/1e6 = 0.004938 + 6789×1.60/1e6 = 0.0108624
    [InlineData("gpt-4o", 2_000, 500, "0.01")]                      // 2000×2.50/1e6 = 0.005; 500×10/1e6 = 0.005
    [InlineData("claude-sonnet-4.5", 10_000, 2_000, "0.06")]        // 0.03 + 0.03
    [InlineData("gpt-5-nano", 100, 50, "0.000025")]                 // 0.000005 + 0.00002
    [InlineData("GPT-4.1-MINI", 1_000_000, 1_000_000, "2.00")]      // ids match case-insensitively
    [InlineData("gpt-4.1-mini-2025-04-14", 1_000_000, 0, "0.40")]   // dated snapshot
    [InlineData("openai/gpt-4o-mini", 1_000_000, 1_000_000, "0.75")] // provider prefix
    public void Built_in_prices_give_hand_computed_dollars(string model, long input, long output, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceTable.Default.Cost(model, new UsageTotals(input, output)));
    }

    [Fact]
    public void An_unknown_model_costs_unknown_not_zero_unless_nothing_was_spent()
    {
        Assert.Null(PriceTable.Default.Cost("my-local-model", new UsageTotals(10, 10)));
        Assert.Equal(0m, PriceTable.Default.Cost("my-local-model", UsageTotals.Zero));
        Assert.Null(PriceTable.Default.Find("gpt-4.1-mini-turbo"));
    }

    [Fact]
    public void The_built_in_table_is_dated()
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", PriceTable.DefaultAsOf);
        Assert.Null(PriceTable.Default.Source);
    }

    [Fact]
    public void A_price_table_file_overrides_and_extends_the_defaults()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("prices.json");
        File.WriteAllText(path, """
            {
              // comments and trailing commas are fine
              "asOf": "2026-01-31",
              "currency": "USD",
              "models": {
                "gpt-4.1-mini": { "inputPerMillion": 1, "outputPerMillion": 2 },
                "qwen3-coder": { "inputPerMillion": 0, "outputPerMillion": 0 },
              }
            }
            """);

        var table = PriceTable.Load(path);

        Assert.Equal("2026-01-31", table.AsOf);
        Assert.Equal(path, table.Source);
        Assert.Equal(3m, table.Cost("gpt-4.1-mini", new UsageTotals(1_000_000, 1_000_000)));   // overridden
        Assert.Equal(0m, table.Cost("qwen3-coder", new UsageTotals(5_000, 5_000)));           // added (free, not unknown)
        Assert.Equal(12.5m, table.Cost("gpt-4o", new UsageTotals(1_000_000, 1_000_000)));     // default kept
        Assert.Equal(0.40m, PriceTable.Default.Cost("gpt-4.1-mini", new UsageTotals(1_000_000, 0))); // defaults untouched
    }

    [Theory]
    [InlineData("{ \"models\": { \"m\": { \"inputPerMillion\": 1 } } }", "bad row for model 'm'", 1)]
    [InlineData("{ \"models\": { \"m\": { \"inputPerMillion\": -1, \"outputPerMillion\": 1 } } }", "bad row for model 'm'", 1)]
    [InlineData("{ \"currency\": \"EUR\", \"models\": {} }", "only USD", 1)]
    [InlineData("{\n  \"models\": {\n    \"m\": { \"inputPerMillion\": \"cheap\" }\n  }\n}", "not valid JSON", 3)]
    public void A_bad_price_table_is_an_MP1020_error_located_in_the_file(string json, string message, int line)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("prices.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<MicroPromptException>(() => PriceTable.Load(path)).Diagnostic;

        Assert.Equal(DiagnosticCodes.PriceTableInvalid, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_missing_price_table_file_is_an_MP1020_error()
    {
        var error = Assert.Throws<MicroPromptException>(() => PriceTable.Load("/no/such/prices.json")).Diagnostic;
        Assert.Equal(DiagnosticCodes.PriceTableInvalid, error.Code);
    }
}
