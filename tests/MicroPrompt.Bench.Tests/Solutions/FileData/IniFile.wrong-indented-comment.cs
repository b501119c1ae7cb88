// WRONG: treats a line as a comment only when ; or # is its very first character, so an indented comment is a FormatException
namespace Bench.FileData;

public static class IniFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var section = "";
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var line = raw.Trim();
            if (line.Length == 0 || raw.StartsWith(';') || raw.StartsWith('#'))
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
