using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Models;

namespace MicroPrompt.Settings;

/// <summary>The model and how to reach it.</summary>
public static partial class SettingsCatalog
{
    public static readonly Setting<string?> Model = new(SettingTypes.Text)
    {
        Property = "MicroPromptModel",
        Parameter = "Model",
        EnvironmentVariable = "MICROPROMPT_MODEL",
        Default = null,
        Doc = "default model",
    };

    public static readonly Setting<string> Provider = new(SettingTypes.Provider)
    {
        Property = "MicroPromptProvider",
        Parameter = "Provider",
        EnvironmentVariable = "MICROPROMPT_PROVIDER",
        Default = ProviderNames.OpenAI,
        ErrorCode = DiagnosticCodes.UnknownProvider,
        Problem = ProviderMessages.UnknownProvider,
        Doc = "`openai` (any OpenAI-compatible endpoint), `azure-openai` (alias `azure`), `ollama`, `anthropic` ([docs/providers.md](providers.md))",
    };

    public static readonly Setting<Uri?> Endpoint = new(SettingTypes.Endpoint)
    {
        Property = "MicroPromptEndpoint",
        Parameter = "Endpoint",
        EnvironmentVariable = "MICROPROMPT_ENDPOINT",
        Default = null,
        DefaultText = "provider's",
        ErrorCode = DiagnosticCodes.InvalidEndpoint,
        Problem = text => ProviderMessages.InvalidEndpoint(text),
        MayHoldSecret = true,
        Doc = "base URL, e.g. `http://127.0.0.1:11434` or `https://api.openai.com/v1` (messages never show its user info or query)",
    };

    public static readonly Setting<string?> ApiKeyVariable = new(SettingTypes.VariableName)
    {
        Property = "MicroPromptApiKeyVariable",
        Parameter = "ApiKeyVariable",
        Default = null,
        DefaultText = "`OPENAI_API_KEY` / `AZURE_OPENAI_API_KEY` / `ANTHROPIC_API_KEY`",
        MayHoldSecret = true,
        NotHashedReason = "it names where the key is read, which changes no generated code",
        Doc = "the *name* of the environment variable holding the key",
    };

    public static readonly Setting<int> TimeoutSeconds = new(SettingTypes.Int(1, 3600))
    {
        Property = "MicroPromptTimeoutSeconds",
        Parameter = "TimeoutSeconds",
        Default = 120,
        NotHashedReason = "how long one call may take, not what it returns; a timed-out build is not stamped and runs again",
        Doc = "per model call attempt",
    };

    public static readonly Setting<int> MaxRetries = new(SettingTypes.Int(0, 20))
    {
        Property = "MicroPromptMaxRetries",
        Parameter = "MaxRetries",
        Default = 3,
        NotHashedReason = "how often a failed call is retried, not what it returns",
        Doc = "retries of a failed call: 408/429/5xx and connection failures, jittered exponential backoff, `Retry-After` honoured; a circuit breaker fails a dead endpoint once (`MP1010`)",
    };

    public static readonly Setting<int> RetryDelayMilliseconds = new(SettingTypes.Int(1, 600_000))
    {
        Property = "MicroPromptRetryDelayMilliseconds",
        Parameter = "RetryDelayMilliseconds",
        Default = 1000,
        NotHashedReason = "how long to wait before a retry, not what the call returns",
        Doc = "first backoff delay",
    };

    public static readonly Setting<int> MaxConcurrency = new(SettingTypes.Int(1, 64))
    {
        Property = "MicroPromptMaxConcurrency",
        Parameter = "MaxConcurrency",
        Default = 4,
        Doc = "model calls in flight (items that `use` each other are ordered)",
    };
}
