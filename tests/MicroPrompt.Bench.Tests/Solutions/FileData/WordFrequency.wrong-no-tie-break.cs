// WRONG: splits at spaces only (punctuation stays attached) and does not break ties by word.
namespace Bench.FileData;

public sealed record WordCount(string Word, int Count);

public static class WordFrequency
{
    public static IReadOnlyList<WordCount> Top(string text, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return text.ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(w => w)
            .OrderByDescending(g => g.Count())
            .Take(top)
            .Select(g => new WordCount(g.Key, g.Count()))
            .ToList();
    }
}
