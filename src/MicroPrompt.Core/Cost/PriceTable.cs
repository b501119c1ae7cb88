using System.Text.Json;
using System.Text.RegularExpressions;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;

namespace MicroPrompt.Cost;

/// <summary>
/// Dollars per token for known models: built-in list prices (dated, see <see cref="DefaultAsOf"/>) that a JSON file
/// (<c>MicroPromptPriceTable</c>) overrides and extends. A model the table does not know has an unknown cost, never zero.
/// </summary>
public sealed class PriceTable
{
    private const string ResourceName = "MicroPrompt.Cost.default-prices.json";

    private static readonly Regex DateSuffix = new(@"-(\d{4}-\d{2}-\d{2}|\d{8})$", RegexOptions.CultureInvariant);
    private static readonly Lazy<PriceTable> LazyDefault = new(LoadDefault);

    private readonly Dictionary<string, ModelPrice> _prices;

    private PriceTable(Dictionary<string, ModelPrice> prices, string? asOf, string? source)
    {
        _prices = prices;
        AsOf = asOf;
        Source = source;
    }

    /// <summary>The built-in table.</summary>
    public static PriceTable Default => LazyDefault.Value;

    /// <summary>The date the built-in prices were taken.</summary>
    public static string DefaultAsOf => Default.AsOf ?? "";

    /// <summary>The date of the prices (the override file's <c>asOf</c> when it has one).</summary>
    public string? AsOf { get; }

    /// <summary>The override file, or null for the built-in table.</summary>
    public string? Source { get; }

    public IReadOnlyDictionary<string, ModelPrice> Prices => _prices;

    /// <summary>The built-in table overridden and extended by the price table file at <paramref name="path"/>.</summary>
    /// <exception cref="MicroPromptException">MP1020 when the file is missing, not JSON, or has a bad row.</exception>
    public static PriceTable Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MicroPromptException(BudgetMessages.PriceTableUnreadable(path, ex.Message));
        }

        var file = Parse(json, path);
        var prices = new Dictionary<string, ModelPrice>(Default._prices, StringComparer.OrdinalIgnoreCase);
        foreach (var (model, price) in file.Prices)
        {
            prices[model] = price;
        }

        return new PriceTable(prices, file.AsOf ?? Default.AsOf, path);
    }

    /// <summary>The price of <paramref name="model"/>: exact id, then without a date suffix or a <c>provider/</c> prefix.</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var id = model.Trim();
        foreach (var candidate in new[] { id, DateSuffix.Replace(id, ""), id[(id.LastIndexOf('/') + 1)..] })
        {
            if (_prices.TryGetValue(candidate, out var price))
            {
                return price;
            }
        }

        var bare = id[(id.LastIndexOf('/') + 1)..];
        return _prices.TryGetValue(DateSuffix.Replace(bare, ""), out var p) ? p : null;
    }

    /// <summary>Dollars for <paramref name="usage"/> with <paramref name="model"/>: 0 for no tokens, null when the price is unknown.</summary>
    public decimal? Cost(string? model, UsageTotals usage)
    {
        if (usage.InputTokens == 0 && usage.OutputTokens == 0)
        {
            return 0m;
        }

        return Find(model)?.Cost(usage.InputTokens, usage.OutputTokens);
    }

    private static PriceTable LoadDefault()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The built-in price table resource '{ResourceName}' is missing.");
        var utf8 = new byte[stream.Length];
        stream.ReadExactly(utf8);
        // Our own file, read without the serializer's metadata (BuiltInPriceTableReader); the same checks as an override file.
        var file = Check(BuiltInPriceTableReader.Read(utf8.AsSpan().StartsWith(Utf8Bom) ? utf8.AsSpan(Utf8Bom.Length) : utf8), "(built-in price table)");
        return new PriceTable(new Dictionary<string, ModelPrice>(file.Prices, StringComparer.OrdinalIgnoreCase), file.AsOf, null);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static (Dictionary<string, ModelPrice> Prices, string? AsOf) Parse(string json, string path)
    {
        PriceTableFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, PriceJsonContext.Default.PriceTableFile);
        }
        catch (JsonException ex)
        {
            throw new MicroPromptException(
                BudgetMessages.PriceTableNotJson(path, ex.Message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1));
        }

        return Check(file, path);
    }

    private static (Dictionary<string, ModelPrice> Prices, string? AsOf) Check(PriceTableFile? file, string path)
    {
        if (file is null)
        {
            throw new MicroPromptException(BudgetMessages.PriceTableEmpty(path));
        }

        if (file.Currency is { } currency && !string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
        {
            throw new MicroPromptException(BudgetMessages.PriceTableCurrency(path, currency));
        }

        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (model, entry) in file.Models ?? [])
        {
            if (string.IsNullOrWhiteSpace(model) || entry?.InputPerMillion is not { } input || entry.OutputPerMillion is not { } output || input < 0 || output < 0)
            {
                throw new MicroPromptException(BudgetMessages.PriceTableBadRow(path, model));
            }

            prices[model.Trim()] = new ModelPrice(input, output);
        }

        return (prices, string.IsNullOrWhiteSpace(file.AsOf) ? null : file.AsOf.Trim());
    }
}
