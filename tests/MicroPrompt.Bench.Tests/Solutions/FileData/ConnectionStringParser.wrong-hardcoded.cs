// WRONG: returns the first example's pairs whatever the input.
namespace Bench.FileData;

public static class ConnectionStringParser
{
    public static IReadOnlyDictionary<string, string> Parse(string connectionString)
        => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "db.local", ["Port"] = "5432" };
}
