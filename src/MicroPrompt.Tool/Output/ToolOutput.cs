using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace MicroPrompt.Tool.Output;

/// <summary>
/// Writes a command's result: a Spectre.Console table on a terminal, plain tab-separated lines when stdout is redirected,
/// or JSON with <c>--json</c>. Errors go to stderr as one line.
/// </summary>
public sealed class ToolOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly TextWriter _out;

    public ToolOutput(bool json, TextWriter? writer = null, bool? terminal = null)
    {
        Json = json;
        _out = writer ?? Console.Out;
        Terminal = terminal ?? (writer is null && !Console.IsOutputRedirected);
    }

    /// <summary>True with <c>--json</c>: only <see cref="WriteJson{T}"/> writes to stdout.</summary>
    public bool Json { get; }

    /// <summary>True when stdout is a terminal: tables and colour; false: plain text.</summary>
    public bool Terminal { get; }

    public static JsonSerializerOptions SerializerOptions => JsonOptions;

    public static ToolOutput For(ToolSettings settings) => new(settings.Json);

    public void WriteJson<T>(T value) => _out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A table: bordered on a terminal, one tab-separated line per row (header first) otherwise. Ignored with --json.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (Json)
        {
            return;
        }

        if (Terminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(header)));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(cell => new Text(cell)).ToArray<Spectre.Console.Rendering.IRenderable>());
            }

            AnsiConsole.Write(table);
            return;
        }

        _out.WriteLine(string.Join('\t', headers));
        foreach (var row in rows)
        {
            _out.WriteLine(string.Join('\t', row));
        }
    }

    /// <summary>A line of text (not with --json).</summary>
    public void Line(string text)
    {
        if (!Json)
        {
            _out.WriteLine(text);
        }
    }

    /// <summary>An error line on stderr (any mode).</summary>
    public static void Error(string message) => Console.Error.WriteLine($"error: {message}");
}
