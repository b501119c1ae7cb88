// WRONG: requests "/v1/messages" with a leading slash, which drops the base URL's own path
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Inbox
{
    public static async Task<IReadOnlyList<string>> GetUnreadSubjectsAsync(Uri baseUrl, string token)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri(baseUrl, "/v1/messages"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray()
            .Where(m => m.GetProperty("unread").GetBoolean())
            .Select(m => m.GetProperty("subject").GetString()!)
            .ToList();
    }
}
