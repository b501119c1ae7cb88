// WRONG: returns a constant refund id without refunding
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Refunds
{
    public static Task<string> RefundAsync(Uri tokenUrl, Uri baseUrl, string clientId, string clientSecret, string scope, string chargeId, long amountMinor) => Task.FromResult("re_1a2b3c4d");
}
