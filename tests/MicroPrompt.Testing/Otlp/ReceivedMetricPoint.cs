using OpenTelemetry.Proto.Metrics.V1;

namespace MicroPrompt.Testing.Otlp;

/// <summary>One data point of a metric an <see cref="OtlpReceiver"/> received.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Scope">The instrumentation scope (the Meter name).</param>
/// <param name="Attributes">The point's attributes.</param>
/// <param name="Value">A sum's or gauge's value; a histogram's sum.</param>
/// <param name="Count">A histogram's count; 1 for sums and gauges.</param>
public sealed record ReceivedMetricPoint(string Name, string Unit, string Scope, IReadOnlyDictionary<string, object?> Attributes, double Value, ulong Count)
{
    /// <summary>An attribute's value, or null.</summary>
    public object? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    internal static IEnumerable<ReceivedMetricPoint> From(Metric metric, string scope)
    {
        IEnumerable<NumberDataPoint> numbers = metric.DataCase switch
        {
            Metric.DataOneofCase.Sum => metric.Sum.DataPoints,
            Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints,
            _ => [],
        };
        foreach (var point in numbers)
        {
            var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
            yield return new ReceivedMetricPoint(metric.Name, metric.Unit, scope, OtlpValues.Attributes(point.Attributes), value, 1);
        }

        if (metric.DataCase == Metric.DataOneofCase.Histogram)
        {
            foreach (var point in metric.Histogram.DataPoints)
            {
                yield return new ReceivedMetricPoint(metric.Name, metric.Unit, scope, OtlpValues.Attributes(point.Attributes), point.Sum, point.Count);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Scope}: {Name} = {Value} ({Count}) [{string.Join(", ", Attributes.Select(a => a.Key + "=" + a.Value))}]";
}
