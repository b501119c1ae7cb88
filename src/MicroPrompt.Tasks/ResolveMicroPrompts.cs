using System.Runtime.Loader;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Telemetry;
using MicroPrompt.Settings;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace MicroPrompt.Tasks;

/// <summary>
/// Resolves the project's <c>MicroPrompt</c> items to C# under obj: a thin adapter from MSBuild to
/// <see cref="PromptResolver"/>. Reads the API key itself from the environment variable named by
/// <see cref="ApiKeyVariable"/>; the key is never a parameter, a property or a log line.
/// </summary>
public sealed class ResolveMicroPrompts : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskClock _clock = new();

    [Required] public ITaskItem[] Prompts { get; set; } = [];
    [Required] public string ProjectDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    [Required] public string StoreDirectory { get; set; } = "";

    public string? UserCacheDirectory { get; set; }
    public string? RootNamespace { get; set; }
    public string? TargetFramework { get; set; }
    public string? LangVersion { get; set; }
    public string? Nullable { get; set; }
    public string? ImplicitUsings { get; set; }
    public string? OutputType { get; set; }
    public string? DefineConstants { get; set; }
    public ITaskItem[] References { get; set; } = [];
    public ITaskItem[] Sources { get; set; } = [];

    /// <summary><c>@(Analyzer)</c>: the source generators among them run in the compile check of generated code.</summary>
    public ITaskItem[] Analyzers { get; set; } = [];

    /// <summary><c>@(Using)</c>: the project's global usings (metadata <c>Alias</c>, <c>Static</c>).</summary>
    public ITaskItem[] Usings { get; set; } = [];

    public string? Model { get; set; }
    public string? Provider { get; set; }
    public string? Endpoint { get; set; }

    /// <summary>The NAME of the environment variable that holds the API key (never the key).</summary>
    public string? ApiKeyVariable { get; set; }
    public string? Repair { get; set; }
    public string? MaxPasses { get; set; }
    public string? MaxConcurrency { get; set; }
    public string? TimeoutSeconds { get; set; }
    public string? MaxPromptBytes { get; set; }

    /// <summary>Retries of a failed model call (408, 429, 5xx, timeouts, connection failures); default 3.</summary>
    public string? MaxRetries { get; set; }

    /// <summary>Delay before the first retry in milliseconds, doubled (with jitter) for each further one; default 1000.</summary>
    public string? RetryDelayMilliseconds { get; set; }

    /// <summary>Undeclared capabilities in generated code are errors (MP2020) instead of warnings.</summary>
    /// <remarks>Text like every setting, parsed by the settings catalog: a bad value is an MP1005 error, not MSB4030.</remarks>
    public string? StrictCapabilities { get; set; }

    /// <summary><c>MicroPromptLocked</c>: never call a model (text, parsed by the settings catalog).</summary>
    public string? Locked { get; set; }
    public string? Regenerate { get; set; }

    /// <summary><c>MicroPromptRegeneration</c>: <c>edit</c> (default) or <c>fresh</c>; item metadata <c>Regeneration</c> wins.</summary>
    public string? Regeneration { get; set; }

    /// <summary><c>MicroPromptAllowApiChanges</c>: <c>true</c>, or item names whose regeneration may change their public API.</summary>
    public string? AllowApiChanges { get; set; }
    /// <summary><c>_MicroPromptDesignTime</c>: an IDE build (text, parsed by the settings catalog).</summary>
    public string? DesignTime { get; set; }

    /// <summary><c>MicroPromptRunExamples</c>: run the examples of newly generated code (default true).</summary>
    public string? RunExamples { get; set; }

    /// <summary><c>MicroPromptExampleTimeoutSeconds</c>: the time limit of each example (default 10).</summary>
    public string? ExampleTimeoutSeconds { get; set; }

    /// <summary><c>MicroPromptSandbox</c>: <c>auto</c> (default), <c>jail</c> or <c>process</c> (docs/examples.md).</summary>
    public string? Sandbox { get; set; }

    /// <summary>Implementation assemblies of package and project references (<c>@(ReferenceCopyLocalPaths)</c>), loaded by examples.</summary>
    public ITaskItem[] RuntimeReferences { get; set; } = [];
    public string? GeneratorVersion { get; set; }

    /// <summary>The team's shared cache: a StackExchange.Redis configuration string without password.</summary>
    public string? SharedCache { get; set; }

    /// <summary>The NAME of the environment variable that holds the Redis password (never the password).</summary>
    public string? SharedCacheKeyVariable { get; set; }

    /// <summary>The NAME of the environment variable that holds the HMAC signing key of shared entries (never the key).</summary>
    public string? SharedCacheSigningKeyVariable { get; set; }
    public string? SharedCacheLeaseSeconds { get; set; }
    public string? SharedCacheWaitSeconds { get; set; }

    /// <summary><c>MicroPromptJudge</c>: true (default) or false.</summary>
    public string? Judge { get; set; }

    /// <summary><c>MicroPromptJudgeModel</c>: the judge model; empty = each item's own model.</summary>
    public string? JudgeModel { get; set; }

    /// <summary><c>MicroPromptPriceTable</c>: a JSON file overriding/extending the built-in prices.</summary>
    public string? PriceTable { get; set; }

    /// <summary><c>MicroPromptMinJudgeScore</c>: 0–1; an item judged below it gets MP3001.</summary>
    public string? MinJudgeScore { get; set; }

    /// <summary><c>MicroPromptMaxCostUsd</c>: the dollars this build may spend on model calls.</summary>
    public string? MaxCostUsd { get; set; }

    /// <summary><c>MicroPromptReportDir</c>: where report.json and report.html go (empty: no report).</summary>
    public string? ReportDirectory { get; set; }

    /// <summary><c>MicroPromptModels</c>: models to compare (';'-separated); set, the build is a comparison run, not a resolution.</summary>
    public string? Models { get; set; }

    /// <summary><c>MicroPromptSamples</c>: independent runs per item, model and repair mode (1–100, default 1).</summary>
    public string? Samples { get; set; }

    /// <summary><c>MicroPromptCompareRepair</c>: repair modes compared (default <c>exec;review</c>; the first is the leaderboard's).</summary>
    public string? CompareRepair { get; set; }

    /// <summary><c>MicroPromptCompareTemperature</c>: sampling temperature of comparison runs (default 0, as builds).</summary>
    public string? CompareTemperature { get; set; }

    /// <summary><c>MicroPromptCheckSamples</c>: a dependability check of N samples per item after the resolution (0/empty: none).</summary>
    public string? CheckSamples { get; set; }

    /// <summary><c>MicroPromptCheckTemperature</c>: sampling temperature of the check's samples (default 0.7).</summary>
    public string? CheckTemperature { get; set; }

    /// <summary><c>MicroPromptCheckMutants</c>: the check also measures example strength (true/false).</summary>
    public string? CheckMutants { get; set; }

    /// <summary><c>MicroPromptMinDependability</c>: 0–1; a checked item whose lower bound is below it gets MP3010.</summary>
    public string? MinDependability { get; set; }

    /// <summary><c>MicroPromptOtlpEndpoint</c>: the OTLP/HTTP collector's base URL; empty falls back to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>MicroPromptOtlpIncludeContent</c>: model-call spans carry the messages (prompt text, code); default false.</summary>
    public string? OtlpIncludeContent { get; set; }

    /// <summary>The project's name, shown in the report.</summary>
    public string? ProjectName { get; set; }

    /// <summary>A file listing the generated <c>.g.cs</c> paths (one a line), read by the build when this task is skipped.</summary>
    public string? ListFile { get; set; }

    /// <summary>Touched when every item resolved, so the next build can skip this task when nothing changed.</summary>
    public string? StampFile { get; set; }

    /// <summary>Where to write the evaluated parameters as JSON (<c>inputs.json</c>, read by <c>dotnet mprompt</c>).</summary>
    public string? InputsFile { get; set; }

    /// <summary>Only write <see cref="InputsFile"/>; resolve nothing (target <c>MicroPromptWriteResolutionInputs</c>).</summary>
    public string? InputsOnly { get; set; }

    [Output] public ITaskItem[] GeneratedFiles { get; private set; } = [];

    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        try
        {
            return ExecuteCore();
        }
        catch (MicroPromptException ex)
        {
            Report(ex.Diagnostic);
            return false;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Report(MicroPromptDiagnostic.Error(DiagnosticCodes.Cancelled, "MicroPrompt generation was cancelled. Everything verified so far is stored; the next build continues from there."));
            return false;
        }
        catch (Exception ex)
        {
            Report(MicroPromptDiagnostic.Error(DiagnosticCodes.InternalError, $"MicroPrompt failed unexpectedly ({ex.GetType().Name}: {ex.Message}). Please report this with the build log."));
            Log.LogMessage(MessageImportance.Low, ex.ToString());
            return false;
        }
    }

    private bool ExecuteCore()
    {
        GeneratorVersion ??= SdkVersion();
        var parameters = TaskParameters.From(this);
        var plumbing = new List<MicroPromptDiagnostic>();
        var inputsOnly = SettingsCatalog.InputsOnly.Read(InputsOnly, plumbing);
        if (plumbing.Count > 0)
        {
            plumbing.ForEach(Report);
            return false;
        }

        if (InputsFile is { Length: > 0 })
        {
            ResolutionParametersFile.Write(parameters, InputsFile);
            if (inputsOnly)
            {
                return true;
            }
        }

        _clock.Mark("parameters and inputs.json");
        var settings = ResolutionSettings.Read(parameters, Path.GetDirectoryName(typeof(ResolveMicroPrompts).Assembly.Location), Report);
        _clock.Mark("settings");
        settings.Warnings.ForEach(Report);
        if (settings.Problems.Count > 0)
        {
            settings.Problems.ForEach(Report);
            return false;
        }

        // OpenTelemetry is loaded only through StartTelemetry, only when an endpoint is set.
        var telemetry = settings.Telemetry is { } options ? StartTelemetry(options) : null;
        var outer = System.Diagnostics.Activity.Current;
        var build = telemetry is null ? null : MicroPromptTelemetry.StartBuild(ProjectNameOrFolder(), Prompts.Length, settings.ProviderName, settings.Options.Locked, settings.Comparison is not null);
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
                Report(exportProblem);
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
            () => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples, settings.Grading, message => Log.LogMessage(MessageImportance.Normal, message), telemetry: telemetry),
            (ex, model) => GeneratorFactory.Classify(ex, settings.Provider, model),
            message => Log.LogMessage(MessageImportance.Normal, message));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var result = resolver.ResolveAsync(items, _cancellation.Token).GetAwaiter().GetResult();
        _clock.Mark("resolution");
        Log.LogMessage(MessageImportance.Low, $"MicroPrompt: resolution took {stopwatch.ElapsedMilliseconds} ms ({result.Timings}).");
        Log.LogMessage(MessageImportance.Low, $"MicroPrompt: {result.Unparsed.Count} of {items.Count} prompts planned from their lock entries without a parse.");
        foreach (var diagnostic in result.Diagnostics)
        {
            Report(diagnostic);
        }

        foreach (var gate in QualityGates.Evaluate(result, settings.MinJudgeScore, ProjectDirectory))
        {
            Report(gate);
        }

        // A comparison run measures models; the resolution above ran with generation off (resolved code, else stubs).
        MicroPrompt.Reporting.ReportComparison? comparison = null;
        if (settings.Comparison is { } compare && !settings.DesignTimeBuild)
        {
            var runner = new MicroPrompt.Comparison.ComparisonRunner(
                settings.Options,
                compare,
                () => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples, settings.Grading, message => Log.LogMessage(MessageImportance.Normal, message), memoizeVerification: true, telemetry: telemetry),
                (ex, model) => GeneratorFactory.Classify(ex, settings.Provider, model),
                message => Log.LogMessage(MessageImportance.Normal, message));
            var compared = runner.RunAsync(items, result, _cancellation.Token).GetAwaiter().GetResult();
            compared.Diagnostics.ToList().ForEach(Report);
            comparison = MicroPrompt.Comparison.ComparisonTables.Build(compared.Runs, compare, settings.Prices);
        }

        // A dependability check samples every item N times after the resolution; it never changes what was resolved.
        MicroPrompt.Reporting.ReportDependability? dependability = null;
        if (settings.Dependability is { } check && !settings.DesignTimeBuild)
        {
            var checkedItems = MicroPrompt.Dependability.DependabilityRun.RunAsync(settings, check, result, settings.MinDependability, message => Log.LogMessage(MessageImportance.Normal, message), telemetry, cancellationToken: _cancellation.Token).GetAwaiter().GetResult();
            checkedItems.Diagnostics.ToList().ForEach(Report);
            dependability = checkedItems.Section;
        }

        stopwatch.Restart();
        GeneratedFiles = result.GeneratedFiles.Select(f => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(f)).ToArray();
        WriteBookkeeping(result, resolution: settings.Comparison is null && dependability is null);
        var report = Summarize(result, settings, started.Elapsed, comparison, dependability);
        Log.LogMessage(MessageImportance.Low, $"MicroPrompt: outputs, report and summary took {stopwatch.ElapsedMilliseconds} ms.");
        _clock.Mark("checks, outputs, report and summary");
        if (telemetry is not null)
        {
            MicroPromptTelemetry.Record(report);
            MicroPromptTelemetry.Complete(build, report);
        }

        LogLoadedComponents();
        Log.LogMessage(MessageImportance.Low, $"MicroPrompt: {_clock}.");
        return !Log.HasLoggedErrors;
    }

    /// <param name="resolution">False for a comparison run or a dependability check: no stamp, so neither the next comparison nor the next normal build is skipped.</param>
    private void WriteBookkeeping(ResolutionResult result, bool resolution)
    {
        if (ListFile is { Length: > 0 })
        {
            MicroPrompt.Store.AtomicFile.WriteAllTextIfChanged(ListFile, string.Concat(result.GeneratedFiles.Select(f => f + "\n")), durable: false);
        }

        if (StampFile is { Length: > 0 })
        {
            if (resolution && result.Complete && !Log.HasLoggedErrors)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(StampFile)!);
                File.WriteAllText(StampFile, DateTime.UtcNow.ToString("O"));
            }
            else if (File.Exists(StampFile))
            {
                File.Delete(StampFile); // the next build must run again
            }
        }
    }

    // The report model is built in Core; the task only writes it and prints the one-screen summary.
    private BuildReport Summarize(ResolutionResult result, ResolutionSettings settings, TimeSpan elapsed, MicroPrompt.Reporting.ReportComparison? comparison, MicroPrompt.Reporting.ReportDependability? dependability)
    {
        var report = BuildReportBuilder.Build(result, new ReportContext
        {
            ProjectDirectory = ProjectDirectory,
            ProjectName = ProjectNameOrFolder(),
            GeneratorVersion = GeneratorVersion ?? "0.0.0",
            Provider = settings.ProviderName,
            Prices = settings.Prices,
            MinJudgeScore = settings.MinJudgeScore,
            MaxCostUsd = settings.MaxCostUsd,
            Secrets = SecretValues(),
            Duration = elapsed,
            Comparison = comparison,
            Dependability = dependability,
        });

        string? htmlPath = null;
        if (!string.IsNullOrWhiteSpace(ReportDirectory) && !settings.DesignTimeBuild) // an IDE build must not replace the last real report
        {
            try
            {
                htmlPath = ReportWriter.Write(report, Path.GetFullPath(ReportDirectory!, ProjectDirectory)).Html;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report(MicroPromptDiagnostic.Warning(DiagnosticCodes.ReportWriteFailed, $"The MicroPrompt report could not be written to '{ReportDirectory}': {ex.Message}"));
            }
        }

        foreach (var line in ConsoleSummary.Lines(report, htmlPath))
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        return report;
    }

    private string ProjectNameOrFolder() => string.IsNullOrWhiteSpace(ProjectName) ? Path.GetFileName(ProjectDirectory.TrimEnd('/', '\\')) : ProjectName!;

    // Values the report must never contain: the API key (read here by variable name, as the model client does).
    private string[] SecretValues()
    {
        var names = new[] { ApiKeyVariable, "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "ANTHROPIC_API_KEY" };
        return names.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => Environment.GetEnvironmentVariable(n!.Trim()))
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v!)
            .ToArray();
    }

    // Evidence for "a build whose items are all resolved loads no Roslyn, AI, HTTP client or Redis assembly".
    private void LogLoadedComponents()
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(ResolveMicroPrompts).Assembly);
        var heavy = (context?.Assemblies ?? AppDomain.CurrentDomain.GetAssemblies())
            .Select(a => a.GetName().Name ?? "")
            .Where(n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal)
                || n is "OpenAI" or "OllamaSharp" or "System.ClientModel" or "Anthropic"
                || n is "StackExchange.Redis" or "Microsoft.Extensions.Caching.StackExchangeRedis" or "Pipelines.Sockets.Unofficial"
                || n.StartsWith("OpenTelemetry", StringComparison.Ordinal)
                || n.StartsWith("Azure.", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Log.LogMessage(MessageImportance.Low, $"MicroPrompt: heavy components loaded: {(heavy.Count == 0 ? "none" : string.Join(", ", heavy))}");
        var parsers = (context?.Assemblies ?? AppDomain.CurrentDomain.GetAssemblies())
            .Select(a => a.GetName().Name ?? "").Where(n => n is "YamlDotNet" or "Markdig").OrderBy(n => n, StringComparer.Ordinal).ToList();
        Log.LogMessage(MessageImportance.Low, $"MicroPrompt: prompt parsers loaded: {(parsers.Count == 0 ? "none" : string.Join(", ", parsers))}");
    }

    private static string SdkVersion()
    {
        var informational = typeof(ResolveMicroPrompts).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>Logs an engine diagnostic as an MSBuild error, warning or message with its MP code.</summary>
    internal void Report(MicroPromptDiagnostic d)
    {
        var file = d.File ?? "";
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, d.Code, null, file, d.Line, d.Column, 0, 0, d.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, d.Code, null, file, d.Line, d.Column, 0, 0, d.Message);
                break;
            default:
                Log.LogMessage(null, d.Code, null, file, d.Line, d.Column, 0, 0, MessageImportance.Normal, d.Message);
                break;
        }
    }
}
