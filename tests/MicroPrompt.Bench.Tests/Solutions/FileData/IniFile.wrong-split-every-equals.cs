// WRONG: splits at every '=' (values containing '=' are cut) and compares names case-sensitively.
namespace Bench.FileData;

public static class IniFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>();
        var section = "";
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith(';') || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']').Trim();
                continue;
            }

            var parts = line.Split('=');
            if (parts.Length < 2)
            {
                throw new FormatException($"line {number}");
            }

            result[section.Length == 0 ? parts[0].Trim() : section + "." + parts[0].Trim()] = parts[1].Trim();
        }

        return result;
    }
}
