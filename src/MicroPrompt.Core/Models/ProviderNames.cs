namespace MicroPrompt.Models;

/// <summary>The model providers <see cref="ChatClientFactory"/> knows, as written in <c>MicroPromptProvider</c>.</summary>
public static class ProviderNames
{
    /// <summary>OpenAI or any OpenAI-compatible endpoint (the default).</summary>
    public const string OpenAI = "openai";

    /// <summary>Azure OpenAI; the model name is the deployment name. <c>azure</c> is accepted as an alias.</summary>
    public const string AzureOpenAI = "azure-openai";

    /// <summary>Ollama's native API.</summary>
    public const string Ollama = "ollama";

    /// <summary>Anthropic's Messages API through the official <c>Anthropic</c> SDK.</summary>
    public const string Anthropic = "anthropic";

    /// <summary>Every valid provider name, for messages and validation.</summary>
    public static IReadOnlyList<string> All { get; } = [OpenAI, AzureOpenAI, Ollama, Anthropic];

    /// <summary>
    /// The canonical name for <paramref name="provider"/> (case-insensitive, trimmed; empty means <see cref="OpenAI"/>;
    /// <c>azure</c> means <see cref="AzureOpenAI"/>), or <see langword="null"/> when it is not a known provider.
    /// </summary>
    public static string? Normalize(string? provider)
    {
        var name = provider?.Trim().ToLowerInvariant();
        return name switch
        {
            null or "" => OpenAI,
            OpenAI => OpenAI,
            AzureOpenAI or "azure" or "azureopenai" => AzureOpenAI,
            Ollama => Ollama,
            Anthropic => Anthropic,
            _ => null,
        };
    }
}
