namespace MicroPrompt.Core.Tests.Telemetry;

/// <summary>The OpenTelemetry SDK listens process-wide: tests that start an export run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
