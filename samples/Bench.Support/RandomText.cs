using System.Security.Cryptography;

namespace MicroPrompt.Bench.Support;

/// <summary>Random per-run values, so an answer hard-coded from one run never matches the next.</summary>
internal static class RandomText
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Niklaus", "Margaret", "Dennis"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Wirth", "Hamilton", "Ritchie"];
    private static readonly string[] Subjects = ["Invoice", "Meeting", "Release", "Outage", "Lunch", "Review", "Roadmap", "Budget", "Hiring", "Offsite", "Backup", "Audit"];

    public static string Hex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    /// <summary>URL- and form-safe random text (letters, digits, '-' and '_').</summary>
    public static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Int(int minInclusive, int maxExclusive) => RandomNumberGenerator.GetInt32(minInclusive, maxExclusive);

    public static string Name() => $"{Pick(FirstNames)} {Pick(LastNames)} {Hex(2)}";

    public static string Subject() => $"{Pick(Subjects)} {Hex(3)}";

    public static T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count)];
}
