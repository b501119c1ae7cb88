using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Resilience;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace MicroPrompt.Models;

/// <summary>
/// Creates the <see cref="IChatClient"/> for a provider: the official OpenAI client (<c>openai</c>), the Azure OpenAI client
/// (<c>azure-openai</c>), OllamaSharp (<c>ollama</c>) or the official Anthropic client (<c>anthropic</c>), each through
/// Microsoft.Extensions.AI.
/// </summary>
/// <remarks>
/// <para>The API key is read from the environment variable named by <see cref="ProviderSettings.ApiKeyVariable"/> (or the
/// provider's default) at creation time; it is handed to the client and never stored, logged or put in a message.</para>
/// <para>Keys: OpenAI's and Anthropic's public endpoints (<c>api.openai.com</c>, <c>api.anthropic.com</c>) and Azure OpenAI
/// require one (MP1004 when the variable is not set or empty). A custom Anthropic endpoint (a gateway) without a key gets
/// no key header. A custom OpenAI-compatible endpoint — local servers such as llama.cpp, vLLM or LM Studio usually
/// need none — gets the placeholder key <c>unused</c> when the variable is not set. Ollama uses no key.</para>
/// <para>Failures of the returned client's calls are mapped to diagnostics by <see cref="ProviderErrors.Classify"/>.</para>
/// </remarks>
public static class ChatClientFactory
{
    /// <summary>The key sent to a custom OpenAI-compatible endpoint when the key variable is not set.</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>Creates a chat client for <paramref name="model"/> (for Azure OpenAI: the deployment name).</summary>
    /// <param name="settings">Provider, endpoint, key variable name, timeout.</param>
    /// <param name="model">Model id, or Azure deployment name.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable; default <see cref="Environment.GetEnvironmentVariable(string)"/>. Tests pass a fake.</param>
    /// <param name="http">
    /// The HttpClient to send through, from <see cref="ModelHttpClient.Create"/> (shared by every client of a build so one
    /// circuit breaker sees all calls); not disposed with the chat client. Null creates one owned by the chat client.
    /// </param>
    /// <exception cref="MicroPromptException">MP1001 (no model), MP1002 (unknown provider), MP1003 (bad or missing endpoint), MP1004 (key variable not set).</exception>
    public static IChatClient Create(ProviderSettings settings, string model, Func<string, string?>? getEnvironmentVariable = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new MicroPromptException(ModelServiceMessages.NoModel());
        }

        if (settings.Timeout <= TimeSpan.Zero)
        {
            throw new MicroPromptException(ModelServiceMessages.TimeoutNotPositive(settings.Timeout));
        }

        var provider = ProviderResolution.Resolve(settings);
        getEnvironmentVariable ??= Environment.GetEnvironmentVariable;
        model = model.Trim();

        var owned = http is null ? ModelHttpClient.Create(settings) : null;
        try
        {
            var client = provider.Name switch
            {
                ProviderNames.OpenAI => CreateOpenAI(provider, model, getEnvironmentVariable, http ?? owned!),
                ProviderNames.AzureOpenAI => CreateAzureOpenAI(provider, model, getEnvironmentVariable, http ?? owned!),
                ProviderNames.Anthropic => AnthropicChatClient.Create(provider, model, ReadKeyOrThrow(provider, getEnvironmentVariable, provider.IsPublicAnthropic), http ?? owned!),
                _ => CreateOllama(provider, model, http ?? owned!),
            };
            return owned is null ? client : new HttpClientOwningChatClient(client, owned);
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The client with Microsoft.Extensions.AI's OpenTelemetry middleware outermost (<c>UseOpenTelemetry</c>): a span per
    /// model call with the GenAI semantic conventions (model, provider, tokens, finish reason) and the
    /// <c>gen_ai.client.*</c> metrics. Messages (prompt text, code) are recorded only when <paramref name="includeContent"/>.
    /// </summary>
    public static IChatClient WithTelemetry(IChatClient client, bool includeContent)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AsBuilder()
            .UseOpenTelemetry(sourceName: Telemetry.MicroPromptTelemetry.ModelCallSourceName, configure: c => c.EnableSensitiveData = includeContent)
            .Build();
    }

    // Retries and time limits belong to the shared Polly pipeline (ModelCallPipeline): the SDK clients' own are off.
    private static void UsePipeline(ClientPipelineOptions options, HttpClient http)
    {
        options.Transport = new HttpClientPipelineTransport(http);
        options.RetryPolicy = new ClientRetryPolicy(0);
        options.NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    private static IChatClient CreateOpenAI(ResolvedProvider provider, string model, Func<string, string?> env, HttpClient http)
    {
        var key = ReadKey(provider, env);
        if (key is null)
        {
            if (provider.IsPublicOpenAI)
            {
                throw new MicroPromptException(KeyMissing(provider));
            }

            key = PlaceholderApiKey;
        }

        var options = new OpenAIClientOptions { Endpoint = provider.Endpoint };
        UsePipeline(options, http);
        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model).AsIChatClient();
    }

    private static IChatClient CreateAzureOpenAI(ResolvedProvider provider, string deployment, Func<string, string?> env, HttpClient http)
    {
        var key = ReadKey(provider, env) ?? throw new MicroPromptException(KeyMissing(provider));
        var options = new AzureOpenAIClientOptions();
        UsePipeline(options, http);
        return new AzureOpenAIClient(provider.Endpoint, new ApiKeyCredential(key), options).GetChatClient(deployment).AsIChatClient();
    }

    // OllamaSharp sends relative paths: the HttpClient from ModelHttpClient.Create has the endpoint as base address.
    private static IChatClient CreateOllama(ResolvedProvider provider, string model, HttpClient http)
    {
        if (http.BaseAddress is null)
        {
            throw new ArgumentException($"The HttpClient for {provider.DisplayEndpoint} has no base address; create it with ModelHttpClient.Create.", nameof(http));
        }

        return new OllamaApiClient(http, model);
    }

    /// <summary>The key, or null when it is not set and <paramref name="required"/> is false.</summary>
    /// <exception cref="MicroPromptException">MP1004 when it is required and not set.</exception>
    private static string? ReadKeyOrThrow(ResolvedProvider provider, Func<string, string?> env, bool required)
        => ReadKey(provider, env) ?? (required ? throw new MicroPromptException(KeyMissing(provider)) : null);

    private static string? ReadKey(ResolvedProvider provider, Func<string, string?> env)
    {
        if (provider.KeyVariable is null)
        {
            return null;
        }

        var value = env(provider.KeyVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static MicroPromptDiagnostic KeyMissing(ResolvedProvider provider)
        => ModelServiceMessages.ApiKeyMissing(provider.KeyVariable, provider.Name, provider.DisplayEndpoint);
}
