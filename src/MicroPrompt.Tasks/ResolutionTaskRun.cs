using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Settings;
using MicroPrompt.Store;
using MicroPrompt.Telemetry;

namespace MicroPrompt.Tasks;

/// <summary>
/// One run of <see cref="ResolveMicroPrompts"/> without MSBuild: settings from the parameters' snapshot, the resolution
/// (and a comparison or dependability check when asked for), bookkeeping, report and summary. A plain class, so its
/// ReadyToRun code is used; the task only snapshots its parameters, runs this and turns
/// <see cref="GeneratedFiles"/> into its output items.
/// </summary>
internal sealed class ResolutionTaskRun(ResolutionTaskInputs inputs, IResolutionLog log, TaskClock clock, CancellationToken cancellationToken)
{
    /// <summary>The generated <c>.g.cs</c> paths, set once the resolution (and any check) finished; null before.</summary>
    public IReadOnlyList<string>? GeneratedFiles { get; private set; }

    /// <summary>Runs the task's work; false when an error was logged. Throws what the task's <c>Execute</c> catches.</summary>
    public bool Execute()
    {
        var parameters = inputs.Parameters;
        var plumbing = new List<MicroPromptDiagnostic>();
        var inputsOnly = SettingsCatalog.InputsOnly.Read(inputs.InputsOnly, plumbing);
        if (plumbing.Count > 0)
        {
            plumbing.ForEach(log.Report);
            return false;
        }

        if (!inputsOnly)
        {
            // The resolution reads the lock, every prompt and every code file: the kernel fetches them meanwhile.
            _ = ResolvedStateReadAhead.Start(parameters);
        }

        if (inputs.InputsFile is { Length: > 0 } inputsFile)
        {
            ResolutionParametersFile.Write(parameters, inputsFile);
            if (inputsOnly)
            {
                return true;
            }
        }

        clock.Mark("parameters and inputs.json");
        var settings = ResolutionSettings.Read(parameters, Path.GetDirectoryName(typeof(ResolutionTaskRun).Assembly.Location), log.Report);
        clock.Mark("settings");
        settings.Warnings.ForEach(log.Report);
        if (settings.Problems.Count > 0)
        {
            settings.Problems.ForEach(log.Report);
            return false;
        }

        // OpenTelemetry is loaded only through StartTelemetry, only when an endpoint is set.
        var telemetry = settings.Telemetry is { } options ? StartTelemetry(options) : null;
        var outer = System.Diagnostics.Activity.Current;
        var build = telemetry is null ? null : MicroPromptTelemetry.StartBuild(inputs.ProjectNameOrFolder, parameters.Prompts.Count, settings.ProviderName, settings.Options.Locked, settings.Comparison is not null);
        try
        {
            return ExecuteResolution(settings, telemetry, build);
        }
        finally
        {
            if (build is not null)
            {
                build.Dispose();
                System.Diagnostics.Activity.Current = outer; // the host's own span, if it had one, is current again
            }

            if (telemetry?.Stop() is { } exportProblem)
            {
                log.Report(exportProblem);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ITelemetryExport StartTelemetry(TelemetryOptions options) => TelemetryExport.Start(options);

    private bool ExecuteResolution(ResolutionSettings settings, ITelemetryExport? telemetry, System.Diagnostics.Activity? build)
    {
        var items = settings.Items;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var resolver = new PromptResolver(
            settings.Options,
            () => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples, settings.Grading, log.Normal, telemetry: telemetry),
            (ex, model) => GeneratorFactory.Classify(ex, settings.Provider, model),
            log.Normal);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var result = resolver.ResolveAsync(items, cancellationToken).GetAwaiter().GetResult();
        clock.Mark("resolution");
        log.Low($"MicroPrompt: resolution took {stopwatch.ElapsedMilliseconds} ms ({result.Timings}).");
        log.Low($"MicroPrompt: {result.Unparsed.Count} of {items.Count} prompts planned from their lock entries without a parse.");
        foreach (var diagnostic in result.Diagnostics)
        {
            log.Report(diagnostic);
        }

        foreach (var gate in QualityGates.Evaluate(result, settings.MinJudgeScore, inputs.Parameters.ProjectDirectory))
        {
            log.Report(gate);
        }

        // A comparison run measures models; the resolution above ran with generation off (resolved code, else stubs).
        ReportComparison? comparison = null;
        if (settings.Comparison is { } compare && !settings.DesignTimeBuild)
        {
            var runner = new MicroPrompt.Comparison.ComparisonRunner(
                settings.Options,
                compare,
                () => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples, settings.Grading, log.Normal, memoizeVerification: true, telemetry: telemetry),
                (ex, model) => GeneratorFactory.Classify(ex, settings.Provider, model),
                log.Normal);
            var compared = runner.RunAsync(items, result, cancellationToken).GetAwaiter().GetResult();
            compared.Diagnostics.ToList().ForEach(log.Report);
            comparison = MicroPrompt.Comparison.ComparisonTables.Build(compared.Runs, compare, settings.Prices);
        }

        // A dependability check samples every item N times after the resolution; it never changes what was resolved.
        ReportDependability? dependability = null;
        if (settings.Dependability is { } check && !settings.DesignTimeBuild)
        {
            var checkedItems = MicroPrompt.Dependability.DependabilityRun.RunAsync(settings, check, result, settings.MinDependability, log.Normal, telemetry, cancellationToken: cancellationToken).GetAwaiter().GetResult();
            checkedItems.Diagnostics.ToList().ForEach(log.Report);
            dependability = checkedItems.Section;
        }

        stopwatch.Restart();
        GeneratedFiles = result.GeneratedFiles;
        TaskBookkeeping.Write(inputs, result, resolution: settings.Comparison is null && dependability is null, log);
        var report = TaskSummary.Summarize(inputs, result, settings, started.Elapsed, comparison, dependability, log);
        log.Low($"MicroPrompt: outputs, report and summary took {stopwatch.ElapsedMilliseconds} ms.");
        clock.Mark("checks, outputs, report and summary");
        if (telemetry is not null)
        {
            MicroPromptTelemetry.Record(report);
            MicroPromptTelemetry.Complete(build, report);
        }

        TaskAssembly.LogLoadedComponents(log);
        log.Low($"MicroPrompt: {clock}.");
        return !log.HasLoggedErrors;
    }
}
