using System.Text.Json;
using Json.Schema;

namespace MicroPrompt.Core.Tests.Reporting;

/// <summary>Validates report JSON against docs/report.schema.json (the published schema).</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "report.schema.json"))));

    public static void AssertValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, "report.json does not match docs/report.schema.json:\n" + string.Join("\n", errors));
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroPrompt.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MicroPrompt.Sdk.sln) was not found above " + AppContext.BaseDirectory);
    }
}
