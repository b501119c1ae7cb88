using System.Runtime.CompilerServices;

namespace MicroPrompt.Telemetry;

/// <summary>
/// Starts exporting the build's spans (<see cref="MicroPromptTelemetry.SourceName"/> and the model calls of
/// <see cref="MicroPromptTelemetry.ModelCallSourceName"/>) and metrics over OTLP/HTTP protobuf. The only path into the
/// OpenTelemetry assemblies: call it only when an endpoint is set, so a build without one never loads them.
/// </summary>
public static class TelemetryExport
{
    /// <summary>Starts the export.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ITelemetryExport Start(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OtlpTelemetryExport(options);
    }
}
