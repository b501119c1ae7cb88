using MicroPrompt.Settings;
using Microsoft.Build.Framework;

namespace MicroPrompt.Tasks;

/// <summary>The task's parameters as plain <see cref="ResolutionParameters"/> (what inputs.json holds).</summary>
internal static class TaskParameters
{
    /// <param name="generatorVersion">The task's <c>GeneratorVersion</c>, or the SDK's version when it was not set.</param>
    public static ResolutionParameters From(ResolveMicroPrompts task, string generatorVersion) => new()
    {
        Prompts = Items(task.Prompts),
        ProjectDirectory = task.ProjectDirectory,
        OutputDirectory = task.OutputDirectory,
        StoreDirectory = task.StoreDirectory,
        UserCacheDirectory = task.UserCacheDirectory,
        RootNamespace = task.RootNamespace,
        TargetFramework = task.TargetFramework,
        LangVersion = task.LangVersion,
        Nullable = task.Nullable,
        ImplicitUsings = task.ImplicitUsings,
        OutputType = task.OutputType,
        DefineConstants = task.DefineConstants,
        References = Items(task.References),
        Sources = Items(task.Sources),
        Analyzers = Items(task.Analyzers),
        Usings = Items(task.Usings),
        Model = task.Model,
        Provider = task.Provider,
        Endpoint = task.Endpoint,
        ApiKeyVariable = task.ApiKeyVariable,
        Repair = task.Repair,
        MaxPasses = task.MaxPasses,
        MaxConcurrency = task.MaxConcurrency,
        TimeoutSeconds = task.TimeoutSeconds,
        MaxPromptBytes = task.MaxPromptBytes,
        MaxRetries = task.MaxRetries,
        RetryDelayMilliseconds = task.RetryDelayMilliseconds,
        StrictCapabilities = task.StrictCapabilities,
        Locked = task.Locked,
        Regenerate = task.Regenerate,
        Regeneration = task.Regeneration,
        AllowApiChanges = task.AllowApiChanges,
        DesignTime = task.DesignTime,
        RunExamples = task.RunExamples,
        ExampleTimeoutSeconds = task.ExampleTimeoutSeconds,
        RuntimeReferences = Items(task.RuntimeReferences),
        GeneratorVersion = generatorVersion,
        SharedCache = task.SharedCache,
        SharedCacheKeyVariable = task.SharedCacheKeyVariable,
        SharedCacheSigningKeyVariable = task.SharedCacheSigningKeyVariable,
        SharedCacheLeaseSeconds = task.SharedCacheLeaseSeconds,
        SharedCacheWaitSeconds = task.SharedCacheWaitSeconds,
        Judge = task.Judge,
        JudgeModel = task.JudgeModel,
        PriceTable = task.PriceTable,
        MinJudgeScore = task.MinJudgeScore,
        MaxCostUsd = task.MaxCostUsd,
        ReportDirectory = task.ReportDirectory,
        Models = task.Models,
        Samples = task.Samples,
        CompareRepair = task.CompareRepair,
        CompareTemperature = task.CompareTemperature,
        CheckSamples = task.CheckSamples,
        CheckTemperature = task.CheckTemperature,
        CheckMutants = task.CheckMutants,
        MinDependability = task.MinDependability,
        ProjectName = task.ProjectName,
        Sandbox = task.Sandbox,
        TasksDirectory = Path.GetDirectoryName(typeof(TaskParameters).Assembly.Location),
        OtlpEndpoint = task.OtlpEndpoint,
        OtlpIncludeContent = task.OtlpIncludeContent,
    };

    private static List<ParameterItem> Items(ITaskItem[] items) => items.Select(item =>
    {
        var result = new ParameterItem { ItemSpec = item.ItemSpec };
        foreach (var name in ParameterItem.MetadataNames)
        {
            var value = item.GetMetadata(name);
            if (!string.IsNullOrEmpty(value))
            {
                result.Metadata[name] = value;
            }
        }

        return result;
    }).ToList();
}
