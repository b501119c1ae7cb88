namespace MicroPrompt.Api;

/// <summary>
/// Compares the public surface (public and protected types and members, by syntax) of two versions of an item's code.
/// Types match by namespace, containing types, name and arity; members by name, arity and parameter types (so an
/// overload set compares overload by overload). A member whose parameter list changed is a removal and an addition,
/// unless it is the only member of that name in its type in both versions: then it is one change. A removed or added
/// type is one change (its members are not listed). Overrides, explicit interface implementations, parameter names,
/// default values and nullable reference annotations are not part of the surface. Fast (no semantic model) and never
/// throws on malformed code: what parses is compared.
/// </summary>
public static class PublicApiDiff
{
    /// <summary>
    /// The changes from <paramref name="oldCode"/> to <paramref name="newCode"/>: removals first (in the old code's
    /// order), then changes and additions (in the new code's order).
    /// </summary>
    public static IReadOnlyList<ApiChange> Compare(string oldCode, string newCode)
    {
        ArgumentNullException.ThrowIfNull(oldCode);
        ArgumentNullException.ThrowIfNull(newCode);
        var before = ApiSurface.Read(oldCode);
        var after = ApiSurface.Read(newCode);
        var afterByKey = after.GroupBy(t => t.Entry.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var beforeByKey = before.GroupBy(t => t.Entry.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var removed = new List<ApiChange>();
        var changed = new List<(ApiEntry At, ApiChange Change)>();
        foreach (var type in beforeByKey.Values)
        {
            if (!afterByKey.TryGetValue(type.Entry.Key, out var now))
            {
                if (!IsInside(type, beforeByKey, afterByKey))
                {
                    removed.Add(Removal(type.Entry));
                }

                continue;
            }

            if (Differs(type.Entry, now.Entry))
            {
                changed.Add((now.Entry, Change(type.Entry, now.Entry)));
            }

            CompareMembers(type, now, removed, changed);
        }

        foreach (var type in afterByKey.Values)
        {
            if (!beforeByKey.ContainsKey(type.Entry.Key) && !IsInside(type, afterByKey, beforeByKey))
            {
                changed.Add((type.Entry, Addition(type.Entry)));
            }
        }

        return removed
            .Concat(changed.OrderBy(c => c.At.Line).ThenBy(c => c.At.Column).Select(c => c.Change))
            .ToList();
    }

    /// <summary>Whether the type is nested in a type that is itself only on this side (reported as a whole).</summary>
    private static bool IsInside(ApiType type, Dictionary<string, ApiType> side, Dictionary<string, ApiType> other)
    {
        var path = type.Entry.TypePath;
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            var container = $"{type.Entry.Namespace}|{path[..dot]}|";
            if (side.ContainsKey(container) && !other.ContainsKey(container))
            {
                return true;
            }
        }

        return false;
    }

    private static void CompareMembers(ApiType before, ApiType after, List<ApiChange> removed, List<(ApiEntry, ApiChange)> changed)
    {
        var afterByKey = after.Members.ToDictionary(m => m.Member!, StringComparer.Ordinal);
        var beforeKeys = before.Members.Select(m => m.Member!).ToHashSet(StringComparer.Ordinal);
        var beforeNames = before.Members.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var afterNames = after.Members.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var paired = new HashSet<string>(StringComparer.Ordinal);

        foreach (var member in before.Members)
        {
            if (afterByKey.TryGetValue(member.Member!, out var now))
            {
                if (Differs(member, now))
                {
                    changed.Add((now, Change(member, now)));
                }

                continue;
            }

            // The only member of its name on both sides, with another parameter list: one change, not a removal and an addition.
            if (beforeNames[member.Name] == 1
                && afterNames.TryGetValue(member.Name, out var sameName) && sameName.Count == 1
                && !beforeKeys.Contains(sameName[0].Member!))
            {
                paired.Add(sameName[0].Member!);
                changed.Add((sameName[0], Change(member, sameName[0])));
                continue;
            }

            removed.Add(Removal(member));
        }

        foreach (var member in after.Members)
        {
            if (!beforeKeys.Contains(member.Member!) && !paired.Contains(member.Member!))
            {
                changed.Add((member, Addition(member)));
            }
        }
    }

    private static bool Differs(ApiEntry before, ApiEntry after) =>
        before.IsProtected != after.IsProtected || !string.Equals(before.Shape, after.Shape, StringComparison.Ordinal);

    private static ApiChange Removal(ApiEntry before) =>
        new(ApiChangeKind.Removed, before.Display, before.Signature, null) { OldContractKey = before.ContractKey };

    private static ApiChange Addition(ApiEntry after) =>
        new(ApiChangeKind.Added, after.Display, null, after.Signature)
        {
            Line = after.Line, Column = after.Column, NewContractKey = after.ContractKey, NewShape = after.Shape,
        };

    private static ApiChange Change(ApiEntry before, ApiEntry after) =>
        new(ApiChangeKind.Changed, before.Display, before.Signature, after.Signature)
        {
            Line = after.Line, Column = after.Column, OldContractKey = before.ContractKey, NewContractKey = after.ContractKey, NewShape = after.Shape,
        };
}
