using System.Diagnostics;
using System.Text.Json;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>
/// The official Anthropic client (<c>MicroPromptProvider=anthropic</c>) through <see cref="ChatClientFactory"/> against the
/// scripted server's Messages API: headers, body, usage with prompt-cache tokens, refusals and the API's error shapes
/// through the shared Polly pipeline. (The provider also runs every theory of <see cref="ProviderClientTests"/>.)
/// </summary>
public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private ScriptedModelServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ProviderSettings Settings(ModelCallResilience? resilience = null, Uri? endpoint = null) => new()
    {
        Provider = ProviderNames.Anthropic,
        Endpoint = endpoint ?? _server.AnthropicEndpoint,
        Timeout = TimeSpan.FromSeconds(30),
        Resilience = resilience ?? ModelCallResilience.NoRetries,
    };

    private static IChatClient Create(ProviderSettings settings, string model = "claude-haiku-4-5")
        => ChatClientFactory.Create(settings, model, name => name == ProviderResolution.AnthropicKeyVariable ? TestProvider.Key : null);

    [Fact]
    public async Task The_request_is_a_Messages_API_call_with_key_version_system_prompt_and_max_tokens()
    {
        _server.Enqueue(ScriptedReply.Completion("ok"));
        using var client = Create(Settings());

        await client.GetResponseAsync(TestProvider.Conversation(), new ChatOptions { Temperature = 0 });

        var request = Assert.Single(_server.Requests);
        Assert.Equal(ModelProtocol.Anthropic, request.Protocol);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal(TestProvider.Key, request.XApiKey);               // ANTHROPIC_API_KEY by default
        Assert.Null(request.Authorization);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request.AnthropicVersion);
        Assert.Equal("claude-haiku-4-5", request.Model);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(AnthropicChatClient.MaxOutputTokens, body.RootElement.GetProperty("max_tokens").GetInt32());
        // The Messages API of Anthropic SDK 13.x has no sampling parameters: a temperature is not sent (docs/providers.md).
        Assert.False(body.RootElement.TryGetProperty("temperature", out _));
        Assert.Equal("You write C#.", request.LastMessage("system"));
        Assert.Equal("Write a slug function.", request.LastMessage("user"));
    }

    [Fact]
    public async Task Input_tokens_include_the_prompt_cache_writes_and_reads()
    {
        _server.Enqueue(ScriptedReply.Completion("ok", promptTokens: 12, completionTokens: 7).WithCacheTokens(creation: 100, read: 1000));
        using var client = Create(Settings());

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal(12 + 100 + 1000, response.Usage?.InputTokenCount);
        Assert.Equal(1000, response.Usage?.CachedInputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task A_refusal_stop_reason_is_a_refused_generation_MP2003_with_cache_tokens_counted()
    {
        _server.Enqueue(ScriptedReply.Refusal("").WithCacheTokens(creation: 5, read: 0));
        using var client = Create(Settings());
        var generator = new CodeGenerator(_ => client, new Generation.FakeCompileChecker(), providerName: ProviderNames.Anthropic);

        var outcome = await generator.GenerateAsync(Generation.GenerationSamples.Request(), CancellationToken.None);

        Assert.Equal(GenerationStatus.Refused, outcome.Status);
        Assert.Equal(DiagnosticCodes.Refused, outcome.FailureCode);
        Assert.Equal(new UsageTotals(10 + 5, 20), outcome.Usage);
        Assert.Equal(1, _server.ChatRequestCount); // a refusal is never retried
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_header()
    {
        _server.Enqueue(ScriptedReply.RateLimited(TimeSpan.FromSeconds(1)), ScriptedReply.Completion("after the wait"));
        using var client = Create(Settings(new ModelCallResilience { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false }));
        var clock = Stopwatch.StartNew();

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal("after the wait", response.Text);
        Assert.Equal([429, 200], _server.Requests.Select(r => r.ResponseStatus));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"the retry came after {clock.ElapsedMilliseconds} ms, before the 1 s retry-after");
    }

    [Fact]
    public async Task A_529_overloaded_is_retried_and_when_it_persists_is_MP1011_saying_overloaded()
    {
        _server.Enqueue(ScriptedReply.Overloaded(), ScriptedReply.Completion("recovered"));
        using (var client = Create(Settings(new ModelCallResilience { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10) })))
        {
            Assert.Equal("recovered", (await client.GetResponseAsync(TestProvider.Conversation())).Text);
        }

        _server.Reset();
        _server.Enqueue(ScriptedReply.Overloaded(), ScriptedReply.Overloaded());
        var settings = Settings(new ModelCallResilience { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10) });
        using var failing = Create(settings);
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => failing.GetResponseAsync(TestProvider.Conversation()));

        var diagnostic = ProviderErrors.Classify(exception, settings, "claude-haiku-4-5");
        Assert.Equal(DiagnosticCodes.ProviderHttpError, diagnostic?.Code);
        Assert.Contains("overloaded (HTTP 529)", diagnostic!.Message);
        Assert.Equal([529, 529], _server.Requests.Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task A_401_is_MP1011_naming_the_key_variable_never_the_key_and_is_not_retried()
    {
        _server.Enqueue(ScriptedReply.Error(401, "invalid x-api-key " + TestProvider.Key));
        var settings = Settings(new ModelCallResilience { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10) });
        using var client = Create(settings);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(TestProvider.Conversation()));

        var diagnostic = ProviderErrors.Classify(exception, settings, "claude-haiku-4-5");
        Assert.Equal(DiagnosticCodes.ProviderHttpError, diagnostic?.Code);
        Assert.Contains(ProviderResolution.AnthropicKeyVariable, diagnostic!.Message);
        Assert.DoesNotContain(TestProvider.Key, diagnostic.Message);
        Assert.Equal(1, _server.ChatRequestCount);
    }

    [Fact]
    public async Task An_endpoint_ending_in_v1_still_calls_v1_messages_and_a_path_prefix_is_kept()
    {
        _server.Enqueue(ScriptedReply.Completion("a"), ScriptedReply.Completion("b"));
        using (var client = Create(Settings(endpoint: new Uri(_server.BaseUrl + "/v1/"))))
        {
            await client.GetResponseAsync("hi");
        }

        Assert.Equal("/v1/messages", _server.Requests[^1].Path);
        Assert.Equal(_server.BaseUrl + "/gateway/anthropic", AnthropicChatClient.BaseUrl(new Uri(_server.BaseUrl + "/gateway/anthropic/v1")));
    }

    [Fact]
    public void The_public_endpoint_needs_the_key_a_gateway_does_not()
    {
        var publicApi = new ProviderSettings { Provider = ProviderNames.Anthropic };
        var ex = Assert.Throws<MicroPromptException>(() => ChatClientFactory.Create(publicApi, "claude-haiku-4-5", _ => null));
        Assert.Equal(DiagnosticCodes.ApiKeyMissing, ex.Diagnostic.Code);
        Assert.Contains("ANTHROPIC_API_KEY", ex.Message);
        Assert.Contains("api.anthropic.com", ex.Message);

        using var gateway = ChatClientFactory.Create(Settings(), "claude-haiku-4-5", _ => null);
        Assert.NotNull(gateway);
    }

    [Fact]
    public async Task A_gateway_without_a_key_gets_no_key_header()
    {
        _server.Enqueue(ScriptedReply.Completion("ok"));
        using var client = ChatClientFactory.Create(Settings(), "claude-haiku-4-5", _ => null);

        await client.GetResponseAsync("hi");

        var request = Assert.Single(_server.Requests);
        Assert.Null(request.XApiKey);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public void The_provider_name_parses_and_defaults_to_the_public_API_and_ANTHROPIC_API_KEY()
    {
        var settings = ProviderSettings.FromStrings(" Anthropic ", null, null);
        Assert.Equal(ProviderNames.Anthropic, settings.Provider);
        var resolved = ProviderResolution.Resolve(settings);
        Assert.Equal(new Uri("https://api.anthropic.com"), resolved.Endpoint);
        Assert.Equal("ANTHROPIC_API_KEY", resolved.KeyVariable);
        Assert.Contains(ProviderNames.Anthropic, ProviderNames.All);
    }

    [Theory]
    [InlineData("claude-haiku-4-5", 1_000_000, 1_000_000, "6.00")]
    [InlineData("claude-haiku-4-5-20251001", 1_000_000, 0, "1.00")]
    [InlineData("claude-sonnet-4-5", 10_000, 2_000, "0.06")]
    [InlineData("claude-opus-4-5", 1_000_000, 1_000_000, "30.00")]
    [InlineData("claude-opus-4-1", 1_000_000, 0, "15.00")]
    public void Claude_models_are_priced_in_their_API_ids(string model, long input, long output, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceTable.Default.Cost(model, new UsageTotals(input, output)));
    }
}
