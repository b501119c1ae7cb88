using Microsoft.AspNetCore.Http;

namespace MicroPrompt.Bench.Support;

/// <summary>The mock API guarded by <c>Authorization: Bearer &lt;Token&gt;</c> (RFC 6750).</summary>
public sealed class BearerService : MockService
{
    private BearerService()
    {
    }

    /// <summary>The token to hand to the task (random per service).</summary>
    public string Token { get; } = RandomText.Token(24);

    protected override string? Challenge => "Bearer realm=\"bench\"";

    /// <summary>Starts the service; <paramref name="basePath"/> (e.g. <c>api/v2/</c>) puts every resource under that path.</summary>
    public static async Task<BearerService> StartAsync(string? basePath = null)
    {
        var service = new BearerService();
        await service.StartServerAsync(basePath).ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body) => HasCredentials(context, "Bearer", Token);
}
