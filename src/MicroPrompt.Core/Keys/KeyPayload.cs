using System.Text;
using System.Text.Json;
using NuGet.Versioning;

namespace MicroPrompt.Keys;

/// <summary>Writes the canonical, versioned key payload hashed by <see cref="GenerationKey.Compute"/>.</summary>
internal static class KeyPayload
{
    /// <summary>The payload as UTF-8 JSON bytes (exposed for tests and for debugging a key).</summary>
    public static byte[] Write(KeyInputs inputs) => Write(inputs, GenerationKey.NormalizePrompt(inputs.PromptText ?? ""));

    /// <summary>The payload with the prompt already normalized (<see cref="GenerationKey.NormalizePrompt"/> of <c>inputs.PromptText</c>).</summary>
    public static byte[] Write(KeyInputs inputs, string normalizedPrompt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("format", GenerationKey.FormatVersion);
            WriteString(json, "template", GenerationKey.TemplateVersion);
            WriteString(json, "prompt", normalizedPrompt);
            WriteString(json, "model", Trim(inputs.Model));
            WriteString(json, "kind", Lower(inputs.Kind));
            WriteString(json, "namespace", Trim(inputs.Namespace));
            WriteString(json, "targetFramework", Lower(inputs.TargetFramework));
            WriteString(json, "langVersion", Lower(inputs.LangVersion));
            WriteString(json, "nullable", Lower(inputs.Nullable));
            json.WriteBoolean("implicitUsings", inputs.ImplicitUsings);
            if (inputs.GlobalUsings is { Count: > 0 } usings)
            {
                // Only when the project has usings beyond the implicit set: every other key stays as it was.
                json.WritePropertyName("usings");
                json.WriteStartArray();
                foreach (var directive in usings.Select(Trim).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    WriteRawString(json, directive);
                }

                json.WriteEndArray();
            }

            WriteString(json, "repair", Lower(inputs.RepairMode));
            json.WriteNumber("maxPasses", inputs.MaxPasses);
            WritePairs(json, "requires", Canonical(inputs.RequiredPackages, Lower, NormalizeVersion, "required package"));
            WritePairs(json, "uses", Canonical(inputs.UsedCodeHashes, NormalizeItemPath, Lower, "used item"));
            if (!string.IsNullOrWhiteSpace(inputs.BaseCodeHash))
            {
                // Only for edits: a generation from scratch keeps the key it always had.
                WriteString(json, "base", Lower(inputs.BaseCodeHash));
                WriteString(json, "editTemplate", GenerationKey.EditTemplateVersion);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string WriteString(KeyInputs inputs) => Encoding.UTF8.GetString(Write(inputs));

    internal static string Trim(string? value) => (value ?? "").Trim();

    internal static string Lower(string? value) => Trim(value).ToLowerInvariant();

    internal static string NormalizeItemPath(string? path) => Trim(path).Replace('\\', '/');

    internal static string NormalizeVersion(string? version)
    {
        var trimmed = Trim(version);
        return (NuGetVersion.TryParse(trimmed, out var parsed) ? parsed.ToNormalizedString() : trimmed).ToLowerInvariant();
    }

    internal static List<KeyValuePair<string, string>> Canonical(
        IReadOnlyDictionary<string, string>? map,
        Func<string?, string> key,
        Func<string?, string> value,
        string what)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in map ?? new Dictionary<string, string>())
        {
            var k = key(pair.Key);
            var v = value(pair.Value);
            if (result.TryGetValue(k, out var existing) && existing != v)
            {
                throw new ArgumentException($"The {what} '{k}' is listed twice with different values ('{existing}', '{v}').");
            }

            result[k] = v;
        }

        return [.. result];
    }

    private static void WritePairs(Utf8JsonWriter json, string name, List<KeyValuePair<string, string>> pairs)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var pair in pairs)
        {
            json.WriteStartArray();
            WriteRawString(json, pair.Key);
            WriteRawString(json, pair.Value);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteString(Utf8JsonWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        WriteRawString(json, value);
    }

    /// <summary>
    /// Writes a JSON string escaping only <c>"</c>, <c>\</c> and control characters. The built-in encoders also escape
    /// by Unicode category, which depends on the runtime's Unicode version; this keeps the key identical on .NET 8, 9, 10.
    /// </summary>
    internal static void WriteRawString(Utf8JsonWriter json, string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        json.WriteRawValue(Encoding.UTF8.GetBytes(text.Append('"').ToString()), skipInputValidation: false);
    }
}
