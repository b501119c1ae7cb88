// WRONG: encodes the credentials as Latin-1 instead of UTF-8
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class BasicAccount
{
    public static async Task<long> GetBalanceAsync(Uri baseUrl, string userName, string password)
    {
        using var http = new HttpClient();
        var credentials = Convert.ToBase64String(Encoding.Latin1.GetBytes(userName + ":" + password));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/account"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("balance").GetInt64();
    }
}
