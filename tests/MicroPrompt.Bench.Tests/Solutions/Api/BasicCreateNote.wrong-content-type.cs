// WRONG: the JSON body goes out as text/plain; charset=utf-8 (StringContent with an encoding but no media type)
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Notes
{
    public static async Task<string> CreateAsync(Uri baseUrl, string userName, string password, string text)
    {
        using var http = new HttpClient();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text });
        using var content = new StringContent(body, Encoding.UTF8);
        using var response = await http.PostAsync(new Uri(baseUrl, "v1/notes"), content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
