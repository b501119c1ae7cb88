using MicroPrompt.Models;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The texts of the provider diagnostics (MP1002, MP1003): one text per code, endpoints always redacted.</summary>
public static class ProviderMessages
{
    /// <summary>MP1002: the one text for an unknown <c>MicroPromptProvider</c>, in the task and the core alike.</summary>
    public static MicroPromptDiagnostic UnknownProvider(string? provider) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.UnknownProvider,
        $"Unknown model provider '{provider?.Trim()}'. Set MicroPromptProvider (or the MICROPROMPT_PROVIDER environment variable) to one of: "
        + $"{string.Join(", ", ProviderNames.All)} (aliases: {string.Join(", ", ProviderNames.Aliases.Select(a => $"{a.Key} = {a.Value}"))}).");

    /// <summary>MP1003: an endpoint that is not an absolute http(s) URL. <paramref name="endpoint"/> is shown redacted.</summary>
    /// <param name="endpoint">The value as given.</param>
    /// <param name="provider">The canonical provider, for a fitting example; null when not known yet.</param>
    public static MicroPromptDiagnostic InvalidEndpoint(string? endpoint, string? provider = null) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.InvalidEndpoint,
        $"The endpoint '{EndpointDisplay.Redact(endpoint)}'{(provider is null ? "" : $" for provider {provider}")} is not an absolute http(s) URL. "
        + $"Set MicroPromptEndpoint (or the MICROPROMPT_ENDPOINT environment variable) to a URL such as {Example(provider)}.");

    /// <summary>MP1003: a provider without a default endpoint (Azure OpenAI) and none set.</summary>
    public static MicroPromptDiagnostic EndpointRequired(string provider) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.InvalidEndpoint,
        $"Provider {provider} needs an endpoint: set MicroPromptEndpoint (or the MICROPROMPT_ENDPOINT environment variable) to your resource's URL, e.g. {Example(provider)}.");

    private static string Example(string? provider) => provider switch
    {
        ProviderNames.Ollama => "http://127.0.0.1:11434",
        ProviderNames.AzureOpenAI => "https://my-resource.openai.azure.com/",
        ProviderNames.Anthropic => "https://api.anthropic.com",
        ProviderNames.OpenAI => "https://api.openai.com/v1",
        _ => "https://api.openai.com/v1, http://127.0.0.1:11434 (Ollama) or https://my-resource.openai.azure.com/ (Azure OpenAI)",
    };
}
