using MicroPrompt.Diagnostics;
using MicroPrompt.Telemetry;

namespace MicroPrompt.Core.Tests.Telemetry;

public sealed class TelemetryEndpointTests
{
    [Fact]
    public void Nothing_set_means_no_telemetry()
    {
        Assert.Null(TelemetryEndpoint.Resolve(null, null, out var problem));
        Assert.Null(problem);
        Assert.Null(TelemetryEndpoint.Resolve("  ", "", out problem));
        Assert.Null(problem);
    }

    [Fact]
    public void The_property_wins_over_the_standard_variable()
    {
        Assert.Equal(new Uri("http://collector:4318"), TelemetryEndpoint.Resolve("http://collector:4318", "http://other:4318", out _));
        Assert.Equal(new Uri("https://otel.example.com/"), TelemetryEndpoint.Resolve(null, "https://otel.example.com", out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_bad_property_is_an_MP1050_error_a_bad_variable_an_MP1050_warning_and_no_telemetry()
    {
        Assert.Null(TelemetryEndpoint.Resolve("localhost:4318", null, out var error));
        Assert.Equal(DiagnosticCodes.TelemetryEndpointInvalid, error?.Code);
        Assert.Equal(DiagnosticSeverity.Error, error!.Severity);
        Assert.Contains("MicroPromptOtlpEndpoint", error.Message);

        Assert.Null(TelemetryEndpoint.Resolve(null, "grpc://collector:4317", out var warning));
        Assert.Equal(DiagnosticCodes.TelemetryEndpointInvalid, warning?.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning!.Severity);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", warning.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "traces", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://127.0.0.1:4318/", "metrics", "http://127.0.0.1:4318/v1/metrics")]
    [InlineData("https://gateway.example.com/otlp", "traces", "https://gateway.example.com/otlp/v1/traces")]
    public void Signals_go_under_the_base_endpoint(string endpoint, string signal, string expected)
    {
        Assert.Equal(new Uri(expected), TelemetryEndpoint.Signal(new Uri(endpoint), signal));
    }
}
