// WRONG: one static HttpClient whose Authorization header is set on the first call only (later tokens are ignored)
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bench.Api;

public static class BearerAccount
{
    private static HttpClient? _http;

    public static async Task<string> GetNameAsync(Uri baseUrl, string token)
    {
        if (_http is null)
        {
            _http = new HttpClient();
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.GetAsync(new Uri(baseUrl, "v1/account"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString()!;
    }
}
