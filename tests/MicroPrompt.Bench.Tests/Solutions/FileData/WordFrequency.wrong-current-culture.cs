// WRONG: lower-cases with the current culture (char.ToLower), so on a Turkish machine "TITLE" becomes "tıtle"
using System.Text;

namespace Bench.FileData;

public sealed record WordCount(string Word, int Count);

public static class WordFrequency
{
    public static IReadOnlyList<WordCount> Top(string text, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                word.Append(char.ToLower(c));
            }
            else if (word.Length > 0)
            {
                var w = word.ToString();
                counts[w] = counts.GetValueOrDefault(w) + 1;
                word.Clear();
            }
        }

        return counts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(p => new WordCount(p.Key, p.Value))
            .ToList();
    }
}
