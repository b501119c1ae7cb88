// WRONG: splits at every ';' and the first '=', so quoted values containing ';' are cut and quotes are kept.
namespace Bench.FileData;

public static class ConnectionStringParser
{
    public static IReadOnlyDictionary<string, string> Parse(string connectionString)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException(segment);
            }

            result[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        return result;
    }
}
