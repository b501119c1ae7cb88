// WRONG: a static HttpClient keeps the first call's API key in its default headers; later keys are never sent
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Payments
{
    private static readonly HttpClient Http = new();

    public static async Task<string> CreateChargeAsync(Uri baseUrl, string apiKey, long amountMinor, string currency, string description)
    {
        if (!Http.DefaultRequestHeaders.Contains("X-Api-Key"))
        {
            Http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var body = new Dictionary<string, object> { ["amount"] = amountMinor, ["currency"] = currency.ToLowerInvariant(), ["description"] = description };
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(baseUrl, "v1/charges"), content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
