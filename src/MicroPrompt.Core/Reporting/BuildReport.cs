namespace MicroPrompt.Reporting;

/// <summary>
/// The build report (DESIGN §7), written as <c>report.json</c> (schema: docs/report.schema.json) and <c>report.html</c>.
/// Holds no secret, endpoint or credential: only model ids, the provider's name, paths inside the project and numbers.
/// </summary>
public sealed class BuildReport
{
    /// <summary>The report format's version; bump the major number on an incompatible change.</summary>
    public const string CurrentSchemaVersion = "1.4";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public string Generator { get; init; } = "MicroPrompt.Sdk";

    public required string GeneratorVersion { get; init; }

    /// <summary>UTC, ISO 8601.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public required string Project { get; init; }

    /// <summary>The provider's name (openai, azure-openai, ollama); never the endpoint.</summary>
    public string? Provider { get; init; }

    public required ReportPrices Prices { get; init; }

    public required ReportGates Gates { get; init; }

    public required ReportTotals Totals { get; init; }

    /// <summary>The leaderboard: one row per model.</summary>
    public required IReadOnlyList<ReportModelSummary> Models { get; init; }

    public required IReadOnlyList<ReportItem> Items { get; init; }

    /// <summary>The model comparison (<c>MicroPromptModels</c>), or null for a normal build. Since schema 1.1.</summary>
    public ReportComparison? Comparison { get; init; }

    /// <summary>The dependability check (<c>MicroPromptCheckSamples</c>, <c>dotnet mprompt check</c>), or null when none ran. Since schema 1.4.</summary>
    public ReportDependability? Dependability { get; init; }
}
