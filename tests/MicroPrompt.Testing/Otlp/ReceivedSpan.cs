using OpenTelemetry.Proto.Trace.V1;

namespace MicroPrompt.Testing.Otlp;

/// <summary>One span an <see cref="OtlpReceiver"/> received.</summary>
/// <param name="Span">The span as decoded.</param>
/// <param name="Scope">The instrumentation scope (the ActivitySource name).</param>
/// <param name="Resource">The resource attributes (service.name, …).</param>
/// <param name="Attributes">The span's attributes.</param>
public sealed record ReceivedSpan(Span Span, string Scope, IReadOnlyDictionary<string, object?> Resource, IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>The span's name.</summary>
    public string Name => Span.Name;

    /// <summary>Hex trace id.</summary>
    public string TraceId => Convert.ToHexString(Span.TraceId.Span);

    /// <summary>Hex span id.</summary>
    public string SpanId => Convert.ToHexString(Span.SpanId.Span);

    /// <summary>Hex parent span id; empty for a root span.</summary>
    public string ParentSpanId => Convert.ToHexString(Span.ParentSpanId.Span);

    /// <summary>An attribute's value, or null.</summary>
    public object? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    /// <summary>Every string this span carries (name, attributes, event names and attributes), for "no content" checks.</summary>
    public string AllText() => string.Join("\n", new[] { Name }
        .Concat(Attributes.Select(a => a.Key + "=" + a.Value))
        .Concat(Span.Events.SelectMany(e => new[] { e.Name }.Concat(OtlpValues.Attributes(e.Attributes).Select(a => a.Key + "=" + a.Value)))));

    /// <inheritdoc />
    public override string ToString() => $"{Scope}: {Name} [{string.Join(", ", Attributes.Select(a => a.Key + "=" + a.Value))}]";
}
