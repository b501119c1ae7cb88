using System.Text.Json;

namespace MicroPrompt.Store;

/// <summary>
/// Reads a version 2 <c>lock.json</c> that git's <c>union</c> merge driver combined from two branches: every item is
/// one line, so the merge can only have lost or doubled a comma between lines, or kept an item's line from both sides.
/// Each line is read on its own; anything else than the layout <see cref="LockFileFormat.Serialize"/> writes fails.
/// </summary>
internal static class LockLineReader
{
    private enum Section
    {
        Start,
        Root,
        Items,
        End,
    }

    /// <summary>Reads <paramref name="text"/> line by line; false when a line is not part of the one-item-per-line layout.</summary>
    public static bool TryRead(string text, string lockPath, out int version, out List<LockCandidate> items)
    {
        version = 0;
        items = [];
        int? seenVersion = null;
        var section = Section.Start;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            switch (section)
            {
                case Section.Start when line == "{":
                    section = Section.Root;
                    break;
                case Section.Root when line is "}" or "},":
                    section = Section.End;
                    break;
                case Section.Root when IsItemsStart(line, out var empty):
                    section = empty ? Section.Root : Section.Items;
                    break;
                case Section.Root when TryProperty(line, out var name, out var value):
                    if (string.Equals(name, "version", StringComparison.OrdinalIgnoreCase))
                    {
                        // Two branches cannot disagree on the version without a migration on one side; take the newer.
                        var number = LockFileFormat.VersionOf(value, lockPath);
                        seenVersion = seenVersion is { } v ? Math.Max(v, number) : number;
                    }

                    break;
                case Section.Items when line is "}" or "},":
                    section = Section.Root;
                    break;
                case Section.Items when TryProperty(line, out var path, out var entry) && entry.ValueKind == JsonValueKind.Object:
                    items.Add(new LockCandidate(path, entry));
                    break;
                default:
                    return false;
            }
        }

        version = seenVersion ?? 0;
        return section == Section.End && seenVersion is not null;
    }

    private static bool IsItemsStart(string line, out bool empty)
    {
        var compact = line.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).TrimEnd(',');
        empty = compact.Equals("\"items\":{}", StringComparison.OrdinalIgnoreCase);
        return empty || compact.Equals("\"items\":{", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads one <c>"name": value</c> line (with or without its trailing comma) as a JSON object of one property.</summary>
    private static bool TryProperty(string line, out string name, out JsonElement value)
    {
        name = "";
        value = default;
        if (!line.StartsWith('"'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse("{" + line.TrimEnd(',') + "}");
            var properties = document.RootElement.EnumerateObject().ToList();
            if (properties.Count != 1)
            {
                return false;
            }

            name = properties[0].Name;
            value = properties[0].Value.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
