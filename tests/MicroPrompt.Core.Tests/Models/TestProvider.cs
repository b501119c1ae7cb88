using System.Net;
using System.Net.Sockets;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>Builds real provider clients from <see cref="ChatClientFactory"/> pointed at a <see cref="ScriptedModelServer"/>.</summary>
internal static class TestProvider
{
    public const string Key = "sk-test-SECRET-0123456789";
    public const string KeyVariable = "MP_TEST_MODEL_KEY";

    public static readonly string[] All = [ProviderNames.OpenAI, ProviderNames.AzureOpenAI, ProviderNames.Ollama, ProviderNames.Anthropic];

    public static ProviderSettings Settings(string provider, Uri endpoint, TimeSpan? timeout = null) => new()
    {
        Provider = provider,
        Endpoint = endpoint,
        ApiKeyVariable = provider == ProviderNames.Ollama ? null : KeyVariable,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        Resilience = ModelCallResilience.NoRetries,
    };

    public static ProviderSettings Settings(string provider, ScriptedModelServer server, TimeSpan? timeout = null)
        => Settings(provider, provider == ProviderNames.OpenAI ? new Uri(server.OpenAIEndpoint) : server.BaseUri, timeout);

    public static IChatClient Create(ProviderSettings settings, string model)
        => ChatClientFactory.Create(settings, model, name => name == KeyVariable ? Key : null);

    public static string ExpectedChatPath(string provider, string model) => provider switch
    {
        ProviderNames.OpenAI => "/v1/chat/completions",
        ProviderNames.AzureOpenAI => $"/openai/deployments/{model}/chat/completions",
        ProviderNames.Anthropic => "/v1/messages",
        _ => "/api/chat",
    };

    public static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You write C#."),
        new(ChatRole.User, "Write a slug function."),
    ];

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
