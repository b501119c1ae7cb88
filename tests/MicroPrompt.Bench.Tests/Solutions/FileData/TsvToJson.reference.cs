using System.Text.Json;

namespace Bench.FileData;

public static class TsvToJson
{
    public static string Convert(string tsv)
    {
        var lines = tsv.Replace("\r\n", "\n").Split('\n');
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            if (lines[0].Length > 0)
            {
                var header = lines[0].Split('\t');
                foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                {
                    var fields = line.Split('\t');
                    writer.WriteStartObject();
                    for (var i = 0; i < header.Length; i++)
                    {
                        writer.WriteString(header[i], i < fields.Length ? fields[i] : "");
                    }

                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
