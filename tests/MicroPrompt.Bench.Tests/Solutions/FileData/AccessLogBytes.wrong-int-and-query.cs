// WRONG: keeps the query string in the path and parses sizes as int (3000000000 does not fit, so the line is skipped).
namespace Bench.FileData;

public static class AccessLogBytes
{
    public static IReadOnlyDictionary<string, long> BytesByPath(string log)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var quoted = line.Split('"');
            if (quoted.Length < 3)
            {
                continue;
            }

            var request = quoted[1].Split(' ');
            var tail = quoted[2].Trim().Split(' ');
            if (request.Length != 3 || tail.Length != 2)
            {
                continue;
            }

            var size = 0;
            if (tail[1].Trim() != "-" && !int.TryParse(tail[1].Trim(), out size))
            {
                continue;
            }

            totals[request[1]] = totals.GetValueOrDefault(request[1]) + size;
        }

        return totals;
    }
}
