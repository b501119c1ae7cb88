// WRONG: quotes a field that starts with a space but not one that ends with a space
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

        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ';
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
