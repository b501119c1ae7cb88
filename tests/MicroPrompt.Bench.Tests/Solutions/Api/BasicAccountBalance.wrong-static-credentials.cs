// WRONG: keeps one static HttpClient whose Basic credentials are those of the first caller
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class BasicAccount
{
    private static HttpClient? _shared;

    public static async Task<long> GetBalanceAsync(Uri baseUrl, string userName, string password)
    {
        if (_shared is null)
        {
            _shared = new HttpClient();
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
            _shared.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        var http = _shared;
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/account"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("balance").GetInt64();
    }
}
