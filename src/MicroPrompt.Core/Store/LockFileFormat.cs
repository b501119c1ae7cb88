using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Store;

/// <summary>
/// The text of <c>lock.json</c> (docs/lock-format.md). Written with one item per line, sorted, so git's <c>union</c>
/// merge driver combines branches that touch different items. Read strictly first; when a union merge left a missing
/// comma or an item twice, <see cref="LockLineReader"/> reads it line by line and duplicates are reconciled.
/// </summary>
internal static class LockFileFormat
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The canonical text: version 2, items sorted ordinally, one compact entry per line, LF, final line break.</summary>
    public static string Serialize(LockFile lockFile)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        var items = new SortedDictionary<string, LockEntry>(
            (IDictionary<string, LockEntry>?)lockFile.Items ?? new Dictionary<string, LockEntry>(), StringComparer.Ordinal);
        var text = new StringBuilder().Append("{\n  \"version\": ").Append(LockFile.CurrentVersion).Append(",\n  \"items\": {");
        var remaining = items.Count;
        foreach (var (path, entry) in items)
        {
            text.Append("\n    \"").Append(JsonEncodedText.Encode(path, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).Append("\": ")
                .Append(OneLine(entry));
            if (--remaining > 0)
            {
                text.Append(',');
            }
        }

        return text.Append(items.Count > 0 ? "\n  }\n}\n" : "}\n}\n").ToString();
    }

    /// <summary>An entry as one line of JSON, with a space after every ':' and ',' (as readable as indented JSON in a diff).</summary>
    public static string OneLine(LockEntry entry)
    {
        using var document = JsonDocument.Parse(StoreJson.SerializeCompact(entry));
        var text = new StringBuilder();
        Write(document.RootElement, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(first ? "" : ", ").Append('"')
                        .Append(JsonEncodedText.Encode(property.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).Append("\": ");
                    Write(property.Value, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ", ");
                    Write(item, text);
                }

                text.Append(']');
                break;
            default:
                text.Append(element.GetRawText()); // strings keep the serializer's escaping
                break;
        }
    }

    /// <summary>Reads lock text. <paramref name="matchesDisk"/> tells whether an entry's code file verifies (used to reconcile duplicates).</summary>
    /// <exception cref="MicroPromptException">MP4001 (not a lock, even line by line) or MP4002 (unsupported version).</exception>
    public static LockFile Parse(string text, string lockPath, Func<LockEntry, bool> matchesDisk)
        => Parse(() => JsonDocument.Parse(text, DocumentOptions), () => text, lockPath, matchesDisk);

    /// <summary>
    /// Reads the bytes of <c>lock.json</c> as <see cref="Parse(string, string, Func{LockEntry, bool})"/> reads their
    /// text (leading byte order marks skipped), without decoding them: the strict read parses the UTF-8 itself; the
    /// text is decoded only for the line-wise read of a union merge. Bytes that are not valid UTF-8 are decoded first
    /// (as the text read always did: invalid sequences become U+FFFD).
    /// </summary>
    public static LockFile Parse(ReadOnlyMemory<byte> utf8, string lockPath, Func<LockEntry, bool> matchesDisk)
    {
        while (utf8.Span.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return Parse(Encoding.UTF8.GetString(utf8.Span).TrimStart('\uFEFF'), lockPath, matchesDisk);
        }

        return Parse(() => JsonDocument.Parse(utf8, DocumentOptions), () => Encoding.UTF8.GetString(utf8.Span), lockPath, matchesDisk);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static LockFile Parse(Func<JsonDocument> strictly, Func<string> text, string lockPath, Func<LockEntry, bool> matchesDisk)
    {
        List<LockCandidate> candidates;
        int version;
        try
        {
            using var document = strictly();
            (version, candidates) = ReadDocument(document.RootElement, lockPath);
            CheckVersion(version, lockPath);
            return Reconcile(version, candidates, lineWise: false, lockPath, matchesDisk);
        }
        catch (JsonException strict)
        {
            if (!LockLineReader.TryRead(text(), lockPath, out version, out candidates))
            {
                throw SyntaxError(strict, lockPath);
            }
        }

        CheckVersion(version, lockPath);
        return Reconcile(version, candidates, lineWise: true, lockPath, matchesDisk);
    }

    internal static MicroPromptException Unreadable(string lockPath, string what, Exception? inner = null)
        => new(StoreMessages.LockUnreadable(what, lockPath), inner);

    private static (int Version, List<LockCandidate> Items) ReadDocument(JsonElement root, string lockPath)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Unreadable(lockPath, "is not a JSON object");
        }

        int? version = null;
        var items = new List<LockCandidate>();
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "version", StringComparison.OrdinalIgnoreCase))
            {
                version = VersionOf(property.Value, lockPath);
            }
            else if (string.Equals(property.Name, "items", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Unreadable(lockPath, "has \"items\" that is not an object");
                }

                foreach (var item in property.Value.EnumerateObject())
                {
                    items.Add(new LockCandidate(item.Name, item.Value));
                }
            }
        }

        return (version ?? throw Unreadable(lockPath, "has no \"version\""), items);
    }

    /// <summary>The version number, or -1 for a value that is not an integer (reported as MP4002 with the value shown).</summary>
    internal static int VersionOf(JsonElement value, string lockPath) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Unsupported(value.GetRawText(), false, lockPath);

    private static void CheckVersion(int version, string lockPath)
    {
        if (version is < LockFile.OldestReadableVersion or > LockFile.CurrentVersion)
        {
            throw Unsupported(version.ToString(System.Globalization.CultureInfo.InvariantCulture), version > LockFile.CurrentVersion, lockPath);
        }
    }

    private static MicroPromptException Unsupported(string shown, bool newer, string lockPath)
    {
        return new MicroPromptException(
            StoreMessages.LockVersionUnsupported(shown, LockFile.OldestReadableVersion, LockFile.CurrentVersion, newer, lockPath));
    }

    private static LockFile Reconcile(
        int version,
        List<LockCandidate> candidates,
        bool lineWise,
        string lockPath,
        Func<LockEntry, bool> matchesDisk)
    {
        var byPath = new Dictionary<string, List<LockEntry>>(StringComparer.Ordinal);
        foreach (var (path, value) in candidates)
        {
            var entry = ReadEntry(path, value, lockPath);
            if (!byPath.TryGetValue(path, out var list))
            {
                byPath[path] = list = [];
            }

            list.Add(entry);
        }

        var lockFile = new LockFile { Version = version, Reconciled = lineWise };
        foreach (var (path, entries) in byPath)
        {
            if (entries.Count > 1)
            {
                // A union merge kept both sides' line (and maybe the base's): the side whose code file is what is on
                // disk wins; among those (or when none matches), the newest; then the last line.
                lockFile.Reconciled = true;
                lockFile.Duplicates[path] = entries;
                var verified = entries.Where(matchesDisk).ToList();
                lockFile.Items[path] = Newest(verified.Count > 0 ? verified : entries);
            }
            else
            {
                lockFile.Items[path] = entries[0];
            }
        }

        return lockFile;
    }

    private static LockEntry Newest(List<LockEntry> entries) => entries.Select((e, i) => (e, i)).MaxBy(p => (p.e.GeneratedAt, p.i)).e;

    private static LockEntry ReadEntry(string path, JsonElement value, string lockPath)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Unreadable(lockPath, value.ValueKind == JsonValueKind.Null ? $"has an empty entry for '{path}'" : $"has an entry for '{path}' that is not an object");
        }

        LockEntry entry;
        try
        {
            // The serializer reads only what LockEntryReader declines, so every error message is still its own.
            entry = LockEntryReader.TryRead(value, out var read)
                ? read
                : StoreJson.Deserialize<LockEntry>(value) ?? throw Unreadable(lockPath, $"has an empty entry for '{path}'");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Unreadable(lockPath, $"has an invalid entry for '{path}' ({FirstSentence(e.Message)})", e);
        }

        // Fields a hand-written or older entry may leave out read as empty, never as null.
        return entry with
        {
            PromptHash = entry.PromptHash ?? "",
            Model = entry.Model ?? "",
            Key = entry.Key ?? "",
            CodeHash = entry.CodeHash ?? "",
            CodeFile = entry.CodeFile ?? "",
            GeneratorVersion = entry.GeneratorVersion ?? "",
            Usage = entry.Usage ?? new LockUsage(),
        };
    }

    private static MicroPromptException SyntaxError(JsonException e, string lockPath)
    {
        var line = e.LineNumber is { } l ? (int)l + 1 : 0;
        var column = e.BytePositionInLine is { } c ? (int)c + 1 : 0;
        return new MicroPromptException(StoreMessages.LockNotJson(FirstSentence(e.Message), lockPath, line, column), e);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
