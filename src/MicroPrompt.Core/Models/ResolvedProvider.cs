namespace MicroPrompt.Models;

/// <summary><see cref="ProviderSettings"/> with defaults applied and validated.</summary>
/// <param name="Name">Canonical provider name (<see cref="ProviderNames"/>).</param>
/// <param name="Endpoint">Absolute http(s) base URL.</param>
/// <param name="KeyVariable">Name of the environment variable with the key; <see langword="null"/> when the provider uses none.</param>
internal sealed record ResolvedProvider(string Name, Uri Endpoint, string? KeyVariable)
{
    /// <summary>The endpoint as shown in messages: no user info, no query string.</summary>
    public string DisplayEndpoint => ProviderResolution.Display(Endpoint);

    /// <summary>Whether this is OpenAI's own public API, which always needs a key.</summary>
    public bool IsPublicOpenAI => Name == ProviderNames.OpenAI
        && string.Equals(Endpoint.Host, ProviderResolution.OpenAIDefaultEndpoint.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is Anthropic's own public API, which always needs a key.</summary>
    public bool IsPublicAnthropic => Name == ProviderNames.Anthropic
        && string.Equals(Endpoint.Host, ProviderResolution.AnthropicDefaultEndpoint.Host, StringComparison.OrdinalIgnoreCase);
}
