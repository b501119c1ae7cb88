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

    public static async Task<BearerService> StartAsync()
    {
        var service = new BearerService();
        await service.StartServerAsync().ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body) => HasCredentials(context, "Bearer", Token);
}
