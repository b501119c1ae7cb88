// WRONG: returns a constant e-mail address
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class OAuthAccount
{
    public static Task<string> GetEmailAsync(Uri tokenUrl, Uri baseUrl, string clientId, string clientSecret, string scope) => Task.FromResult("user.1a2b3c4d@example.test");
}
