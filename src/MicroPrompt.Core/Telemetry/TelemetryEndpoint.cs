using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Telemetry;

/// <summary>
/// Which OTLP endpoint a build exports to: <c>MicroPromptOtlpEndpoint</c> when set, else the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; neither set means no telemetry at all.
/// </summary>
public static class TelemetryEndpoint
{
    /// <summary>The standard environment variable of OTLP exporters.</summary>
    public const string EnvironmentVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The endpoint, or null when telemetry is off or the value is bad (then <paramref name="problem"/> says why).</summary>
    /// <param name="property">The <c>MicroPromptOtlpEndpoint</c> property; wins when not blank.</param>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>.</param>
    /// <param name="problem">MP1050: an error for a bad property; a warning (telemetry off) for a bad variable, which other tools share.</param>
    public static Uri? Resolve(string? property, string? environmentValue, out MicroPromptDiagnostic? problem)
    {
        problem = null;
        var fromProperty = !string.IsNullOrWhiteSpace(property);
        var text = fromProperty ? property!.Trim() : environmentValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
        {
            return uri;
        }

        var shown = Models.EndpointDisplay.Redact(text); // user info and query may hold a token
        problem = TelemetryMessages.EndpointInvalid(shown, fromProperty ? "MicroPromptOtlpEndpoint" : EnvironmentVariable, fromProperty);
        return null;
    }

    /// <summary>A signal's URL under the base endpoint: <c>{endpoint}/v1/traces</c> or <c>{endpoint}/v1/metrics</c>.</summary>
    public static Uri Signal(Uri endpoint, string signal) => new(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/v1/" + signal);
}
