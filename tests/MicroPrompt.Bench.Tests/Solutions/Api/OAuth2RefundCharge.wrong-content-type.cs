// WRONG: sends the refund's JSON body as text/plain (StringContent with an encoding but no media type)
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Refunds
{
    public static async Task<string> RefundAsync(Uri tokenUrl, Uri baseUrl, string clientId, string clientSecret, string scope, string chargeId, long amountMinor)
    {
        using var http = new HttpClient();
        var token = await GetTokenAsync(http, tokenUrl, clientId, clientSecret, scope);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v1/refunds"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = new Dictionary<string, object> { ["charge"] = chargeId, ["amount"] = amountMinor };
        request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> GetTokenAsync(HttpClient http, Uri tokenUrl, string clientId, string clientSecret, string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = scope,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
