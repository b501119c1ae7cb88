using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Judging;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Resolution;
using MicroPrompt.SharedCache;
using MicroPrompt.Verification;
using C = MicroPrompt.Settings.SettingsCatalog;

namespace MicroPrompt.Settings;

/// <summary>
/// Validates and converts the resolution parameters (the <c>ResolveMicroPrompts</c> task's, or the tool's inputs.json) into
/// engine settings: the one place where properties become <see cref="ResolutionOptions"/>. Every value is read through
/// its <see cref="SettingsCatalog"/> entry (default, range, code of a bad value), so nothing here restates a default.
/// </summary>
public sealed class ResolutionSettings
{
    private ResolutionSettings()
    {
    }

    public ResolutionOptions Options { get; private set; } = null!;

    public ProviderSettings Provider { get; private set; } = null!;

    public string ProviderName { get; private set; } = C.Provider.Default;

    /// <summary>The build is a design-time (IDE) one (<c>_MicroPromptDesignTime</c>): no model call, no report.</summary>
    public bool DesignTimeBuild { get; private set; }

    /// <summary>How examples run, or null when <c>MicroPromptRunExamples</c> is false.</summary>
    public ExampleRunnerOptions? Examples { get; private set; }

    public List<MicroPromptDiagnostic> Problems { get; } = [];

    /// <summary>Reported, but the build goes on (e.g. a malformed OTEL_EXPORTER_OTLP_ENDPOINT: no telemetry).</summary>
    public List<MicroPromptDiagnostic> Warnings { get; } = [];

    /// <summary>The OTLP export, or null when no endpoint is set (nothing of OpenTelemetry is loaded then).</summary>
    public MicroPrompt.Telemetry.TelemetryOptions? Telemetry { get; private set; }

    /// <summary>The <c>MicroPrompt</c> items, in project order.</summary>
    public IReadOnlyList<ResolutionItem> Items { get; private set; } = [];

    /// <summary>Static checks and judge of new generations.</summary>
    public GradingOptions Grading { get; private set; } = new();

    public PriceTable Prices { get; private set; } = PriceTable.Default;

    public double? MinJudgeScore { get; private set; }

    public decimal? MaxCostUsd { get; private set; }

    /// <summary>The model comparison (<c>MicroPromptModels</c>), or null for a normal build.</summary>
    public MicroPrompt.Comparison.ComparisonSettings? Comparison { get; private set; }

    /// <summary>The dependability check (<c>MicroPromptCheckSamples</c> &gt; 0), or null for none.</summary>
    public MicroPrompt.Dependability.DependabilitySettings? Dependability { get; private set; }

    /// <summary><c>MicroPromptMinDependability</c> (0–1), or null for no gate.</summary>
    public double? MinDependability { get; private set; }

    /// <param name="task">The parameters.</param>
    /// <param name="exampleHostDirectory">Where MicroPrompt.ExampleHost.dll is (the task's folder), or null: examples cannot run.</param>
    public static ResolutionSettings Read(ResolutionParameters task, string? exampleHostDirectory = null, Action<MicroPromptDiagnostic>? onDiagnostic = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var settings = new ResolutionSettings();
        var problems = settings.Problems;
        var provider = ProviderSettings.Read(task.Provider, task.Endpoint, task.ApiKeyVariable, problems) with
        {
            Timeout = TimeSpan.FromSeconds(C.TimeoutSeconds.Read(task.TimeoutSeconds, problems)),
            Resilience = new ModelCallResilience
            {
                MaxRetries = C.MaxRetries.Read(task.MaxRetries, problems),
                BaseDelay = TimeSpan.FromMilliseconds(C.RetryDelayMilliseconds.Read(task.RetryDelayMilliseconds, problems)),
            },
        };
        var repair = C.Repair.Read(task.Repair, problems);
        var regeneration = C.Regeneration.Read(task.Regeneration, problems);
        var allowApiChanges = C.AllowApiChanges.Read(task.AllowApiChanges, problems);
        var maxPasses = C.MaxPasses.Read(task.MaxPasses, problems);
        var concurrency = C.MaxConcurrency.Read(task.MaxConcurrency, problems);
        var runExamples = C.RunExamples.Read(task.RunExamples, problems);
        var exampleTimeout = C.ExampleTimeoutSeconds.Read(task.ExampleTimeoutSeconds, problems);
        var sandbox = C.Sandbox.Read(task.Sandbox, problems);
        var maxBytes = C.MaxPromptBytes.Read(task.MaxPromptBytes, problems);
        var locked = C.Locked.Read(task.Locked, problems);
        var strict = C.StrictCapabilities.Read(task.StrictCapabilities, problems);
        settings.DesignTimeBuild = C.DesignTime.Read(task.DesignTime, problems);
        var judge = C.Judge.Read(task.Judge, problems);
        var judgeModel = C.JudgeModel.Read(task.JudgeModel, problems);
        settings.Grading = new GradingOptions { Judge = judge, JudgeModel = judgeModel };
        settings.MinJudgeScore = C.MinJudgeScore.Read(task.MinJudgeScore, problems);
        settings.MaxCostUsd = C.MaxCostUsd.Read(task.MaxCostUsd, problems);
        if (C.PriceTable.Read(task.PriceTable, problems) is { } priceTable)
        {
            try
            {
                settings.Prices = PriceTable.Load(Path.GetFullPath(priceTable, task.ProjectDirectory));
            }
            catch (MicroPromptException ex)
            {
                problems.Add(ex.Diagnostic);
            }
        }

        settings.ReadTelemetry(task);
        settings.Comparison = MicroPrompt.Comparison.ComparisonSettings.Parse(task.Models, task.Samples, task.CompareRepair, maxPasses, problems, task.CompareTemperature);
        settings.Dependability = MicroPrompt.Dependability.DependabilitySettings.Parse(task.CheckSamples, task.CheckTemperature, task.CheckMutants, problems);
        settings.MinDependability = MicroPrompt.Dependability.DependabilitySettings.ParseMinimum(task.MinDependability, problems);
        var regenerate = C.Regenerate.Read(task.Regenerate, problems);
        var project = ProjectContextReader.Read(task);

        settings.ProviderName = provider.Provider;
        if (runExamples)
        {
            // The harness ships beside the tasks (tasks/net8.0/examplehost/); a missing one is reported when an example runs.
            var tasksDirectory = exampleHostDirectory ?? task.TasksDirectory ?? "";
            settings.Examples = new ExampleRunnerOptions
            {
                HostAssemblyPath = Path.Combine(tasksDirectory, "examplehost", "MicroPrompt.ExampleHost.dll"),
                Timeout = TimeSpan.FromSeconds(exampleTimeout),
                Sandbox = sandbox,
                OnDiagnostic = onDiagnostic, // MP2050, once per build, when an example is about to run
                AspNetCore = task.References.Any(r => string.Equals(r.Get("FrameworkReferenceName"), AspNetCoreFramework.Name, StringComparison.OrdinalIgnoreCase))
                    || AspNetCoreFramework.IsReferencedBy(project.ReferencePaths),
                RuntimeReferencePaths = task.RuntimeReferences
                    .Select(r => r.Get("FullPath"))
                    .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.Ordinal)
                    .ToList(),
            };
        }

        settings.Provider = provider;
        settings.Items = ReadItems(task, problems);
        var userCache = C.UserCache.Read(task.UserCacheDirectory, problems);
        settings.Options = new ResolutionOptions
        {
            Project = project,
            StoreDirectory = Path.GetFullPath(task.StoreDirectory, task.ProjectDirectory),
            UserCacheDirectory = userCache is null ? null : Path.GetFullPath(userCache, task.ProjectDirectory),
            OutputDirectory = Path.GetFullPath(task.OutputDirectory, task.ProjectDirectory),
            DefaultModel = C.Model.Read(task.Model, problems),
            ProviderName = provider.Provider,
            Locked = locked,
            RegenerateAll = regenerate.All,
            RegenerateItems = regenerate.Items.ToArray(),
            Regeneration = regeneration,
            AllowApiChangesAll = allowApiChanges.All,
            AllowApiChangesItems = allowApiChanges.Items.ToArray(),
            DesignTime = settings.DesignTimeBuild || settings.Comparison is not null, // a comparison resolves nothing: resolved code, else stubs
            Repair = repair,
            MaxPasses = maxPasses,
            MaxConcurrency = concurrency,
            GeneratorVersion = string.IsNullOrWhiteSpace(task.GeneratorVersion) ? "0.0.0" : task.GeneratorVersion!,
            MaxPromptBytes = maxBytes,
            StrictCapabilities = strict,
            SharedCache = ReadSharedCache(task, problems),
            Budget = settings.MaxCostUsd is { } budget ? new GenerationBudget(budget, settings.Prices) : null,
            JudgeModel = judge ? judgeModel ?? "" : null,
        };
        return settings;
    }

    private static SharedCacheOptions? ReadSharedCache(ResolutionParameters task, List<MicroPromptDiagnostic> problems)
    {
        var configuration = C.SharedCache.Read(task.SharedCache, problems);
        var password = C.SharedCacheKeyVariable.Read(task.SharedCacheKeyVariable, problems);
        var signing = C.SharedCacheSigningKeyVariable.Read(task.SharedCacheSigningKeyVariable, problems);
        var lease = C.SharedCacheLeaseSeconds.Read(task.SharedCacheLeaseSeconds, problems);
        var wait = C.SharedCacheWaitSeconds.Read(task.SharedCacheWaitSeconds, problems);
        return configuration is null ? null : new SharedCacheOptions
        {
            Configuration = configuration,
            PasswordVariable = password,
            SigningKeyVariable = signing,
            LeaseDuration = TimeSpan.FromSeconds(lease),
            WaitLimit = TimeSpan.FromSeconds(wait),
            InProcessScope = "msbuild", // one connection and in-process level per MSBuild node
        };
    }

    private void ReadTelemetry(ResolutionParameters task)
    {
        var otlp = MicroPrompt.Telemetry.TelemetryEndpoint.Resolve(
            task.OtlpEndpoint, Environment.GetEnvironmentVariable(MicroPrompt.Telemetry.TelemetryEndpoint.EnvironmentVariable), out var otlpProblem);
        if (otlpProblem is not null)
        {
            (otlpProblem.Severity == DiagnosticSeverity.Error ? Problems : Warnings).Add(otlpProblem);
        }

        var includeContent = C.OtlpIncludeContent.Read(task.OtlpIncludeContent, Problems);
        Telemetry = otlp is null ? null : new MicroPrompt.Telemetry.TelemetryOptions
        {
            Endpoint = otlp,
            IncludeContent = includeContent,
            ProjectName = string.IsNullOrWhiteSpace(task.ProjectName) ? Path.GetFileName(task.ProjectDirectory.TrimEnd('/', '\\')) : task.ProjectName!.Trim(),
            ServiceVersion = task.GeneratorVersion,
        };
    }

    private static List<ResolutionItem> ReadItems(ResolutionParameters task, List<MicroPromptDiagnostic> problems)
    {
        var items = new List<ResolutionItem>();
        foreach (var prompt in task.Prompts)
        {
            var regeneration = prompt.Get("Regeneration");
            var fullPath = string.IsNullOrWhiteSpace(prompt.Get("FullPath")) ? Path.GetFullPath(prompt.ItemSpec, task.ProjectDirectory) : prompt.Get("FullPath");
            if (!C.Regeneration.IsValid(regeneration))
            {
                problems.Add(SettingsMessages.InvalidItemMetadata(prompt.ItemSpec, "Regeneration", regeneration, fullPath, C.Regeneration.Allowed));
                continue;
            }

            items.Add(new ResolutionItem
            {
                FullPath = fullPath,
                ItemPath = Path.GetRelativePath(task.ProjectDirectory, fullPath).Replace('\\', '/'),
                ModelOverride = prompt.Get("Model"),
                NamespaceOverride = prompt.Get("Namespace"),
                RegenerationOverride = string.IsNullOrWhiteSpace(regeneration) ? null : C.Regeneration.Read(regeneration, problems),
            });
        }

        return items;
    }

    /// <summary><c>edit</c> or <c>fresh</c> (any case; blank = edit), or null for anything else.</summary>
    public static RegenerationMode? ParseRegeneration(string? value) => C.Regeneration.IsValid(value) ? C.Regeneration.Read(value, []) : null;
}
