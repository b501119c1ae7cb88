// WRONG: builds the JSON by string concatenation without escaping and drops short lines' missing fields.
namespace Bench.FileData;

public static class TsvToJson
{
    public static string Convert(string tsv)
    {
        var lines = tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return "[]";
        }

        var header = lines[0].Split('\t');
        var objects = lines.Skip(1).Select(line =>
        {
            var fields = line.Split('\t');
            var pairs = header.Zip(fields, (h, f) => $"\"{h}\":\"{f}\"");
            return "{" + string.Join(",", pairs) + "}";
        });
        return "[" + string.Join(",", objects) + "]";
    }
}
