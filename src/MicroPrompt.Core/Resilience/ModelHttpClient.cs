using MicroPrompt.Models;

namespace MicroPrompt.Resilience;

/// <summary>
/// Creates the one <see cref="HttpClient"/> a build uses for model calls: every provider client gets it, so retries,
/// timeouts and the circuit breaker are one policy, applied the same way to OpenAI, Azure OpenAI and Ollama.
/// </summary>
public static class ModelHttpClient
{
    /// <summary>
    /// An HttpClient whose handler applies <see cref="ProviderSettings.Resilience"/> and <see cref="ProviderSettings.Timeout"/>
    /// per attempt. Its base address is the endpoint with a trailing slash (OllamaSharp resolves <c>api/chat</c> against
    /// it, so a path prefix survives); the OpenAI clients send absolute URIs.
    /// </summary>
    /// <exception cref="Diagnostics.MicroPromptException">MP1002, MP1003: unknown provider or bad endpoint.</exception>
    public static HttpClient Create(ProviderSettings settings, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = ProviderResolution.Resolve(settings).Endpoint;
        var pipeline = ModelCallPipeline.Build(settings.Resilience, settings.Timeout, timeProvider);

        // The pipeline owns time limits: the client's own timeout would cut retries short.
        return new HttpClient(new ResilientHttpHandler(pipeline))
        {
            BaseAddress = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }
}
