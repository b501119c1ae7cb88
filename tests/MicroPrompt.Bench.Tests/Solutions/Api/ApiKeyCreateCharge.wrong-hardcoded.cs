// WRONG: returns a constant charge id without charging
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Payments
{
    public static Task<string> CreateChargeAsync(Uri baseUrl, string apiKey, long amountMinor, string currency, string description) => Task.FromResult("ch_1a2b3c4d");
}
