// WRONG: caches a client with the first caller's Basic credentials in a static field and reuses it for every user
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Notes
{
    private static HttpClient? _http;

    public static async Task<string> CreateAsync(Uri baseUrl, string userName, string password, string text)
    {
        _http ??= Create(userName, password);
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(baseUrl, "v1/notes"), content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static HttpClient Create(string userName, string password)
    {
        var http = new HttpClient();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return http;
    }
}
