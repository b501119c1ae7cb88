using System.Text.Json;

namespace MicroPrompt.Judging;

/// <summary>
/// Reads a judge reply (<see cref="JudgeRubric"/>): the first JSON object in the text (fenced or not). Every criterion
/// must be present as a number in [0, 1] or null; anything else — no JSON, a missing criterion, a string, a value out of
/// range, every criterion null — gives "no score" with the reason, never an exception.
/// </summary>
public static class JudgeReplyParser
{
    public static JudgeVerdict Parse(string? reply)
    {
        var empty = new Dictionary<string, double?>();
        var text = reply ?? "";
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return new JudgeVerdict(null, empty, null, "the judge's reply contains no JSON object");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text[start..(end + 1)], new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return new JudgeVerdict(null, empty, null, $"the judge's reply is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var criteria = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var (key, _) in JudgeRubric.Criteria)
            {
                if (!TryGet(root, key, out var value))
                {
                    return new JudgeVerdict(null, criteria, null, $"the judge's reply has no \"{key}\"");
                }

                if (value.ValueKind == JsonValueKind.Null)
                {
                    criteria[key] = null;
                    continue;
                }

                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || double.IsNaN(number) || number < 0 || number > 1)
                {
                    return new JudgeVerdict(null, criteria, null, $"the judge's \"{key}\" is {value.GetRawText()}, not a number from 0 to 1");
                }

                criteria[key] = number;
            }

            var reason = TryGet(root, "reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var applicable = criteria.Values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
            if (applicable.Count == 0)
            {
                return new JudgeVerdict(null, criteria, reason, "the judge found no criterion applicable");
            }

            return new JudgeVerdict(Math.Round(applicable.Average(), 4), criteria, reason, null);
        }
    }

    private static bool TryGet(JsonElement root, string key, out JsonElement value)
    {
        value = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
