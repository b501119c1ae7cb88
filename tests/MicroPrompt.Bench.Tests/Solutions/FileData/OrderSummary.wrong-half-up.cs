// WRONG: rounds half up (toward positive infinity) with Math.Floor(x * 100 + 0.5), not half away from zero: -1.005 gives -1.00
using System.Globalization;
using System.Text.Json;

namespace Bench.FileData;

public static class OrderSummary
{
    public static string Summarize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var order in document.RootElement.EnumerateArray())
        {
            var customer = order.GetProperty("customer").GetString() ?? "";
            var amount = order.GetProperty("amount").GetDecimal();
            totals[customer] = totals.GetValueOrDefault(customer) + amount;
        }

        return string.Join("\n", totals.Select(t =>
            t.Key + "=" + (Math.Floor(t.Value * 100 + 0.5m) / 100).ToString("0.00", CultureInfo.InvariantCulture)));
    }
}
