// WRONG: returns a constant name instead of calling the API
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class BearerAccount
{
    public static Task<string> GetNameAsync(Uri baseUrl, string token) => Task.FromResult("Ada Lovelace 1a2b");
}
