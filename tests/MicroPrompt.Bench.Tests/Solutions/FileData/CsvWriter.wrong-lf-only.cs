// WRONG: quotes fields with \n but forgets a lone \r, which breaks the row for RFC 4180 readers
using System.Text;

namespace Bench.FileData;

public static class CsvWriter
{
    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var quote = value.AsSpan().IndexOfAny(",\"\n") >= 0 || value[0] == ' ' || value[^1] == ' ';
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
