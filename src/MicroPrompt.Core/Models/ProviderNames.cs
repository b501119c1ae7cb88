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

    /// <summary>Other spellings accepted for a provider (lower case), and the canonical name each stands for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["azure"] = AzureOpenAI,
        ["azureopenai"] = AzureOpenAI,
    };

    /// <summary>
    /// The canonical name for <paramref name="provider"/> (case-insensitive, trimmed; empty means <see cref="OpenAI"/>;
    /// an alias such as <c>azure</c> means its provider), or <see langword="null"/> when it is not a known provider.
    /// The one provider-name parser: the build (<c>MicroPromptProvider</c>) and the library use it alike.
    /// </summary>
    public static string? Normalize(string? provider)
    {
        var name = provider?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return OpenAI;
        }

        return All.Contains(name) ? name : Aliases.TryGetValue(name, out var canonical) ? canonical : null;
    }
}
