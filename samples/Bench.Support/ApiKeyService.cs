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

    public static async Task<ApiKeyService> StartAsync()
    {
        var service = new ApiKeyService();
        await service.StartServerAsync().ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body)
        => context.Request.Headers.TryGetValue(HeaderName, out var values)
           && values.Count == 1
           && string.Equals(values[0], ApiKey, StringComparison.Ordinal);
}
