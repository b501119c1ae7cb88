namespace MicroPrompt.Telemetry;

/// <summary>Where and what the build exports over OTLP/HTTP (protobuf). See docs/telemetry.md.</summary>
public sealed record TelemetryOptions
{
    /// <summary>Default bound on the final flush of traces and of metrics, each.</summary>
    public static readonly TimeSpan DefaultFlushTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The collector's base URL (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> semantics): spans go to <c>{Endpoint}/v1/traces</c>,
    /// metrics to <c>{Endpoint}/v1/metrics</c>.
    /// </summary>
    public required Uri Endpoint { get; init; }

    /// <summary><c>MicroPromptOtlpIncludeContent</c>: model-call spans carry the messages (prompt text, code). Off by default.</summary>
    public bool IncludeContent { get; init; }

    /// <summary>The project's name (resource attribute <c>microprompt.project</c>).</summary>
    public string? ProjectName { get; init; }

    /// <summary>The SDK's version (<c>service.version</c>).</summary>
    public string? ServiceVersion { get; init; }

    /// <summary>How long the final flush of traces, and then of metrics, may take; the build never waits longer.</summary>
    public TimeSpan FlushTimeout { get; init; } = DefaultFlushTimeout;
}
