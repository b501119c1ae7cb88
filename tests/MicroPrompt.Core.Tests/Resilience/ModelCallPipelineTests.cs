using System.Diagnostics;
using MicroPrompt.Core.Tests.Models;
using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Resilience;

/// <summary>The one Polly pipeline of model calls, driven through the real provider clients against a fault-injecting server.</summary>
public sealed class ModelCallPipelineTests : IAsyncLifetime
{
    private static readonly ModelCallResilience Fast = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        BreakerMinimumThroughput = 3,
    };

    private ScriptedModelServer _server = null!;

    public static TheoryData<string> Providers => new(TestProvider.All);

    public async Task InitializeAsync() => _server = await ScriptedModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Transient_faults_are_retried_until_a_reply_comes(string provider)
    {
        _server.Enqueue(
            ScriptedReply.Error(503, "overloaded"),
            ScriptedReply.Abort(),
            ScriptedReply.Error(408, "slow"),
            ScriptedReply.Completion("finally"));
        var settings = Settings(provider, Fast);
        using var client = TestProvider.Create(settings, "m");

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal("finally", response.Text);
        Assert.Equal(4, _server.ChatRequestCount);
        Assert.Equal(200, _server.ChatRequests[^1].ResponseStatus);
    }

    [Theory]
    [InlineData(400, DiagnosticCodes.ProviderHttpError)]
    [InlineData(401, DiagnosticCodes.ProviderHttpError)]
    [InlineData(404, DiagnosticCodes.ProviderUnknownModel)]
    public async Task Client_errors_are_not_retried(int status, string code)
    {
        _server.Enqueue(ScriptedReply.Error(status), ScriptedReply.Completion("never asked for"));
        var settings = Settings(ProviderNames.OpenAI, Fast);
        using var client = TestProvider.Create(settings, "m");

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(TestProvider.Conversation()));

        Assert.Equal(code, ProviderErrors.Classify(ex, settings, "m")?.Code);
        Assert.Equal(1, _server.ChatRequestCount);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unreadable_replies_are_not_retried_and_are_MP1012(string provider)
    {
        foreach (var bad in new[] { ScriptedReply.Html(), ScriptedReply.Truncated(), ScriptedReply.EmptyChoices() })
        {
            _server.Reset();
            _server.Enqueue(bad, ScriptedReply.Completion("never asked for"));
            var settings = Settings(provider, Fast);
            using var client = TestProvider.Create(settings, "m");

            var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(TestProvider.Conversation()));

            Assert.True(ProviderErrors.Classify(ex, settings, "m")?.Code == DiagnosticCodes.ProviderBadResponse, $"{bad.Kind}: {ex}");
            Assert.Equal(1, _server.ChatRequestCount);
        }
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        _server.Enqueue(ScriptedReply.RateLimited(TimeSpan.FromSeconds(1)), ScriptedReply.Completion("ok"));
        using var client = TestProvider.Create(Settings(ProviderNames.OpenAI, Fast), "m");
        var clock = Stopwatch.StartNew();

        var response = await client.GetResponseAsync(TestProvider.Conversation());

        Assert.Equal("ok", response.Text);
        Assert.Equal([429, 200], _server.ChatRequests.Select(r => r.ResponseStatus));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}, before Retry-After (1 s); the backoff alone is 5 ms");
    }

    [Fact]
    public async Task Each_attempt_has_the_timeout_and_a_timed_out_call_is_MP1014()
    {
        _server.Enqueue(
            ScriptedReply.Completion("late").After(TimeSpan.FromSeconds(20)),
            ScriptedReply.Completion("late").After(TimeSpan.FromSeconds(20)));
        var settings = Settings(ProviderNames.OpenAI, Fast with { MaxRetries = 1 }, TimeSpan.FromMilliseconds(300));
        using var client = TestProvider.Create(settings, "m");
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(TestProvider.Conversation()));

        Assert.Equal(DiagnosticCodes.ProviderTimeout, ProviderErrors.Classify(ex, settings, "m")?.Code);
        Assert.Equal(2, _server.ChatRequestCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_failing_endpoint_opens_the_circuit_and_later_calls_fail_at_once_without_a_request()
    {
        _server.Responder = _ => ScriptedReply.Error(503, "down");
        var settings = Settings(ProviderNames.OpenAI, Fast);
        using var http = ModelHttpClient.Create(settings);
        using var first = ChatClientFactory.Create(settings, "a", _ => TestProvider.Key, http);
        using var second = ChatClientFactory.Create(settings, "b", _ => TestProvider.Key, http);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => first.GetResponseAsync(TestProvider.Conversation()));
        Assert.Equal(3, _server.ChatRequestCount); // the third failure opens the circuit; the 4th attempt is rejected
        Assert.Equal(DiagnosticCodes.ProviderUnreachable, ProviderErrors.Classify(ex, settings, "a")?.Code);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            var again = await Assert.ThrowsAnyAsync<Exception>(() => second.GetResponseAsync(TestProvider.Conversation()));
            var diagnostic = ProviderErrors.Classify(again, settings, "b");
            Assert.Equal(DiagnosticCodes.ProviderUnreachable, diagnostic?.Code);
            Assert.Contains(_server.OpenAIEndpoint, diagnostic!.Message);
            Assert.Contains("MicroPromptEndpoint", diagnostic.Message);
        }

        Assert.Equal(3, _server.ChatRequestCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"open circuit took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_dead_endpoint_fails_fast_for_many_concurrent_callers()
    {
        var settings = new ProviderSettings
        {
            Endpoint = new Uri($"http://127.0.0.1:{TestProvider.ClosedPort()}/v1"),
            ApiKeyVariable = TestProvider.KeyVariable,
            Resilience = Fast with { BaseDelay = TimeSpan.FromMilliseconds(200) },
        };
        using var http = ModelHttpClient.Create(settings);
        using var client = ChatClientFactory.Create(settings, "m", _ => TestProvider.Key, http);
        var clock = Stopwatch.StartNew();

        var failures = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(TestProvider.Conversation()))));

        Assert.All(failures, f => Assert.Equal(DiagnosticCodes.ProviderUnreachable, ProviderErrors.Classify(f, settings, "m")?.Code));
        // Without the breaker every caller would retry through 200 + 400 + 800 ms of backoff and end on a connection
        // error; with it, the calls after the first failures are rejected by the open circuit without a connection.
        // (Counted, not timed: a wall-clock bound is flaky on a loaded 2-core machine.)
        var rejected = failures.Count(f => Chain(f).OfType<Polly.CircuitBreaker.BrokenCircuitException>().Any());
        Assert.True(rejected >= failures.Length / 2, $"{rejected} of {failures.Length} calls were rejected by the open circuit");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}"); // never hangs
    }

    [Fact]
    public async Task Caller_cancellation_stops_a_call_at_once_and_is_not_retried()
    {
        _server.Enqueue(ScriptedReply.Completion("late").After(TimeSpan.FromSeconds(20)), ScriptedReply.Completion("never"));
        var settings = Settings(ProviderNames.OpenAI, Fast);
        using var client = TestProvider.Create(settings, "m");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(TestProvider.Conversation(), cancellationToken: cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(DiagnosticCodes.Cancelled, ProviderErrors.Classify(ex, settings, "m", cts.Token)?.Code);
        Assert.Equal(1, _server.ChatRequestCount);
    }

    private ProviderSettings Settings(string provider, ModelCallResilience resilience, TimeSpan? timeout = null)
        => new()
        {
            Provider = provider,
            Endpoint = provider == ProviderNames.OpenAI ? new Uri(_server.OpenAIEndpoint) : _server.BaseUri,
            ApiKeyVariable = provider == ProviderNames.Ollama ? null : TestProvider.KeyVariable,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Resilience = resilience,
        };

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
