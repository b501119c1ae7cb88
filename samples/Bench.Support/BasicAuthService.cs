using System.Text;
using Microsoft.AspNetCore.Http;

namespace MicroPrompt.Bench.Support;

/// <summary>
/// The mock API guarded by HTTP Basic authentication (RFC 7617): <c>Authorization: Basic base64(UTF-8 "user:password")</c>.
/// The password is random, contains a colon and non-ASCII letters, so a client that splits, Latin-1/ASCII-encodes or
/// otherwise mangles it is refused.
/// </summary>
public sealed class BasicAuthService : MockService
{
    private BasicAuthService()
    {
    }

    public string UserName { get; } = "user-" + RandomText.Hex(3);

    /// <summary>Random; contains ':' and non-ASCII characters (e.g. <c>pä:ss-1a2b3c-€ü</c>).</summary>
    public string Password { get; } = $"pä:ss-{RandomText.Hex(3)}-€ü";

    protected override string? Challenge => "Basic realm=\"bench\", charset=\"UTF-8\"";

    /// <summary>Starts the service; <paramref name="basePath"/> (e.g. <c>api/v2/</c>) puts every resource under that path.</summary>
    public static async Task<BasicAuthService> StartAsync(string? basePath = null)
    {
        var service = new BasicAuthService();
        await service.StartServerAsync(basePath).ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body)
    {
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password));
        return HasCredentials(context, "Basic", expected);
    }
}
