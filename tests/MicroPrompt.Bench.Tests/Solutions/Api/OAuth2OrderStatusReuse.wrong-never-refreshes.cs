// WRONG: keeps the first access token for the life of the client and never asks for a new one after expires_in
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public sealed class OrdersClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Uri _tokenUrl;
    private readonly Uri _baseUrl;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _scope;
    private string? _token;
    private DateTimeOffset _expires;

    public OrdersClient(Uri tokenUrl, Uri baseUrl, string clientId, string clientSecret, string scope)
    {
        _tokenUrl = tokenUrl;
        _baseUrl = baseUrl;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _scope = scope;
    }

    public async Task<string> GetStatusAsync(string orderId)
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, "v1/orders/" + Uri.EscapeDataString(orderId)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new KeyNotFoundException($"no order '{orderId}'");
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString()!;
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync()
    {
        if (_token is not null)
        {
            return _token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_clientId + ":" + _clientSecret)));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = _scope });
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        _token = json.RootElement.GetProperty("access_token").GetString()!;
        _expires = DateTimeOffset.UtcNow.AddSeconds(json.RootElement.GetProperty("expires_in").GetInt32() - 60);
        return _token;
    }
}
