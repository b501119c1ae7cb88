using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>
/// The example configurations of docs/providers.md: OpenAI-compatible services (OpenRouter, Gemini, DeepSeek, Mistral)
/// reached with <c>MicroPromptProvider=openai</c>, their base URL as <c>MicroPromptEndpoint</c> and their key variable as
/// <c>MicroPromptApiKeyVariable</c>, against the scripted server standing in for the service.
/// </summary>
public sealed class CompatibleEndpointTests : IAsyncLifetime
{
    private ScriptedModelServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/api/v1", "OPENROUTER_API_KEY", "anthropic/claude-haiku-4.5")]   // https://openrouter.ai/api/v1
    [InlineData("/v1beta/openai", "GEMINI_API_KEY", "gemini-2.5-flash")]          // https://generativelanguage.googleapis.com/v1beta/openai
    [InlineData("/v1", "DEEPSEEK_API_KEY", "deepseek-chat")]                      // https://api.deepseek.com/v1
    [InlineData("/v1", "MISTRAL_API_KEY", "codestral-latest")]                    // https://api.mistral.ai/v1
    public async Task A_compatible_service_gets_its_chat_path_model_and_bearer_key(string root, string keyVariable, string model)
    {
        _server.Enqueue(ScriptedReply.Completion("public static class Slug {}", promptTokens: 11, completionTokens: 5));
        var parsed = ProviderSettings.FromStrings("openai", _server.BaseUrl + root, keyVariable);
        var settings = new ProviderSettings { Provider = parsed.Provider, Endpoint = parsed.Endpoint, ApiKeyVariable = parsed.ApiKeyVariable, Resilience = ModelCallResilience.NoRetries };
        using var client = ChatClientFactory.Create(settings, model, name => name == keyVariable ? "sk-compatible-key" : null);

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal("public static class Slug {}", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(root + "/chat/completions", request.Path);
        Assert.Equal(ModelProtocol.OpenAI, request.Protocol);
        Assert.Equal("Bearer sk-compatible-key", request.Authorization);
        Assert.Equal(model, request.Model);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
    }

    [Fact]
    public async Task An_unset_key_variable_sends_the_placeholder_never_another_providers_key()
    {
        _server.Enqueue(ScriptedReply.Completion("ok"));
        var settings = ProviderSettings.FromStrings("openai", _server.BaseUrl + "/api/v1", "OPENROUTER_API_KEY");
        using var client = ChatClientFactory.Create(settings, "m", name => name == "OPENAI_API_KEY" ? "sk-openai" : null);

        await client.GetResponseAsync("hi");

        Assert.Equal("Bearer " + ChatClientFactory.PlaceholderApiKey, Assert.Single(_server.Requests).Authorization);
    }
}
