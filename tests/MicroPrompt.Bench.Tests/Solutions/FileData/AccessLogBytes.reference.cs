using System.Globalization;
using System.Text.RegularExpressions;

namespace Bench.FileData;

public static class AccessLogBytes
{
    public static IReadOnlyDictionary<string, long> BytesByPath(string log)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var match = Line.Match(line);
            if (!match.Success)
            {
                continue;
            }

            var path = match.Groups["path"].Value;
            var query = path.IndexOf('?');
            if (query >= 0)
            {
                path = path[..query];
            }

            var sizeText = match.Groups["size"].Value;
            long size = 0;
            if (sizeText != "-" && !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            {
                continue;
            }

            totals[path] = totals.GetValueOrDefault(path) + size;
        }

        return totals;
    }

    private static readonly Regex Line = new("^\\S+ \\S+ \\S+ \\[[^\\]]*\\] \"\\S+ (?<path>\\S+) \\S+\" (?<status>\\d+) (?<size>\\S+)$", RegexOptions.CultureInvariant);
}
