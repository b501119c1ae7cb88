using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Resolution;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace MicroPrompt.Tasks;

/// <summary>
/// Resolves the project's <c>MicroPrompt</c> items to C# under obj: a thin adapter from MSBuild to
/// <see cref="PromptResolver"/>. Reads the API key itself from the environment variable named by
/// <see cref="ApiKeyVariable"/>; the key is never a parameter, a property or a log line.
/// </summary>
/// <remarks>
/// Only the parameters, <see cref="Execute"/> and <see cref="Cancel"/> live here: the .NET runtime does not use the
/// ReadyToRun code of a type deriving from MSBuild's <c>Task</c> (outside the image's version bubble), so every method
/// of this class is JIT-compiled. The work is done by <see cref="ResolutionTaskRun"/> over a snapshot of the parameters
/// (<see cref="ResolutionTaskInputs"/>), logging through <see cref="IResolutionLog"/>. Measured with
/// <c>DOTNET_JitStdOutFile</c>: the same holds for every method that touches an MSBuild type (<see cref="TaskLog"/>,
/// <see cref="TaskParameters"/>), and for a task implementing <see cref="ITask"/> directly instead of deriving from
/// <c>Task</c> (its property accessors were still JIT-compiled), so the MSBuild-facing code is kept to those few.
/// </remarks>
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
        var log = new TaskLog(Log);
        ResolutionTaskRun? run = null;
        try
        {
            var inputs = new ResolutionTaskInputs(TaskParameters.From(this, GeneratorVersion ?? TaskAssembly.SdkVersion()), ListFile, StampFile, InputsFile, InputsOnly);
            run = new ResolutionTaskRun(inputs, log, _clock, _cancellation.Token);
            return run.Execute();
        }
        catch (MicroPromptException ex)
        {
            log.Report(ex.Diagnostic);
            return false;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            log.Report(TaskMessages.Cancelled());
            return false;
        }
        catch (Exception ex)
        {
            log.Report(TaskMessages.Unexpected(ex));
            log.Low(ex.ToString());
            return false;
        }
        finally
        {
            if (run?.GeneratedFiles is { } files)
            {
                GeneratedFiles = OutputItems(files);
            }
        }
    }

    private static ITaskItem[] OutputItems(IReadOnlyList<string> files)
    {
        var items = new ITaskItem[files.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new Microsoft.Build.Utilities.TaskItem(files[i]);
        }

        return items;
    }
}
