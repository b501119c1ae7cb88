using MicroPrompt.Diagnostics;

namespace MicroPrompt.Telemetry;

/// <summary>A running export of the build's spans and metrics (from <see cref="TelemetryExport.Start"/>).</summary>
public interface ITelemetryExport
{
    /// <summary>Whether model calls should carry their messages (<c>MicroPromptOtlpIncludeContent</c>).</summary>
    bool IncludeContent { get; }

    /// <summary>
    /// Flushes and stops, waiting at most the flush timeout for traces and then for metrics. Never throws; returns the
    /// MP1051 warning when the collector could not be reached, refused the data, or did not answer in time.
    /// </summary>
    MicroPromptDiagnostic? Stop();
}
