// WRONG: returns a constant status for every order
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public sealed class OrdersClient : IDisposable
{
    public OrdersClient(Uri tokenUrl, Uri baseUrl, string clientId, string clientSecret, string scope)
    {
    }

    public Task<string> GetStatusAsync(string orderId) => Task.FromResult("shipped");

    public void Dispose()
    {
    }
}
