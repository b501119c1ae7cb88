using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MicroPrompt.Telemetry;

/// <summary>The OpenTelemetry SDK's tracer and meter providers with OTLP/HTTP exporters, for one build.</summary>
internal sealed class OtlpTelemetryExport : ITelemetryExport
{
    private const string ServiceName = "microprompt";

    private readonly TelemetryOptions _options;
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;
    private readonly ExportFailureListener _failures = new();
    private int _stopped;

    public OtlpTelemetryExport(TelemetryOptions options)
    {
        _options = options;
        var exportTimeout = (int)Math.Clamp(options.FlushTimeout.TotalMilliseconds, 100, int.MaxValue);
        _tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource(options))
            .SetSampler(new AlwaysOnSampler())
            .AddSource(MicroPromptTelemetry.SourceName, MicroPromptTelemetry.ModelCallSourceName)
            .AddOtlpExporter(o => Configure(o, TelemetryEndpoint.Signal(options.Endpoint, "traces"), exportTimeout))
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Resource(options))
            .AddMeter(MicroPromptTelemetry.SourceName, MicroPromptTelemetry.ModelCallSourceName)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, TelemetryEndpoint.Signal(options.Endpoint, "metrics"), exportTimeout);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000; // a build is short: the final flush exports
            })
            .Build();
    }

    public bool IncludeContent => _options.IncludeContent;

    public MicroPromptDiagnostic? Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return null;
        }

        var timeout = (int)Math.Clamp(_options.FlushTimeout.TotalMilliseconds, 1, int.MaxValue);
        bool flushed;
        try
        {
            flushed = _tracer.Shutdown(timeout) & _meter.Shutdown(timeout);
        }
        catch (Exception)
        {
            flushed = false; // an exporter must never fail the build
        }
        finally
        {
            _tracer.Dispose();
            _meter.Dispose();
        }

        var failed = _failures.Failures;
        _failures.Dispose();
        if (flushed && failed == 0)
        {
            return null;
        }

        return TelemetryMessages.ExportFailed(Display(_options.Endpoint), failed > 0, timeout / 1000.0);
    }

    private static void Configure(OtlpExporterOptions exporter, Uri url, int timeoutMilliseconds)
    {
        exporter.Endpoint = url;
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        exporter.TimeoutMilliseconds = timeoutMilliseconds;
        exporter.ExportProcessorType = ExportProcessorType.Batch;
    }

    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (read by CreateDefault) win over the defaults here.
    private static ResourceBuilder Resource(TelemetryOptions options)
    {
        var builder = ResourceBuilder.CreateEmpty();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            builder.AddService(ServiceName, serviceVersion: options.ServiceVersion, autoGenerateServiceInstanceId: false);
        }

        if (!string.IsNullOrWhiteSpace(options.ProjectName))
        {
            builder.AddAttributes([new KeyValuePair<string, object>("microprompt.project", options.ProjectName)]);
        }

        return builder.AddEnvironmentVariableDetector().AddTelemetrySdk();
    }

    // Scheme, host, port and path: user info and query may hold secrets.
    private static string Display(Uri endpoint) => endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
