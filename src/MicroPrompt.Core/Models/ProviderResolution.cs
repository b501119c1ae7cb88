using MicroPrompt.Diagnostics;

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
        var name = ProviderNames.Normalize(settings.Provider) ?? throw new MicroPromptException(UnknownProvider(settings.Provider));
        var endpoint = settings.Endpoint ?? name switch
        {
            ProviderNames.OpenAI => OpenAIDefaultEndpoint,
            ProviderNames.Ollama => OllamaDefaultEndpoint,
            ProviderNames.Anthropic => AnthropicDefaultEndpoint,
            _ => throw new MicroPromptException(MicroPromptDiagnostic.Error(
                DiagnosticCodes.InvalidEndpoint,
                $"Provider {name} needs an endpoint: set MicroPromptEndpoint (or the MICROPROMPT_ENDPOINT environment variable) to your resource's URL, e.g. https://my-resource.openai.azure.com/.")),
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
    public static Uri ParseEndpoint(string text, string provider)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new MicroPromptException(BadEndpoint(text, provider));
        }

        ValidateEndpoint(uri, provider);
        return uri;
    }

    /// <exception cref="MicroPromptException">MP1003.</exception>
    public static void ValidateEndpoint(Uri endpoint, string provider)
    {
        if (!endpoint.IsAbsoluteUri
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(endpoint.Host))
        {
            throw new MicroPromptException(BadEndpoint(endpoint.IsAbsoluteUri ? Display(endpoint) : endpoint.OriginalString, provider));
        }
    }

    public static MicroPromptDiagnostic UnknownProvider(string? provider) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.UnknownProvider,
        $"Unknown model provider '{provider}'. Set MicroPromptProvider (or the MICROPROMPT_PROVIDER environment variable) to one of: {string.Join(", ", ProviderNames.All)}.");

    /// <summary>An endpoint as shown in messages: scheme, host, port and path only (user info and query may hold secrets).</summary>
    public static string Display(Uri endpoint)
        => endpoint.IsAbsoluteUri ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";

    private static MicroPromptDiagnostic BadEndpoint(string shown, string provider)
    {
        var example = provider switch
        {
            ProviderNames.Ollama => "http://127.0.0.1:11434",
            ProviderNames.AzureOpenAI => "https://my-resource.openai.azure.com/",
            ProviderNames.Anthropic => "https://api.anthropic.com",
            _ => "https://api.openai.com/v1",
        };
        var safe = shown.Length > 60 ? shown[..60] + "…" : shown;
        return MicroPromptDiagnostic.Error(
            DiagnosticCodes.InvalidEndpoint,
            $"The endpoint '{safe}' for provider {provider} is not an absolute http(s) URL. Set MicroPromptEndpoint (or the MICROPROMPT_ENDPOINT environment variable) to a URL such as {example}.");
    }
}
