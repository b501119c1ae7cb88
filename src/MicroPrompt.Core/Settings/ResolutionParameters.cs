namespace MicroPrompt.Settings;

/// <summary>
/// Everything the build passes to the resolution: the <c>ResolveMicroPrompts</c> task's parameters, evaluated, as plain
/// values. The task builds it from its parameters; <c>dotnet mprompt</c> reads it from the JSON the SDK target
/// <c>MicroPromptWriteResolutionInputs</c> writes. <see cref="ResolutionSettings.Read"/> turns it into engine settings
/// for both. Never holds a secret: the API key and passwords are read from environment variables whose NAMES these are.
/// </summary>
public sealed class ResolutionParameters
{
    /// <summary>The format of the inputs file (<c>inputs.json</c>).</summary>
    public int Version { get; init; } = 1;

    public List<ParameterItem> Prompts { get; init; } = [];
    public string ProjectDirectory { get; init; } = "";
    public string OutputDirectory { get; init; } = "";
    public string StoreDirectory { get; init; } = "";
    public string? UserCacheDirectory { get; init; }
    public string? RootNamespace { get; init; }
    public string? TargetFramework { get; init; }
    public string? LangVersion { get; init; }
    public string? Nullable { get; init; }
    public string? ImplicitUsings { get; init; }
    public string? OutputType { get; init; }
    public string? DefineConstants { get; init; }
    public List<ParameterItem> References { get; init; } = [];
    public List<ParameterItem> Sources { get; init; } = [];
    public List<ParameterItem> Analyzers { get; init; } = [];
    public List<ParameterItem> Usings { get; init; } = [];
    public string? Model { get; init; }
    public string? Provider { get; init; }
    public string? Endpoint { get; init; }
    public string? ApiKeyVariable { get; init; }
    public string? Repair { get; init; }
    public string? MaxPasses { get; init; }
    public string? MaxConcurrency { get; init; }
    public string? TimeoutSeconds { get; init; }
    public string? MaxPromptBytes { get; init; }
    public string? MaxRetries { get; init; }
    public string? RetryDelayMilliseconds { get; init; }
    /// <summary>Text, as every setting (read by <see cref="SettingsCatalog"/>); inputs files of earlier versions hold a JSON boolean.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(BooleanTextConverter))]
    public string? StrictCapabilities { get; init; }
    /// <summary>Text, as every setting (read by <see cref="SettingsCatalog"/>); inputs files of earlier versions hold a JSON boolean.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(BooleanTextConverter))]
    public string? Locked { get; init; }
    public string? Regenerate { get; init; }
    public string? Regeneration { get; init; }
    public string? AllowApiChanges { get; init; }
    /// <summary>Text, as every setting (read by <see cref="SettingsCatalog"/>); inputs files of earlier versions hold a JSON boolean.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(BooleanTextConverter))]
    public string? DesignTime { get; init; }
    public string? RunExamples { get; init; }
    public string? ExampleTimeoutSeconds { get; init; }
    public List<ParameterItem> RuntimeReferences { get; init; } = [];
    public string? GeneratorVersion { get; init; }
    public string? SharedCache { get; init; }
    public string? SharedCacheKeyVariable { get; init; }
    public string? SharedCacheSigningKeyVariable { get; init; }
    public string? SharedCacheLeaseSeconds { get; init; }
    public string? SharedCacheWaitSeconds { get; init; }
    public string? Judge { get; init; }
    public string? JudgeModel { get; init; }
    public string? PriceTable { get; init; }
    public string? MinJudgeScore { get; init; }
    public string? MaxCostUsd { get; init; }
    public string? ReportDirectory { get; init; }
    public string? Models { get; init; }
    public string? Samples { get; init; }
    public string? CompareRepair { get; init; }
    public string? CompareTemperature { get; init; }
    public string? CheckSamples { get; init; }
    public string? CheckTemperature { get; init; }
    public string? CheckMutants { get; init; }
    public string? MinDependability { get; init; }
    public string? ProjectName { get; init; }
    public string? Sandbox { get; init; }

    /// <summary>The SDK's tasks folder (where <c>examplehost/</c> is), so the tool runs examples with the build's harness.</summary>
    public string? TasksDirectory { get; init; }
    public string? OtlpEndpoint { get; init; }
    public string? OtlpIncludeContent { get; init; }
}
