using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>The real OpenAI, Azure OpenAI, Ollama and Anthropic clients from <see cref="ChatClientFactory"/> against a scripted server.</summary>
public sealed class ProviderClientTests : IAsyncLifetime
{
    private ScriptedModelServer _server = null!;

    public static TheoryData<string> Providers => new(TestProvider.All);

    public async Task InitializeAsync() => _server = await ScriptedModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reply_text_and_usage_come_back_and_the_server_sees_model_messages_and_key(string provider)
    {
        _server.Enqueue(ScriptedReply.Completion("public static class Slug {}", promptTokens: 42, completionTokens: 7, model: "reported-model"));
        using var client = TestProvider.Create(TestProvider.Settings(provider, _server), "my-model");

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal("public static class Slug {}", response.Text);
        Assert.Equal(42, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("reported-model", response.ModelId);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(TestProvider.ExpectedChatPath(provider, "my-model"), request.Path);
        Assert.False(request.Stream);
        Assert.Equal(200, request.ResponseStatus);
        Assert.Equal(
            [new RecordedMessage("system", "You write C#."), new RecordedMessage("user", "Write a slug function.")],
            request.Messages);
        switch (provider)
        {
            case ProviderNames.OpenAI:
                Assert.Equal("my-model", request.Model);
                Assert.Equal("Bearer " + TestProvider.Key, request.Authorization);
                break;
            case ProviderNames.AzureOpenAI:
                Assert.Equal("my-model", request.Deployment);
                Assert.Equal(TestProvider.Key, request.ApiKey);
                Assert.Null(request.Authorization);
                Assert.Contains("api-version=", request.QueryString);
                break;
            case ProviderNames.Anthropic:
                Assert.Equal("my-model", request.Model);
                Assert.Equal(TestProvider.Key, request.XApiKey);
                Assert.Null(request.Authorization);
                Assert.False(string.IsNullOrEmpty(request.AnthropicVersion), "the Messages API needs an anthropic-version header");
                break;
            default:
                Assert.Equal("my-model", request.Model);
                Assert.Null(request.Authorization);
                Assert.Null(request.ApiKey);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Streaming_replies_are_assembled(string provider)
    {
        _server.Enqueue(ScriptedReply.Completion("streamed reply text", promptTokens: 5, completionTokens: 3));
        using var client = TestProvider.Create(TestProvider.Settings(provider, _server), "stream-model");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(TestProvider.Conversation()))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("streamed reply text", response.Text);
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1, "the reply should arrive in several chunks");
        Assert.True(Assert.Single(_server.Requests).Stream);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Content_filter_finish_reason_surfaces(string provider)
    {
        _server.Enqueue(ScriptedReply.ContentFiltered("partial"));
        using var client = TestProvider.Create(TestProvider.Settings(provider, _server), "m");

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
    }

    public static TheoryData<string, string, string> Failures()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in TestProvider.All)
        {
            data.Add(provider, "500", DiagnosticCodes.ProviderHttpError);
            data.Add(provider, "401", DiagnosticCodes.ProviderHttpError);
            data.Add(provider, "429", DiagnosticCodes.ProviderHttpError);
            data.Add(provider, "404", DiagnosticCodes.ProviderUnknownModel);
            data.Add(provider, "html", DiagnosticCodes.ProviderBadResponse);
            data.Add(provider, "truncated", DiagnosticCodes.ProviderBadResponse);
            data.Add(provider, "empty", DiagnosticCodes.ProviderBadResponse);
            data.Add(provider, "abort", DiagnosticCodes.ProviderUnreachable);
            data.Add(provider, "refused", DiagnosticCodes.ProviderUnreachable);
            data.Add(provider, "timeout", DiagnosticCodes.ProviderTimeout);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failures_classify_to_their_diagnostic(string provider, string failure, string expectedCode)
    {
        var settings = TestProvider.Settings(provider, _server, timeout: failure == "timeout" ? TimeSpan.FromMilliseconds(300) : null);
        switch (failure)
        {
            case "500": _server.Enqueue(ScriptedReply.Error(500, "upstream exploded")); break;
            case "401": _server.Enqueue(ScriptedReply.Error(401, "Incorrect API key provided: " + TestProvider.Key)); break;
            case "429": _server.Enqueue(ScriptedReply.RateLimited(TimeSpan.FromSeconds(1))); break;
            case "404": _server.Enqueue(ScriptedReply.Error(404, "The model does not exist")); break;
            case "html": _server.Enqueue(ScriptedReply.Html()); break;
            case "truncated": _server.Enqueue(ScriptedReply.Truncated("a reply that is cut in the middle of its JSON")); break;
            case "empty": _server.Enqueue(ScriptedReply.EmptyChoices()); break;
            case "abort": _server.Enqueue(ScriptedReply.Abort()); break;
            case "timeout": _server.Enqueue(ScriptedReply.Completion("too late").After(TimeSpan.FromSeconds(10))); break;
            case "refused":
                var closed = new UriBuilder(settings.Endpoint!) { Port = TestProvider.ClosedPort() }.Uri;
                settings = TestProvider.Settings(provider, closed);
                break;
        }

        using var client = TestProvider.Create(settings, "my-model");
        var started = DateTime.UtcNow;
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(TestProvider.Conversation()));

        var diagnostic = ProviderErrors.Classify(exception, settings, "my-model");

        Assert.True(diagnostic is not null, $"not classified: {exception.GetType().FullName}: {exception.Message}");
        Assert.True(expectedCode == diagnostic.Code, $"expected {expectedCode}, got {diagnostic}; exception {exception.GetType().FullName}: {exception.Message}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotContain(TestProvider.Key, diagnostic.Message);
        Assert.DoesNotContain("SECRET", diagnostic.Message);
        Assert.Contains(provider, diagnostic.Message);
        if (failure == "401" && provider != ProviderNames.Ollama)
        {
            Assert.Contains(TestProvider.KeyVariable, diagnostic.Message);
        }

        if (failure == "500" && provider != ProviderNames.Ollama)
        {
            Assert.Contains("upstream exploded", diagnostic.Message);
        }

        if (failure == "429")
        {
            Assert.Contains("rate-limited", diagnostic.Message);
        }

        if (failure == "refused")
        {
            Assert.Contains("Could not reach", diagnostic.Message);
            Assert.Contains(":" + settings.Endpoint!.Port, diagnostic.Message);
        }

        if (failure == "404")
        {
            Assert.Contains("'my-model'", diagnostic.Message);
        }

        if (failure == "timeout")
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(8), "the short timeout should end the call early");
        }

        if (failure != "refused")
        {
            Assert.Equal(1, _server.ChatRequestCount);
        }
    }

    [Fact]
    public async Task Caller_cancellation_is_reported_as_cancelled_not_timeout()
    {
        _server.Enqueue(ScriptedReply.Completion("late").After(TimeSpan.FromSeconds(10)));
        var settings = TestProvider.Settings(ProviderNames.OpenAI, _server);
        using var client = TestProvider.Create(settings, "m");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(TestProvider.Conversation(), cancellationToken: cts.Token));

        Assert.Equal(DiagnosticCodes.Cancelled, ProviderErrors.Classify(exception, settings, "m", cts.Token)?.Code);
    }

    [Fact]
    public async Task Retries_honour_the_resilience_settings()
    {
        _server.Enqueue(ScriptedReply.Error(500, "first fails"), ScriptedReply.Completion("second works"));
        var settings = new ProviderSettings
        {
            Provider = ProviderNames.OpenAI,
            Endpoint = new Uri(_server.OpenAIEndpoint),
            ApiKeyVariable = TestProvider.KeyVariable,
            Resilience = new ModelCallResilience { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10) },
        };
        using var client = TestProvider.Create(settings, "m");

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal("second works", response.Text);
        Assert.Equal([500, 200], _server.Requests.Select(r => r.ResponseStatus));
    }
}
