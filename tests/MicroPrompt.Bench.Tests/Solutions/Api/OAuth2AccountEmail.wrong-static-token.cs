// WRONG: keeps the first access token in a static field and sends it to every later call, whatever service or client it is for
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class OAuthAccount
{
    private static string? _token;

    public static async Task<string> GetEmailAsync(Uri tokenUrl, Uri baseUrl, string clientId, string clientSecret, string scope)
    {
        using var http = new HttpClient();
        var token = _token ??= await GetTokenAsync(http, tokenUrl, clientId, clientSecret, scope);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "v1/account"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("email").GetString()!;
    }

    private static async Task<string> GetTokenAsync(HttpClient http, Uri tokenUrl, string clientId, string clientSecret, string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret))));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope });
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
