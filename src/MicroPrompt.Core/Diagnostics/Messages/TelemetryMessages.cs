namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The messages of the OTLP telemetry export (MP1050, MP1051). The build itself never fails on the collector.</summary>
internal static class TelemetryMessages
{
    /// <param name="shown">The endpoint as given, shortened.</param>
    /// <param name="source">The property or environment variable it came from.</param>
    /// <param name="fromProperty">An error for the property; a warning (telemetry off) for the shared environment variable.</param>
    public static MicroPromptDiagnostic EndpointInvalid(string shown, string source, bool fromProperty)
    {
        var message = $"The OTLP endpoint '{shown}' ({source}) is not an absolute http(s) URL. "
            + "Set it to the collector's OTLP/HTTP base URL, e.g. http://localhost:4318 (traces go to /v1/traces, metrics to /v1/metrics)"
            + (fromProperty ? "." : ", or unset it. This build exports no telemetry.");
        return fromProperty
            ? MicroPromptDiagnostic.Error(DiagnosticCodes.TelemetryEndpointInvalid, message)
            : MicroPromptDiagnostic.Warning(DiagnosticCodes.TelemetryEndpointInvalid, message);
    }

    /// <param name="refused">The collector could not be reached or refused the data (else it did not answer in time).</param>
    public static MicroPromptDiagnostic ExportFailed(string endpoint, bool refused, double timeoutSeconds) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.TelemetryExportFailed,
        $"The build's telemetry could not be exported to the OTLP collector at {endpoint} "
        + (refused ? "(it could not be reached or refused the data)" : $"(it did not answer within {timeoutSeconds:0.#} s)")
        + ". Check OTEL_EXPORTER_OTLP_ENDPOINT / MicroPromptOtlpEndpoint and that the collector accepts OTLP/HTTP protobuf; the build itself is not affected.");
}
