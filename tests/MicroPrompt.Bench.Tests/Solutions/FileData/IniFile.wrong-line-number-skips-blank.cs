// WRONG: numbers the lines after dropping blank lines and comments, so the FormatException names the wrong line
namespace Bench.FileData;

public static class IniFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var section = "";
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0 && l.Trim()[0] is not (';' or '#')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == ';' || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1].Trim();
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"line {i + 1}: expected [section] or key=value: {line}");
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            result[section.Length == 0 ? key : section + "." + key] = value;
        }

        return result;
    }
}
