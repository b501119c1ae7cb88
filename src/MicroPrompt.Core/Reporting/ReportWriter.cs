using System.Text;
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

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // The indented writer ends lines with Environment.NewLine; the files always use "\n" (JsonWriterOptions.NewLine is
    // not used: the MSBuild of a .NET 8 SDK may load an older System.Text.Json into the task's process).
    private static readonly bool DropCarriageReturns = Environment.NewLine != "\n";

    public static string ToJson(BuildReport report)
    {
        using var buffer = JsonBytes(report);
        return Utf8NoBom.GetString(buffer.ToArray(DropCarriageReturns));
    }

    /// <summary>Writes both files into <paramref name="directory"/> and returns their paths (json, html).</summary>
    public static (string Json, string Html) Write(BuildReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonFileName);
        var html = Path.Combine(directory, HtmlFileName);
        // The two renderings are independent and each is a walk over every item: the page is rendered on another
        // core meanwhile (at 1,000 items each costs tens of milliseconds on the build's critical path).
        var page = Task.Run(() => ReportHtml.Build(report));
        // Build outputs rewritten by every build: atomic (a reader never sees half a report) without two fsyncs per
        // build, and streamed in pieces below the large-object threshold (issue #15: never one string of the file).
        using (var bytes = JsonBytes(report))
        {
            AtomicFile.Write(json, stream => bytes.WriteTo(stream, DropCarriageReturns), durable: false);
        }

        var builder = page.GetAwaiter().GetResult();
        AtomicFile.Write(html, stream => WriteChunks(builder, stream), durable: false);
        return (json, html);
    }

    private static SegmentedBuffer JsonBytes(BuildReport report) =>
        SegmentedBuffer.FromJson(report, ReportJsonContext.Default.BuildReport, WriterOptions);

    private static void WriteChunks(StringBuilder text, Stream stream)
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 8192, leaveOpen: true);
        foreach (var chunk in text.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }
}
