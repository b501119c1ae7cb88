// WRONG: sends the token without the Bearer scheme
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Inbox
{
    public static async Task<IReadOnlyList<string>> GetUnreadSubjectsAsync(Uri baseUrl, string token)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/messages"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray()
            .Where(m => m.GetProperty("unread").GetBoolean())
            .Select(m => m.GetProperty("subject").GetString()!)
            .ToList();
    }
}
