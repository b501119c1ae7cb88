// WRONG: returns the first example's answer whatever the text.
namespace Bench.FileData;

public sealed record WordCount(string Word, int Count);

public static class WordFrequency
{
    public static IReadOnlyList<WordCount> Top(string text, int top) => [new WordCount("the", 3), new WordCount("and", 1)];
}
