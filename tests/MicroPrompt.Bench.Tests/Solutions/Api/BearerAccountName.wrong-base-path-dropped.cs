// WRONG: a leading slash in the request path ("/v1/account") drops the base URL's own path
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bench.Api;

public static class BearerAccount
{
    public static async Task<string> GetNameAsync(Uri baseUrl, string token)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync("/v1/account");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString()!;
    }
}
