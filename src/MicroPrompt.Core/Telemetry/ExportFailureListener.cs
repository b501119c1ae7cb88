using System.Diagnostics.Tracing;

namespace MicroPrompt.Telemetry;

/// <summary>
/// Counts the OTLP exporter's error and warning events (collector unreachable, an HTTP error, an export exception): the
/// exporter never throws, so its self-diagnostics are the only sign that nothing arrived.
/// </summary>
internal sealed class ExportFailureListener : EventListener
{
    private const string ExporterEventSource = "OpenTelemetry-Exporter-OpenTelemetryProtocol";
    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == ExporterEventSource)
        {
            EnableEvents(eventSource, EventLevel.Warning);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventSource.Name == ExporterEventSource && eventData.Level is EventLevel.Error or EventLevel.Critical or EventLevel.Warning)
        {
            Interlocked.Increment(ref _failures);
        }
    }
}
