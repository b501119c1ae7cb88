// WRONG: only a 401 throws HttpRequestException; a 403 or 5xx reply is read as if it were the account
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bench.Api;

public static class BearerAccount
{
    public static async Task<string> GetNameAsync(Uri baseUrl, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "v1/account"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new HttpRequestException("The token was refused.", null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
    }
}
