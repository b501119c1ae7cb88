namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of the shared generation cache (MP4010–MP4013). All are warnings: the shared cache is an
/// optimization, and the build goes on without it. None shows a password or a signing key.
/// </summary>
internal static class SharedCacheMessages
{
    /// <summary>What happens after every misconfiguration: the cache is left out, the build is not stopped.</summary>
    private const string GoesOnWithout = "goes on without the shared cache";

    private const string ConfigurationExample = "Example: cache.internal:6379,ssl=true";

    public static MicroPromptDiagnostic Unavailable(string endpoint, Exception exception, string message) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.SharedCacheUnavailable,
        $"The shared generation cache at {endpoint} is unavailable ({exception.GetType().Name}: {message}); this build goes on without it (resolved state, user cache, model). " +
        "Check that Redis is running and reachable, or unset MicroPromptSharedCache.");

    public static MicroPromptDiagnostic EntryRejected(string itemPath, string key, string endpoint, string reason, string? file) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.SharedCacheEntryRejected,
        $"The shared cache entry for '{itemPath}' (key {key}) at {endpoint} was ignored: {reason}. " +
        "Nothing from it went into this build. If this repeats, check who writes to the cache and that every trusted builder uses the same signing key.",
        file, file is null ? 0 : 1, file is null ? 0 : 1);

    public static MicroPromptDiagnostic WaitTimeout(TimeSpan waited, string itemPath, string key, string? file) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.SharedCacheWaitTimeout,
        $"Waited {waited.TotalSeconds:0} s for another builder to generate '{itemPath}' (key {key}) without a result; generating it here. " +
        "Raise MicroPromptSharedCacheWaitSeconds if generations take longer than that.",
        file, file is null ? 0 : 1, file is null ? 0 : 1);

    public static MicroPromptDiagnostic PasswordInConfiguration() => Misconfigured(
        "MicroPromptSharedCache holds a password. Remove it (the value is not shown here) and put the password in an environment variable named by MicroPromptSharedCacheKeyVariable: properties end up in logs and binlogs.");

    public static MicroPromptDiagnostic ConfigurationInvalid(string parserMessage) => Misconfigured(
        $"MicroPromptSharedCache is not a valid StackExchange.Redis configuration string ({parserMessage}). {ConfigurationExample}");

    public static MicroPromptDiagnostic NoEndpoint() => Misconfigured($"MicroPromptSharedCache names no Redis endpoint. {ConfigurationExample}");

    public static MicroPromptDiagnostic PasswordVariableUnset(string variable) => MicroPromptDiagnostic.Warning(DiagnosticCodes.SharedCacheMisconfigured,
        $"MicroPromptSharedCacheKeyVariable names the environment variable '{variable}', which is not set; the build {GoesOnWithout}. Set the variable to the Redis password.");

    /// <param name="problem">"not set" or "shorter than N characters".</param>
    public static MicroPromptDiagnostic SigningKeyUnusable(string variable, string problem) => MicroPromptDiagnostic.Warning(DiagnosticCodes.SharedCacheMisconfigured,
        $"MicroPromptSharedCacheSigningKeyVariable names the environment variable '{variable}', which is {problem}; " +
        $"entries could be neither verified nor signed, so the build {GoesOnWithout}.");

    private static MicroPromptDiagnostic Misconfigured(string message)
        => MicroPromptDiagnostic.Warning(DiagnosticCodes.SharedCacheMisconfigured, $"{message} The build {GoesOnWithout}.");
}
