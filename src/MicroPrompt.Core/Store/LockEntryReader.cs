using System.Text.Json;

namespace MicroPrompt.Store;

/// <summary>
/// Reads a lock entry from its <see cref="JsonElement"/> without the serializer: the serializer's metadata for
/// <see cref="LockEntry"/> is generic over <c>long</c>, <c>int?</c>, <c>double?</c>, <see cref="DateTimeOffset"/>,
/// which no ReadyToRun image of ours holds, so every build JIT-compiled it to read the lock. Reads what
/// <see cref="StoreJson"/> would read — names case-insensitive, unknown fields skipped, nulls as the serializer sets
/// them — and declines (false) everything else: a value of another type, a field given twice, a <c>$</c> name. A
/// declined entry goes through the serializer, so its result and its MP4001 message stay the serializer's.
/// </summary>
internal static partial class LockEntryReader
{
    private static readonly string[] EntryFields =
    [
        "promptHash", "model", "reportedModel", "provider", "key", "codeHash", "codeFile", "origin", "base", "inputs",
        "frontMatter", "usage", "grade", "capabilities", "assumptions", "generatedAt", "generatorVersion",
    ];

    public static bool TryRead(JsonElement value, out LockEntry entry)
    {
        entry = null!;
        // What the serializer leaves out is null or default, not the record's initial values: it sets init-only
        // properties the way it passes constructor arguments (LockFileFormat turns the missing texts into "").
        string? promptHash = null, model = null, reportedModel = null, provider = null, key = null, codeHash = null, codeFile = null;
        string? origin = null, @base = null, generatorVersion = null;
        SortedDictionary<string, string>? inputs = null;
        LockFrontMatter? frontMatter = null;
        LockUsage? usage = null;
        LockGrade? grade = null;
        List<string>? capabilities = null, assumptions = null;
        var generatedAt = default(DateTimeOffset);
        var seen = 0;
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            var ok = Field(property, EntryFields, ref seen) switch
            {
                -1 => true, // unknown: skipped
                0 => Text(v, out promptHash),
                1 => Text(v, out model),
                2 => Text(v, out reportedModel),
                3 => Text(v, out provider),
                4 => Text(v, out key),
                5 => Text(v, out codeHash),
                6 => Text(v, out codeFile),
                7 => Text(v, out origin),
                8 => Text(v, out @base),
                9 => Map(v, out inputs),
                10 => FrontMatter(v, out frontMatter),
                11 => Usage(v, out usage),
                12 => Grade(v, out grade),
                13 => Texts(v, out capabilities),
                14 => Texts(v, out assumptions),
                15 => v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out generatedAt),
                16 => Text(v, out generatorVersion),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        entry = new LockEntry
        {
            PromptHash = promptHash!, Model = model!, ReportedModel = reportedModel, Provider = provider, Key = key!,
            CodeHash = codeHash!, CodeFile = codeFile!, Origin = origin, Base = @base, Inputs = inputs,
            FrontMatter = frontMatter, Usage = usage!, Grade = grade, Capabilities = capabilities, Assumptions = assumptions,
            GeneratedAt = generatedAt, GeneratorVersion = generatorVersion!,
        };
        return true;
    }

    /// <summary>The index of the property's field (-1: unknown); -2 for what only the serializer may read (a <c>$</c> name, a field given twice).</summary>
    private static int Field(JsonProperty property, string[] fields, ref int seen)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (property.NameEquals(fields[i]))
            {
                return Once(i, ref seen);
            }
        }

        var name = property.Name;
        if (name.StartsWith('$'))
        {
            return -2;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (string.Equals(name, fields[i], StringComparison.OrdinalIgnoreCase))
            {
                return Once(i, ref seen);
            }
        }

        return -1;
    }

    private static int Once(int index, ref int seen)
    {
        var bit = 1 << index;
        if ((seen & bit) != 0)
        {
            return -2;
        }

        seen |= bit;
        return index;
    }

    private static bool Text(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static bool Texts(JsonElement value, out List<string>? list)
    {
        list = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (!Text(item, out var text))
            {
                return false;
            }

            list.Add(text!);
        }

        return true;
    }

    // Into an ordinal dictionary, which is what LockEntry.Inputs keeps. The serializer fills one with the default
    // (culture) comparer first, which tells apart exactly the names ordinal comparison does only when they are plain
    // ASCII; any other name is declined, so the serializer decides what a duplicate is. (Culture comparison was most
    // of the time of reading a 1,000-entry lock.)
    private static bool Map(JsonElement value, out SortedDictionary<string, string>? map)
    {
        map = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith('$') || !IsPlainName(name) || !Text(property.Value, out var text) || !map.TryAdd(name, text!))
            {
                return false;
            }
        }

        return true;
    }

    // Printable ASCII (space included): no character culture comparison ignores or folds.
    private static bool IsPlainName(string name) => name.Length > 0 && !name.AsSpan().ContainsAnyExceptInRange(' ', '~');

    private static bool Boolean(JsonElement value, out bool result)
    {
        result = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }
}
