using MicroPrompt.Settings;
namespace MicroPrompt.Resilience;

/// <summary>
/// How model calls survive faults: retries with jittered exponential backoff (honouring <c>Retry-After</c>) on 408, 429,
/// 5xx, timeouts and connection failures, and a circuit breaker shared by every call to one endpoint so a dead endpoint
/// fails the build once, fast. The per-attempt timeout is <see cref="Models.ProviderSettings.Timeout"/>.
/// </summary>
/// <remarks>Defaults suit real providers; tests shrink the delays so fault scenarios run in milliseconds.</remarks>
public sealed record ModelCallResilience
{
    /// <summary>The defaults: 3 retries from 1 s, breaker after 3 failures in a row.</summary>
    public static ModelCallResilience Default { get; } = new();

    /// <summary>No retry (the breaker still opens after <see cref="BreakerMinimumThroughput"/> failures).</summary>
    public static ModelCallResilience NoRetries { get; } = new() { MaxRetries = 0 };

    /// <summary>Retries after the first attempt (<c>MicroPromptMaxRetries</c>). 0 disables retrying.</summary>
    public int MaxRetries { get; init; } = SettingsCatalog.MaxRetries.Default;

    /// <summary>Delay before the first retry; each further retry doubles it, with jitter (<c>MicroPromptRetryDelayMilliseconds</c>).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(SettingsCatalog.RetryDelayMilliseconds.Default);

    /// <summary>Cap on one retry delay, including a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Randomize delays so concurrent callers do not retry in lock-step.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>
    /// Failures (connection errors, timeouts, 5xx) with no success in between, within <see cref="BreakerSamplingDuration"/>,
    /// that open the circuit. At least 2.
    /// </summary>
    public int BreakerMinimumThroughput { get; init; } = 3;

    /// <summary>The window over which the breaker counts failures.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit rejects calls before letting one probe through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(60);
}
