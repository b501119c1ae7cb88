using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Models;

/// <summary>
/// The <see cref="IChatClient"/> of the official Anthropic SDK (<c>AsIChatClient</c>) over the build's shared HttpClient,
/// so the Polly pipeline (retries honouring <c>retry-after</c>, the 529 "overloaded" reply among the 5xx, per-attempt
/// timeout, circuit breaker) applies exactly as for the other providers.
/// </summary>
/// <remarks>
/// <para>The key goes in the Messages API's <c>x-api-key</c> header. The SDK's own credential lookup is switched off
/// (<c>ApiKey</c>, <c>AuthToken</c> null): it would read <c>ANTHROPIC_API_KEY</c> behind <c>MicroPromptApiKeyVariable</c>'s
/// back. Its retries are off (the pipeline owns them) and so are its own OpenTelemetry spans (the build's telemetry
/// records model calls through Microsoft.Extensions.AI, with the GenAI conventions).</para>
/// <para>Usage: the adapter reports input tokens including <c>cache_creation_input_tokens</c> and
/// <c>cache_read_input_tokens</c>; a <c>stop_reason</c> of <c>refusal</c> is the finish reason <c>content_filter</c>,
/// which the generator reports as a refusal (MP2003).</para>
/// </remarks>
internal static class AnthropicChatClient
{
    /// <summary>The Messages API requires <c>max_tokens</c>; 8192 fits every current model and a micro-prompt's code.</summary>
    public const int MaxOutputTokens = 8192;

    public static IChatClient Create(ResolvedProvider provider, string model, string? key, HttpClient http)
    {
        var options = new ClientOptions
        {
            BaseUrl = BaseUrl(provider.Endpoint),
            HttpClient = http,
            ApiKey = null,
            AuthToken = null,
            MaxRetries = 0,
            Timeout = TimeSpan.FromDays(1), // the pipeline's per-attempt timeout decides
            OpenTelemetry = false,
            ExtraHeaders = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-api-key"] = key },
        };
        return new AnthropicClient(options).AsIChatClient(model, MaxOutputTokens);
    }

    /// <summary>The API root the SDK appends <c>/v1/messages</c> to: the endpoint without a trailing <c>/</c> or <c>/v1</c>.</summary>
    internal static string BaseUrl(Uri endpoint)
    {
        var root = endpoint.AbsoluteUri.TrimEnd('/');
        return root.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? root[..^3] : root;
    }
}
