using System.Globalization;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Judging;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Resolution;
using MicroPrompt.SharedCache;
using MicroPrompt.Verification;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Settings;

/// <summary>
/// Validates and converts the resolution parameters (the <c>ResolveMicroPrompts</c> task's, or the tool's inputs.json) into
/// engine settings: the one place where properties become <see cref="ResolutionOptions"/>.
/// </summary>
public sealed class ResolutionSettings
{
    private static readonly string[] KnownProviders = ["openai", "azure-openai", "ollama", "anthropic"];

    private ResolutionSettings()
    {
    }

    public ResolutionOptions Options { get; private set; } = null!;

    public ProviderSettings Provider { get; private set; } = null!;

    public string ProviderName { get; private set; } = "openai";

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
        var settings = new ResolutionSettings();
        var providerName = Blank(task.Provider) ? "openai" : task.Provider!.Trim().ToLowerInvariant();
        if (!KnownProviders.Contains(providerName))
        {
            settings.Problems.Add(MicroPromptDiagnostic.Error(
                DiagnosticCodes.UnknownProvider,
                $"MicroPromptProvider '{task.Provider}' is not known. Use one of: {string.Join(", ", KnownProviders)}."));
        }

        Uri? endpoint = null;
        if (!Blank(task.Endpoint) && (!Uri.TryCreate(task.Endpoint!.Trim(), UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            settings.Problems.Add(MicroPromptDiagnostic.Error(
                DiagnosticCodes.InvalidEndpoint,
                $"MicroPromptEndpoint '{task.Endpoint}' is not an absolute http(s) URL, e.g. http://127.0.0.1:11434, https://api.openai.com/v1 or https://api.anthropic.com."));
            endpoint = null;
        }

        var repair = (task.Repair ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "exec" => RepairMode.Exec,
            "review" => RepairMode.Review,
            "none" => RepairMode.None,
            _ => settings.Invalid("MicroPromptRepair", task.Repair, "exec, review or none", RepairMode.Exec),
        };

        var regeneration = ParseRegeneration(task.Regeneration) ?? settings.Invalid("MicroPromptRegeneration", task.Regeneration, "edit or fresh", RegenerationMode.Edit);
        var (allowApiAll, allowApiItems) = ItemList(task.AllowApiChanges);

        var maxPasses = settings.Int("MicroPromptMaxPasses", task.MaxPasses, 3, 1, 20);
        var concurrency = settings.Int("MicroPromptMaxConcurrency", task.MaxConcurrency, 4, 1, 64);
        var timeout = settings.Int("MicroPromptTimeoutSeconds", task.TimeoutSeconds, 120, 1, 3600);
        var exampleTimeout = settings.Int("MicroPromptExampleTimeoutSeconds", task.ExampleTimeoutSeconds, 10, 1, 3600);
        var runExamples = settings.Bool("MicroPromptRunExamples", task.RunExamples, true);
        var sandbox = (task.Sandbox ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "auto" => SandboxMode.Auto,
            "jail" => SandboxMode.Jail,
            "process" => SandboxMode.Process,
            _ => settings.Invalid("MicroPromptSandbox", task.Sandbox, "auto, jail or process", SandboxMode.Auto),
        };
        var maxBytes = settings.Int("MicroPromptMaxPromptBytes", task.MaxPromptBytes, 256 * 1024, 1, 64 * 1024 * 1024);
        var maxRetries = settings.Int("MicroPromptMaxRetries", task.MaxRetries, 3, 0, 20);
        var retryDelay = settings.Int("MicroPromptRetryDelayMilliseconds", task.RetryDelayMilliseconds, 1000, 1, 600_000);
        var leaseSeconds = settings.Int("MicroPromptSharedCacheLeaseSeconds", task.SharedCacheLeaseSeconds, 15, 2, 3600);
        var waitSeconds = settings.Int("MicroPromptSharedCacheWaitSeconds", task.SharedCacheWaitSeconds, 300, 0, 24 * 3600);

        var judge = (task.Judge ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "true" => true,
            "false" => false,
            _ => settings.Invalid("MicroPromptJudge", task.Judge, "true or false", true),
        };
        var judgeModel = Blank(task.JudgeModel) ? null : task.JudgeModel!.Trim();
        settings.Grading = new GradingOptions { Judge = judge, JudgeModel = judgeModel };
        settings.MinJudgeScore = Blank(task.MinJudgeScore) ? null
            : double.TryParse(task.MinJudgeScore, NumberStyles.Float, CultureInfo.InvariantCulture, out var min) && min >= 0 && min <= 1 ? min
            : settings.Invalid<double?>("MicroPromptMinJudgeScore", task.MinJudgeScore, "a number from 0 to 1, e.g. 0.7", null);
        settings.MaxCostUsd = Blank(task.MaxCostUsd) ? null
            : decimal.TryParse(task.MaxCostUsd, NumberStyles.Number, CultureInfo.InvariantCulture, out var max) && max >= 0 ? max
            : settings.Invalid<decimal?>("MicroPromptMaxCostUsd", task.MaxCostUsd, "a number of US dollars ≥ 0, e.g. 0.50", null);
        if (!Blank(task.PriceTable))
        {
            try
            {
                settings.Prices = PriceTable.Load(Path.GetFullPath(task.PriceTable!.Trim(), task.ProjectDirectory));
            }
            catch (MicroPromptException ex)
            {
                settings.Problems.Add(ex.Diagnostic);
            }
        }

        var otlp = MicroPrompt.Telemetry.TelemetryEndpoint.Resolve(
            task.OtlpEndpoint, Environment.GetEnvironmentVariable(MicroPrompt.Telemetry.TelemetryEndpoint.EnvironmentVariable), out var otlpProblem);
        if (otlpProblem is not null)
        {
            (otlpProblem.Severity == DiagnosticSeverity.Error ? settings.Problems : settings.Warnings).Add(otlpProblem);
        }

        var includeContent = settings.Bool("MicroPromptOtlpIncludeContent", task.OtlpIncludeContent, false);
        settings.Telemetry = otlp is null ? null : new MicroPrompt.Telemetry.TelemetryOptions
        {
            Endpoint = otlp,
            IncludeContent = includeContent,
            ProjectName = string.IsNullOrWhiteSpace(task.ProjectName) ? Path.GetFileName(task.ProjectDirectory.TrimEnd('/', '\\')) : task.ProjectName!.Trim(),
            ServiceVersion = task.GeneratorVersion,
        };

        settings.Comparison = MicroPrompt.Comparison.ComparisonSettings.Parse(task.Models, task.Samples, task.CompareRepair, maxPasses, settings.Problems, task.CompareTemperature);
        settings.Dependability = MicroPrompt.Dependability.DependabilitySettings.Parse(task.CheckSamples, task.CheckTemperature, task.CheckMutants, settings.Problems);
        settings.MinDependability = MicroPrompt.Dependability.DependabilitySettings.ParseMinimum(task.MinDependability, settings.Problems);

        var (regenerateAll, regenerateItems) = ItemList(task.Regenerate);

        var project = new ProjectContext
        {
            ProjectDirectory = task.ProjectDirectory,
            RootNamespace = task.RootNamespace ?? "",
            TargetFramework = task.TargetFramework ?? "",
            LangVersion = task.LangVersion ?? "",
            Nullable = task.Nullable ?? "",
            ImplicitUsings = string.Equals(task.ImplicitUsings, "enable", StringComparison.OrdinalIgnoreCase)
                || string.Equals(task.ImplicitUsings, "true", StringComparison.OrdinalIgnoreCase),
            IsExecutable = string.Equals(task.OutputType, "Exe", StringComparison.OrdinalIgnoreCase)
                || string.Equals(task.OutputType, "WinExe", StringComparison.OrdinalIgnoreCase),
            ReferencePaths = task.References.Select(r => r.Get("FullPath")).Distinct(StringComparer.Ordinal).ToList(),
            PackageReferences = task.References
                .Where(r => !Blank(r.Get("NuGetPackageId")))
                .Select(r => new PackageInfo(r.Get("NuGetPackageId"), r.Get("NuGetPackageVersion")))
                .DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
                .ToList(),
            AnalyzerPaths = task.Analyzers.Select(a => a.Get("FullPath")).Distinct(StringComparer.Ordinal).ToList(),
            SourceFiles = task.Sources.Select(s => s.Get("FullPath")).Where(File.Exists).ToList(),
            GlobalUsings = task.Usings
                .Select(u => new GlobalUsing(
                    u.ItemSpec,
                    Blank(u.Get("Alias")) ? null : u.Get("Alias").Trim(),
                    string.Equals(u.Get("Static")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
                .ToList(),
            DefineConstants = (task.DefineConstants ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };

        settings.ProviderName = providerName;
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

        settings.Provider = new ProviderSettings
        {
            Provider = providerName,
            Endpoint = endpoint,
            ApiKeyVariable = Blank(task.ApiKeyVariable) ? null : task.ApiKeyVariable!.Trim(),
            Timeout = TimeSpan.FromSeconds(timeout),
            Resilience = new ModelCallResilience { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(retryDelay) },
        };
        settings.Items = ReadItems(task, settings.Problems);
        settings.Options = new ResolutionOptions
        {
            Project = project,
            StoreDirectory = Path.GetFullPath(task.StoreDirectory, task.ProjectDirectory),
            UserCacheDirectory = Blank(task.UserCacheDirectory) ? null : Path.GetFullPath(task.UserCacheDirectory!, task.ProjectDirectory),
            OutputDirectory = Path.GetFullPath(task.OutputDirectory, task.ProjectDirectory),
            DefaultModel = Blank(task.Model) ? null : task.Model!.Trim(),
            ProviderName = providerName,
            Locked = task.Locked,
            RegenerateAll = regenerateAll,
            RegenerateItems = regenerateItems,
            Regeneration = regeneration,
            AllowApiChangesAll = allowApiAll,
            AllowApiChangesItems = allowApiItems,
            DesignTime = task.DesignTime || settings.Comparison is not null, // a comparison resolves nothing: resolved code, else stubs
            Repair = repair,
            MaxPasses = maxPasses,
            MaxConcurrency = concurrency,
            GeneratorVersion = Blank(task.GeneratorVersion) ? "0.0.0" : task.GeneratorVersion!,
            MaxPromptBytes = maxBytes,
            StrictCapabilities = task.StrictCapabilities,
            SharedCache = Blank(task.SharedCache) ? null : new SharedCacheOptions
            {
                Configuration = task.SharedCache!.Trim(),
                PasswordVariable = Blank(task.SharedCacheKeyVariable) ? null : task.SharedCacheKeyVariable!.Trim(),
                SigningKeyVariable = Blank(task.SharedCacheSigningKeyVariable) ? null : task.SharedCacheSigningKeyVariable!.Trim(),
                LeaseDuration = TimeSpan.FromSeconds(leaseSeconds),
                WaitLimit = TimeSpan.FromSeconds(waitSeconds),
                InProcessScope = "msbuild", // one connection and in-process level per MSBuild node
            },
            Budget = settings.MaxCostUsd is { } budget ? new GenerationBudget(budget, settings.Prices) : null,
            JudgeModel = judge ? judgeModel ?? "" : null,
        };
        return settings;
    }

    private static List<ResolutionItem> ReadItems(ResolutionParameters task, List<MicroPromptDiagnostic> problems)
    {
        var items = new List<ResolutionItem>();
        foreach (var prompt in task.Prompts)
        {
            var regeneration = prompt.Get("Regeneration");
            var mode = ParseRegeneration(regeneration);
            var fullPath = Blank(prompt.Get("FullPath")) ? Path.GetFullPath(prompt.ItemSpec, task.ProjectDirectory) : prompt.Get("FullPath");
            if (mode is null)
            {
                problems.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty,
                    $"The Regeneration metadata of '{prompt.ItemSpec}' is '{regeneration}'; expected edit or fresh.", fullPath, 1, 1));
                continue;
            }

            items.Add(new ResolutionItem
            {
                FullPath = fullPath,
                ItemPath = Path.GetRelativePath(task.ProjectDirectory, fullPath).Replace('\\', '/'),
                ModelOverride = prompt.Get("Model"),
                NamespaceOverride = prompt.Get("Namespace"),
                RegenerationOverride = string.IsNullOrWhiteSpace(regeneration) ? null : mode,
            });
        }

        return items;
    }

    /// <summary><c>edit</c> or <c>fresh</c> (any case; blank = edit), or null for anything else.</summary>
    public static RegenerationMode? ParseRegeneration(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "edit" => RegenerationMode.Edit,
        "fresh" => RegenerationMode.Fresh,
        _ => null,
    };

    /// <summary>A property that is <c>true</c> (or <c>*</c>) for every item, <c>false</c>/blank for none, or item names.</summary>
    private static (bool All, string[] Items) ItemList(string? value)
    {
        var text = (value ?? "").Trim();
        var all = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "*";
        return all || text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? (all, [])
            : (false, text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private int Int(string property, string? value, int fallback, int min, int max)
    {
        if (Blank(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        return Invalid(property, value, $"a whole number from {min} to {max}", fallback);
    }

    private bool Bool(string property, string? value, bool fallback)
    {
        if (Blank(value))
        {
            return fallback;
        }

        return value!.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => Invalid(property, value, "true or false", fallback),
        };
    }

    private T Invalid<T>(string property, string? value, string expected, T fallback)
    {
        Problems.Add(MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty, $"{property} is '{value}'; expected {expected}."));
        return fallback;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
