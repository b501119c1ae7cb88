using System.Globalization;
using System.Text;

namespace MicroPrompt.Dependability.Probes;

/// <summary>A program probe's input: command-line arguments and standard input (no files: its working directory is empty).</summary>
internal sealed record ProgramInput(IReadOnlyList<string> Args, string Stdin)
{
    /// <summary>The input as YAML flow values, the way a program example writes it: <c>args: ["missing.txt"], stdin: ""</c>.</summary>
    /// <remarks>A value over 80 characters is shown by its first 60 and its length (the suggested example has it whole).</remarks>
    public string Describe() => $"args: [{string.Join(", ", Args.Select(Short))}], stdin: {Short(Stdin)}";

    public string YamlArgs() => "[" + string.Join(", ", Args.Select(YamlString)) + "]";

    /// <summary>Identifies the input (args and stdin), to skip what an example already runs.</summary>
    public string Key => string.Join("\u0000", Args) + "\u0001" + Stdin;

    private static string Short(string text)
        => text.Length <= 80 ? YamlString(text) : $"{YamlString(text[..60])}… ({text.Length.ToString(CultureInfo.InvariantCulture)} chars)";

    /// <summary>A double-quoted YAML scalar: <c>\</c>, <c>"</c>, line breaks, tabs and control characters escaped.</summary>
    public static string YamlString(string text)
    {
        var yaml = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => yaml.Append("\\\\"),
                '"' => yaml.Append("\\\""),
                '\n' => yaml.Append("\\n"),
                '\r' => yaml.Append("\\r"),
                '\t' => yaml.Append("\\t"),
                _ when char.IsControl(c) => yaml.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => yaml.Append(c),
            };
        }

        return yaml.Append('"').ToString();
    }
}
