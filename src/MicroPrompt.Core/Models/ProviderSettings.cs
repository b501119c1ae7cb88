using MicroPrompt.Diagnostics;
using MicroPrompt.Resilience;

namespace MicroPrompt.Models;

/// <summary>
/// Where and how to reach a model: the values of <c>MicroPromptProvider</c>, <c>MicroPromptEndpoint</c> and
/// <c>MicroPromptApiKeyVariable</c>. Holds the <em>name</em> of the variable with the key, never the key.
/// </summary>
public sealed class ProviderSettings
{
    /// <summary>Default for <see cref="Timeout"/>: 100 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// <c>openai</c> (default; any OpenAI-compatible endpoint), <c>azure-openai</c> (alias <c>azure</c>), <c>ollama</c> or
    /// <c>anthropic</c>;
    /// case-insensitive. See <see cref="ProviderNames"/>.
    /// </summary>
    public string Provider { get; init; } = ProviderNames.OpenAI;

    /// <summary>
    /// Base URL; <see langword="null"/> for the provider's default (<c>https://api.openai.com/v1</c>,
    /// <c>http://127.0.0.1:11434</c>, <c>https://api.anthropic.com</c>; Azure OpenAI has none and requires one). For
    /// OpenAI-compatible servers include the <c>/v1</c> segment: requests go to <c>{Endpoint}/chat/completions</c>. For
    /// Anthropic it is the API root: requests go to <c>{Endpoint}/v1/messages</c> (a trailing <c>/v1</c> is dropped).
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>
    /// Name of the environment variable holding the API key; <see langword="null"/> for the provider's default
    /// (<c>OPENAI_API_KEY</c>, <c>AZURE_OPENAI_API_KEY</c>, <c>ANTHROPIC_API_KEY</c>; Ollama uses no key).
    /// </summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>How long one HTTP attempt may take before it fails with MP1014.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// Retries, backoff and circuit breaker of model calls (one Polly pipeline for every provider; the provider clients'
    /// own retries are off). See <see cref="ModelCallResilience"/>.
    /// </summary>
    public ModelCallResilience Resilience { get; init; } = ModelCallResilience.Default;

    /// <summary>
    /// Builds settings from the raw MSBuild property (or environment variable) strings, validating them.
    /// Empty strings mean "not set".
    /// </summary>
    /// <exception cref="MicroPromptException">MP1002 for an unknown provider, MP1003 for an endpoint that is not an absolute http(s) URL.</exception>
    public static ProviderSettings FromStrings(string? provider, string? endpoint, string? apiKeyVariable, TimeSpan? timeout = null)
    {
        var name = ProviderNames.Normalize(provider) ?? throw new MicroPromptException(ProviderResolution.UnknownProvider(provider!));
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            uri = ProviderResolution.ParseEndpoint(endpoint.Trim(), name);
        }

        return new ProviderSettings
        {
            Provider = name,
            Endpoint = uri,
            ApiKeyVariable = string.IsNullOrWhiteSpace(apiKeyVariable) ? null : apiKeyVariable.Trim(),
            Timeout = timeout ?? DefaultTimeout,
        };
    }
}
