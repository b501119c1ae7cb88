// WRONG: puts the city into the query string as it is (only what Uri escapes by itself): "&" and "#" cut the name short
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Weather
{
    public static async Task<double> GetCelsiusAsync(Uri baseUrl, string apiKey, string city)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "v1/weather?city=" + city));
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("celsius").GetDouble();
    }
}
