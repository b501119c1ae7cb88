using MicroPrompt.Diagnostics;
using MicroPrompt.Resilience;
using MicroPrompt.Settings;

namespace MicroPrompt.Models;

/// <summary>
/// Where and how to reach a model: the values of <c>MicroPromptProvider</c>, <c>MicroPromptEndpoint</c> and
/// <c>MicroPromptApiKeyVariable</c>. Holds the <em>name</em> of the variable with the key, never the key.
/// </summary>
public sealed record ProviderSettings
{
    /// <summary>Default for <see cref="Timeout"/>: <c>MicroPromptTimeoutSeconds</c>' default (<see cref="SettingsCatalog.TimeoutSeconds"/>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(SettingsCatalog.TimeoutSeconds.Default);

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
        var problems = new List<MicroPromptDiagnostic>();
        var settings = Read(provider, endpoint, apiKeyVariable, problems);
        if (problems.Count > 0)
        {
            throw new MicroPromptException(problems[0]);
        }

        return timeout is { } t ? settings with { Timeout = t } : settings;
    }

    /// <summary>
    /// The one parser of <c>MicroPromptProvider</c>, <c>MicroPromptEndpoint</c> and <c>MicroPromptApiKeyVariable</c>
    /// (through their <see cref="SettingsCatalog"/> entries), used by the build and the library alike: every alias
    /// (<c>azure</c>) means its provider; a bad value adds MP1002, MP1003 or MP1005 to <paramref name="problems"/>
    /// (endpoints shown without user info and query) and the default is used.
    /// </summary>
    public static ProviderSettings Read(string? provider, string? endpoint, string? apiKeyVariable, ICollection<MicroPromptDiagnostic> problems) => new()
    {
        Provider = SettingsCatalog.Provider.Read(provider, problems),
        Endpoint = SettingsCatalog.Endpoint.Read(endpoint, problems),
        ApiKeyVariable = SettingsCatalog.ApiKeyVariable.Read(apiKeyVariable, problems),
    };
}
