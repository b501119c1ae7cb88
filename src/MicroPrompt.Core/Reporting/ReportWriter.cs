using System.Text.Encodings.Web;
using System.Text.Json;
using MicroPrompt.Store;

namespace MicroPrompt.Reporting;

/// <summary>Writes <c>report.json</c> and <c>report.html</c> atomically (a reader never sees half a report).</summary>
public static class ReportWriter
{
    public const string JsonFileName = "report.json";
    public const string HtmlFileName = "report.html";

    // The escaping is the writer's, not the options': options of their own (an Encoder set) would turn the generated
    // straight-line writer off and build property metadata instead.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    public static string ToJson(BuildReport report)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, report, ReportJsonContext.Default.BuildReport);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Writes both files into <paramref name="directory"/> and returns their paths (json, html).</summary>
    public static (string Json, string Html) Write(BuildReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonFileName);
        var html = Path.Combine(directory, HtmlFileName);
        // The two renderings are independent and each is a walk over every item: the page is rendered on another
        // core meanwhile (at 1,000 items each costs tens of milliseconds on the build's critical path).
        var page = Task.Run(() => ReportHtml.Render(report));
        var text = ToJson(report);
        // Build outputs rewritten by every build: atomic (a reader never sees half a report) without two fsyncs per build.
        AtomicFile.WriteAllText(json, text, durable: false);
        AtomicFile.WriteAllText(html, page.GetAwaiter().GetResult(), durable: false);
        return (json, html);
    }
}
