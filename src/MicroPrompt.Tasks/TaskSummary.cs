using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Settings;

namespace MicroPrompt.Tasks;

/// <summary>The build report (model built in Core) written to the report folder, and the one-screen summary in the log.</summary>
internal static class TaskSummary
{
    public static BuildReport Summarize(
        ResolutionTaskInputs inputs,
        ResolutionResult result,
        ResolutionSettings settings,
        TimeSpan elapsed,
        ReportComparison? comparison,
        ReportDependability? dependability,
        IResolutionLog log)
    {
        var parameters = inputs.Parameters;
        var report = BuildReportBuilder.Build(result, new ReportContext
        {
            ProjectDirectory = parameters.ProjectDirectory,
            ProjectName = inputs.ProjectNameOrFolder,
            GeneratorVersion = parameters.GeneratorVersion ?? "0.0.0",
            Provider = settings.ProviderName,
            Prices = settings.Prices,
            MinJudgeScore = settings.MinJudgeScore,
            MaxCostUsd = settings.MaxCostUsd,
            Secrets = SecretValues(parameters.ApiKeyVariable),
            Duration = elapsed,
            Comparison = comparison,
            Dependability = dependability,
        });

        string? htmlPath = null;
        var reportDirectory = parameters.ReportDirectory;
        if (!string.IsNullOrWhiteSpace(reportDirectory) && !settings.DesignTimeBuild) // an IDE build must not replace the last real report
        {
            try
            {
                htmlPath = ReportWriter.Write(report, Path.GetFullPath(reportDirectory!, parameters.ProjectDirectory)).Html;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.Report(TaskMessages.ReportWriteFailed(reportDirectory!, ex.Message));
            }
        }

        foreach (var line in ConsoleSummary.Lines(report, htmlPath))
        {
            log.High(line);
        }

        return report;
    }

    // Values the report must never contain: the API key (read here by variable name, as the model client does).
    private static string[] SecretValues(string? apiKeyVariable)
    {
        var names = new[] { apiKeyVariable, "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "ANTHROPIC_API_KEY" };
        return names.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => Environment.GetEnvironmentVariable(n!.Trim()))
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v!)
            .ToArray();
    }
}
