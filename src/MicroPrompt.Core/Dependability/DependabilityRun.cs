using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Settings;

namespace MicroPrompt.Dependability;

/// <summary>
/// The one entry of both the build (<c>-p:MicroPromptCheckSamples=N</c>) and <c>dotnet mprompt check</c>: runs the
/// <see cref="DependabilityCheck"/> with the project's settings (provider, model, repair, passes, examples, grading,
/// prices, user cache, locked), gates it at <c>MicroPromptMinDependability</c> and returns the report section.
/// </summary>
public static class DependabilityRun
{
    /// <param name="settings">The build's settings (the API key is read from the environment by the model client).</param>
    /// <param name="check">Samples, temperature, mutants, items.</param>
    /// <param name="resolved">The build's resolution (never changed).</param>
    /// <param name="minimum">The gate (<c>MicroPromptMinDependability</c>, 0–1), or null for none.</param>
    /// <param name="log">Informational messages.</param>
    /// <param name="telemetry">The build's telemetry export, if any.</param>
    /// <param name="analyzers">Probe comparer, example-strength analyzer and assumptions; null: <see cref="Analyzers"/>.</param>
    /// <param name="cancellationToken">Stops the check; graded samples stay cached.</param>
    public static async Task<DependabilityOutcome> RunAsync(
        ResolutionSettings settings,
        DependabilitySettings check,
        ResolutionResult resolved,
        double? minimum,
        Action<string>? log = null,
        Telemetry.ITelemetryExport? telemetry = null,
        DependabilityAnalyzers? analyzers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(check);
        var engine = new DependabilityCheck(
            settings.Options,
            check,
            () => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples, settings.Grading, log, memoizeVerification: true, telemetry: telemetry),
            analyzers ?? Analyzers(settings),
            settings.Prices,
            (ex, model) => GeneratorFactory.Classify(ex, settings.Provider, model),
            log);
        var result = await engine.RunAsync(settings.Items, resolved, cancellationToken).ConfigureAwait(false);
        var gate = DependabilityGate.Evaluate(result.Items, minimum, settings.Options.Project.ProjectDirectory);
        return new DependabilityOutcome(result, ReportDependability.From(result, minimum), [.. result.Diagnostics, .. gate]);
    }

    /// <summary>
    /// What the build and the tool use beyond the grades: the probe comparer (Probes/), the example-strength analyzer and
    /// the assumptions of each item's lock entry, for these settings. Each one left null is simply not reported.
    /// </summary>
    public static DependabilityAnalyzers Analyzers(ResolutionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DependabilityAnalyzers.None;
    }
}
