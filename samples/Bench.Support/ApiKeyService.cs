using Microsoft.AspNetCore.Http;

namespace MicroPrompt.Bench.Support;

/// <summary>The mock API guarded by an API key in the <see cref="HeaderName"/> request header (not the query string).</summary>
public sealed class ApiKeyService : MockService
{
    private ApiKeyService()
    {
    }

    /// <summary><c>X-Api-Key</c>.</summary>
    public string HeaderName => "X-Api-Key";

    public string ApiKey { get; } = "key_" + RandomText.Token(18);

    /// <summary>Starts the service; <paramref name="basePath"/> (e.g. <c>api/v2/</c>) puts every resource under that path.</summary>
    public static async Task<ApiKeyService> StartAsync(string? basePath = null)
    {
        var service = new ApiKeyService();
        await service.StartServerAsync(basePath).ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body)
        => context.Request.Headers.TryGetValue(HeaderName, out var values)
           && values.Count == 1
           && string.Equals(values[0], ApiKey, StringComparison.Ordinal);
}
