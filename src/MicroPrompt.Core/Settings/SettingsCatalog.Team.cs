using MicroPrompt.Diagnostics;

namespace MicroPrompt.Settings;

/// <summary>
/// The shared cache, telemetry and model comparison runs. <c>MicroPromptOtlpEndpoint</c> is read with its standard
/// variable by <see cref="Telemetry.TelemetryEndpoint"/>, the comparison's four by <see cref="Comparison.ComparisonSettings.Parse"/>
/// (their own codes, MP1030–MP1033); the catalog declares them for the targets, the hash and the docs.
/// </summary>
public static partial class SettingsCatalog
{
    private const string SharedCacheReason = "the shared cache is one more source of the same keyed, verified generations; it changes no result";

    public static readonly Setting<string?> SharedCache = new(SettingTypes.Text)
    {
        Property = "MicroPromptSharedCache",
        Parameter = "SharedCache",
        EnvironmentVariable = "MICROPROMPT_SHARED_CACHE",
        Default = null,
        MayHoldSecret = true,
        NotHashedReason = SharedCacheReason,
        Doc = "a team's Redis (StackExchange.Redis configuration string) ([docs/shared-cache.md](shared-cache.md))",
    };

    public static readonly Setting<string?> SharedCacheKeyVariable = new(SettingTypes.VariableName)
    {
        Property = "MicroPromptSharedCacheKeyVariable",
        Parameter = "SharedCacheKeyVariable",
        EnvironmentVariable = "MICROPROMPT_SHARED_CACHE_KEY_VARIABLE",
        Default = null,
        MayHoldSecret = true,
        NotHashedReason = SharedCacheReason,
        Doc = "the *name* of the variable holding the Redis password",
    };

    public static readonly Setting<string?> SharedCacheSigningKeyVariable = new(SettingTypes.VariableName)
    {
        Property = "MicroPromptSharedCacheSigningKeyVariable",
        Parameter = "SharedCacheSigningKeyVariable",
        EnvironmentVariable = "MICROPROMPT_SHARED_CACHE_SIGNING_KEY_VARIABLE",
        Default = null,
        MayHoldSecret = true,
        NotHashedReason = SharedCacheReason,
        Doc = "the *name* of the variable holding the HMAC key shared entries are signed with",
    };

    public static readonly Setting<int> SharedCacheLeaseSeconds = new(SettingTypes.Int(2, 3600))
    {
        Property = "MicroPromptSharedCacheLeaseSeconds",
        Parameter = "SharedCacheLeaseSeconds",
        Default = 15,
        NotHashedReason = SharedCacheReason,
        Doc = "shared cache: lifetime of a builder's generation lease without renewal (the holder renews it every third)",
    };

    public static readonly Setting<int> SharedCacheWaitSeconds = new(SettingTypes.Int(0, 24 * 3600))
    {
        Property = "MicroPromptSharedCacheWaitSeconds",
        Parameter = "SharedCacheWaitSeconds",
        Default = 300,
        NotHashedReason = SharedCacheReason,
        Doc = "shared cache: how long a builder waits for another's result (`MP4012`)",
    };

    public static readonly Setting<Uri?> OtlpEndpoint = new(SettingTypes.Endpoint)
    {
        Property = "MicroPromptOtlpEndpoint",
        Parameter = "OtlpEndpoint",
        EnvironmentVariable = "OTEL_EXPORTER_OTLP_ENDPOINT",
        EnvironmentReadByTask = true,
        Default = null,
        ErrorCode = DiagnosticCodes.TelemetryEndpointInvalid,
        MayHoldSecret = true,
        NotHashedReason = "telemetry observes the build; it changes no result",
        Doc = "export the build's traces and metrics over OTLP/HTTP ([docs/telemetry.md](telemetry.md))",
    };

    public static readonly Setting<bool> OtlpIncludeContent = new(SettingTypes.Bool)
    {
        Property = "MicroPromptOtlpIncludeContent",
        Parameter = "OtlpIncludeContent",
        Default = false,
        NotHashedReason = "telemetry observes the build; it changes no result",
        Doc = "`true`: model-call spans also carry prompt text and code",
    };

    public static readonly Setting<string?> Models = new(SettingTypes.List("model ids separated by ';'"))
    {
        Property = "MicroPromptModels",
        Parameter = "Models",
        EnvironmentVariable = "MICROPROMPT_MODELS",
        Default = null,
        ErrorCode = DiagnosticCodes.ComparisonModelEmpty,
        Doc = "models to compare (`a;b;c`): the build becomes a [model comparison run](comparison.md#model-comparison-runs)",
    };

    public static readonly Setting<int> Samples = new(SettingTypes.Int(1, Comparison.ComparisonSettings.MaxSamples))
    {
        Property = "MicroPromptSamples",
        Parameter = "Samples",
        EnvironmentVariable = "MICROPROMPT_SAMPLES",
        Default = 1,
        ErrorCode = DiagnosticCodes.ComparisonSamplesInvalid,
        Doc = "comparison: independent runs per item, model and repair mode (1–100)",
    };

    public static readonly Setting<string?> CompareRepair = new(SettingTypes.List("exec, review and/or none separated by ';'"))
    {
        Property = "MicroPromptCompareRepair",
        Parameter = "CompareRepair",
        EnvironmentVariable = "MICROPROMPT_COMPARE_REPAIR",
        Default = null,
        DefaultText = "`exec;review`",
        ErrorCode = DiagnosticCodes.ComparisonRepairModeUnknown,
        Doc = "comparison: repair modes run; the first one is the leaderboard's",
    };

    public static readonly Setting<double?> CompareTemperature = new(SettingTypes.Number(0, Comparison.ComparisonSettings.MaxTemperature, "0.7"))
    {
        Property = "MicroPromptCompareTemperature",
        Parameter = "CompareTemperature",
        EnvironmentVariable = "MICROPROMPT_COMPARE_TEMPERATURE",
        Default = null,
        DefaultText = "`0`",
        ErrorCode = DiagnosticCodes.ComparisonTemperatureInvalid,
        Doc = "comparison: sampling temperature (0–2); builds always use 0, so above 0 samples are independent draws",
    };
}
