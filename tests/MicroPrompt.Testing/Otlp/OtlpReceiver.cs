using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace MicroPrompt.Testing.Otlp;

/// <summary>
/// A real OTLP/HTTP receiver (Kestrel on 127.0.0.1, random free port): <c>POST /v1/traces</c> and <c>POST /v1/metrics</c>
/// with <c>application/x-protobuf</c> bodies, decoded with the types generated from the vendored opentelemetry-proto
/// files. Everything received is kept; <see cref="Spans"/> and <see cref="Metrics"/> flatten it for assertions.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<ExportTraceServiceRequest> _traces = [];
    private readonly List<ExportMetricsServiceRequest> _metrics = [];
    private readonly List<string> _requests = [];
    private WebApplication? _app;

    private OtlpReceiver()
    {
    }

    /// <summary>The endpoint to configure (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): <c>http://127.0.0.1:{port}</c>, no path.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Every request as <c>METHOD /path content-type</c>, in arrival order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The trace export requests received.</summary>
    public IReadOnlyList<ExportTraceServiceRequest> TraceRequests
    {
        get
        {
            lock (_gate)
            {
                return _traces.ToArray();
            }
        }
    }

    /// <summary>The metrics export requests received.</summary>
    public IReadOnlyList<ExportMetricsServiceRequest> MetricRequests
    {
        get
        {
            lock (_gate)
            {
                return _metrics.ToArray();
            }
        }
    }

    /// <summary>Every span received, with its resource and scope.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => TraceRequests
        .SelectMany(r => r.ResourceSpans)
        .SelectMany(rs => rs.ScopeSpans.SelectMany(ss => ss.Spans.Select(span => new ReceivedSpan(
            span,
            ss.Scope?.Name ?? "",
            OtlpValues.Attributes(rs.Resource?.Attributes),
            OtlpValues.Attributes(span.Attributes)))))
        .ToList();

    /// <summary>Every metric data point received (sums, gauges and histograms), with its metric's name and unit.</summary>
    public IReadOnlyList<ReceivedMetricPoint> Metrics => MetricRequests
        .SelectMany(r => r.ResourceMetrics)
        .SelectMany(rm => rm.ScopeMetrics.SelectMany(sm => sm.Metrics.SelectMany(m => ReceivedMetricPoint.From(m, sm.Scope?.Name ?? ""))))
        .ToList();

    /// <summary>Starts a receiver on 127.0.0.1 with a free port.</summary>
    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var receiver = new OtlpReceiver();
        var (app, port) = await Internal.LoopbackHost.StartAsync(receiver.HandleAsync, cancellationToken).ConfigureAwait(false);
        receiver._app = app;
        receiver.Endpoint = $"http://127.0.0.1:{port}";
        return receiver;
    }

    /// <summary>Stops the receiver.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var path = request.Path.Value ?? "/";
        lock (_gate)
        {
            _requests.Add($"{request.Method} {path} {request.ContentType}");
        }

        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) != true)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        try
        {
            switch (path)
            {
                case "/v1/traces":
                    var traces = ExportTraceServiceRequest.Parser.ParseFrom(buffer.ToArray());
                    lock (_gate)
                    {
                        _traces.Add(traces);
                    }

                    await Reply(context, new ExportTraceServiceResponse()).ConfigureAwait(false);
                    return;
                case "/v1/metrics":
                    var metrics = ExportMetricsServiceRequest.Parser.ParseFrom(buffer.ToArray());
                    lock (_gate)
                    {
                        _metrics.Add(metrics);
                    }

                    await Reply(context, new ExportMetricsServiceResponse()).ConfigureAwait(false);
                    return;
                default:
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
            }
        }
        catch (InvalidProtocolBufferException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static Task Reply(HttpContext context, IMessage message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
        return context.Response.Body.WriteAsync(message.ToByteArray()).AsTask();
    }
}
