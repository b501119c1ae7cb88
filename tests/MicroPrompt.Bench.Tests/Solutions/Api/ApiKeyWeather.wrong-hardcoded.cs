// WRONG: returns a constant temperature
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Weather
{
    public static Task<double> GetCelsiusAsync(Uri baseUrl, string apiKey, string city) => Task.FromResult(21.5);
}
