using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Models;

/// <summary>Applies provider defaults to <see cref="ProviderSettings"/> and validates them into a <see cref="ResolvedProvider"/>.</summary>
internal static class ProviderResolution
{
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";
    public const string AzureOpenAIKeyVariable = "AZURE_OPENAI_API_KEY";
    public const string AnthropicKeyVariable = "ANTHROPIC_API_KEY";
    public static readonly Uri OpenAIDefaultEndpoint = new("https://api.openai.com/v1");
    public static readonly Uri OllamaDefaultEndpoint = new("http://127.0.0.1:11434");

    /// <summary>Anthropic's API root: the SDK appends <c>/v1/messages</c>.</summary>
    public static readonly Uri AnthropicDefaultEndpoint = new("https://api.anthropic.com");

    /// <exception cref="MicroPromptException">MP1002, MP1003.</exception>
    public static ResolvedProvider Resolve(ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = ProviderNames.Normalize(settings.Provider) ?? throw new MicroPromptException(ProviderMessages.UnknownProvider(settings.Provider));
        var endpoint = settings.Endpoint ?? name switch
        {
            ProviderNames.OpenAI => OpenAIDefaultEndpoint,
            ProviderNames.Ollama => OllamaDefaultEndpoint,
            ProviderNames.Anthropic => AnthropicDefaultEndpoint,
            _ => throw new MicroPromptException(ProviderMessages.EndpointRequired(name)),
        };
        ValidateEndpoint(endpoint, name);

        var variable = settings.ApiKeyVariable is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : DefaultKeyVariable(name);
        return new ResolvedProvider(name, endpoint, variable);
    }

    /// <summary>Like <see cref="Resolve"/> but never throws: falls back to raw values (for error messages).</summary>
    public static ResolvedProvider ResolveForMessages(ProviderSettings settings)
    {
        try
        {
            return Resolve(settings);
        }
        catch (MicroPromptException)
        {
            var name = ProviderNames.Normalize(settings.Provider) ?? settings.Provider;
            return new ResolvedProvider(name, settings.Endpoint ?? new Uri("http://unknown-endpoint/"), settings.ApiKeyVariable ?? DefaultKeyVariable(name));
        }
    }

    public static string? DefaultKeyVariable(string provider) => provider switch
    {
        ProviderNames.OpenAI => OpenAIKeyVariable,
        ProviderNames.AzureOpenAI => AzureOpenAIKeyVariable,
        ProviderNames.Anthropic => AnthropicKeyVariable,
        _ => null,
    };

    /// <exception cref="MicroPromptException">MP1003.</exception>
    public static void ValidateEndpoint(Uri endpoint, string provider)
    {
        if (!endpoint.IsAbsoluteUri
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(endpoint.Host))
        {
            throw new MicroPromptException(ProviderMessages.InvalidEndpoint(endpoint.OriginalString, provider));
        }
    }

    /// <summary>An endpoint as shown in messages: scheme, host, port and path only (user info and query may hold secrets).</summary>
    public static string Display(Uri endpoint) => EndpointDisplay.Of(endpoint);
}
