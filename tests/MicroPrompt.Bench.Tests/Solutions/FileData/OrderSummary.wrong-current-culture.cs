// WRONG: formats the totals with the current culture (a comma as decimal separator under de-DE).
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
            totals[customer] = totals.GetValueOrDefault(customer) + order.GetProperty("amount").GetDecimal();
        }

        return string.Join("\n", totals.Select(t => t.Key + "=" + t.Value.ToString("0.00")));
    }
}
