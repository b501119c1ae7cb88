using Google.Protobuf.Collections;
using OpenTelemetry.Proto.Common.V1;

namespace MicroPrompt.Testing.Otlp;

/// <summary>OTLP attribute lists as plain dictionaries (strings, longs, doubles, bools; arrays joined with ',').</summary>
public static class OtlpValues
{
    /// <summary>The attributes by key; a value of a kind not listed above is its protobuf text.</summary>
    public static IReadOnlyDictionary<string, object?> Attributes(RepeatedField<KeyValue>? attributes)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            result[attribute.Key] = Value(attribute.Value);
        }

        return result;
    }

    /// <summary>One attribute value as a CLR value.</summary>
    public static object? Value(AnyValue? value) => value?.ValueCase switch
    {
        null or AnyValue.ValueOneofCase.None => null,
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.ArrayValue => string.Join(",", value.ArrayValue.Values.Select(Value)),
        _ => value.ToString(),
    };
}
