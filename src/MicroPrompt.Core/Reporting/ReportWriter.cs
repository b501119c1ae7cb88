using System.Text.Encodings.Web;
using System.Text.Json;
using MicroPrompt.Store;

namespace MicroPrompt.Reporting;

/// <summary>Writes <c>report.json</c> and <c>report.html</c> atomically (a reader never sees half a report).</summary>
public static class ReportWriter
{
    public const string JsonFileName = "report.json";
    public const string HtmlFileName = "report.html";

    private static readonly JsonSerializerOptions Options = new(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    public static string ToJson(BuildReport report) =>
        JsonSerializer.Serialize(report, Options.GetTypeInfo(typeof(BuildReport))).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>Writes both files into <paramref name="directory"/> and returns their paths (json, html).</summary>
    public static (string Json, string Html) Write(BuildReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonFileName);
        var html = Path.Combine(directory, HtmlFileName);
        // Build outputs rewritten by every build: atomic (a reader never sees half a report) without two fsyncs per build.
        AtomicFile.WriteAllText(json, ToJson(report), durable: false);
        AtomicFile.WriteAllText(html, ReportHtml.Render(report), durable: false);
        return (json, html);
    }
}
