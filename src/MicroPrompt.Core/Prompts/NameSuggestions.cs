namespace MicroPrompt.Prompts;

/// <summary>"Did you mean …?" for misspelled keys and values: the closest allowed name by edit distance.</summary>
internal static class NameSuggestions
{
    /// <summary>The closest candidate (case-insensitive, transpositions count as one edit), or null when none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var lower = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var limit = Math.Max(2, lower.Length / 3);
        return best is not null && bestDistance <= limit ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or "".</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
        => Closest(name, candidates) is { } suggestion ? $"; did you mean '{suggestion}'?" : ".";

    // Optimal string alignment distance (Levenshtein + adjacent transposition).
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue; // nothing that long is close to a key name
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
