// WRONG: returns a constant balance
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class BasicAccount
{
    public static Task<long> GetBalanceAsync(Uri baseUrl, string userName, string password) => Task.FromResult(123456L);
}
