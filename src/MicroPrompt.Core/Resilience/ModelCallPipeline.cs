using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MicroPrompt.Resilience;

/// <summary>
/// Builds the Polly pipeline every HTTP attempt to a model endpoint runs through, outermost first: retry (jittered
/// exponential backoff, <c>Retry-After</c> honoured) → circuit breaker (shared by all calls of a build) → per-attempt
/// timeout. The caller's cancellation is never retried and never counts as a failure.
/// </summary>
public static class ModelCallPipeline
{
    /// <summary>Creates the pipeline.</summary>
    /// <param name="options">Retry and breaker settings.</param>
    /// <param name="attemptTimeout">How long one attempt (request and complete reply) may take.</param>
    /// <param name="timeProvider">Clock for delays; tests may pass a fake.</param>
    public static ResiliencePipeline<HttpResponseMessage> Build(ModelCallResilience options, TimeSpan attemptTimeout, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, options.MaxDelay)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = 1.0,
            MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsEndpointFailure(args.Outcome)),
        });

        builder.AddTimeout(attemptTimeout);
        return builder.Build();
    }

    /// <summary>408, 429, transient 5xx, timeouts and connection failures; never the caller's cancellation or an open circuit.</summary>
    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransientStatus(response.StatusCode),
        BrokenCircuitException => false,
        var ex => IsTransientException(ex),
    };

    /// <summary>What says the endpoint itself is failing: connection failures, timeouts, 5xx (not 429: the server is alive).</summary>
    internal static bool IsEndpointFailure(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && (int)response.StatusCode >= 500,
        var ex => IsTransientException(ex),
    };

    private static bool IsTransientStatus(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));

    private static bool IsTransientException(Exception ex)
        => ex is HttpRequestException or IOException or SocketException or TimeoutRejectedException;

    /// <summary>The server's <c>Retry-After</c> (seconds or date), capped; null lets the backoff decide.</summary>
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan max)
    {
        var header = outcome.Result?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null;
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > max ? max : wait.Value;
    }
}
