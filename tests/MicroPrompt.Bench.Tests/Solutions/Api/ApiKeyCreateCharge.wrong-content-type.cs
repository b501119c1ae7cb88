// WRONG: sends the JSON body as text/plain (StringContent without a media type) instead of application/json
using System.Text.Json;

namespace Bench.Api;

public static class Payments
{
    public static async Task<string> CreateChargeAsync(Uri baseUrl, string apiKey, long amountMinor, string currency, string description)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v1/charges"));
        request.Headers.Add("X-Api-Key", apiKey);
        var body = new Dictionary<string, object> { ["amount"] = amountMinor, ["currency"] = currency.ToLowerInvariant(), ["description"] = description };
        request.Content = new StringContent(JsonSerializer.Serialize(body));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
