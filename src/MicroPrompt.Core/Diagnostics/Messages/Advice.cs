namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The advice several areas' messages give, written once: how to set a model, unlock a build, regenerate or adopt an
/// item, and where the endpoint is configured. The per-area factories compose their messages from these.
/// </summary>
internal static class Advice
{
    /// <summary>Where a model comes from (MP1001), in precedence order.</summary>
    public const string SetModel =
        "Set MicroPromptModel (or the MICROPROMPT_MODEL environment variable), a 'model:' in the prompt's front matter, or Model metadata on the item.";

    /// <summary>The property that allows model calls in a locked build.</summary>
    public const string Unlock = "-p:MicroPromptLocked=false";

    /// <summary>Regenerating every item of a build.</summary>
    public const string RegenerateAll = "run a build with -p:MicroPromptRegenerate=true to regenerate";

    /// <summary>Regenerating everything when the lock file itself is lost.</summary>
    public const string DeleteLockAndBuild = "delete it and build again to regenerate every item.";

    /// <summary>The endpoint properties, named the way every provider message names them.</summary>
    public const string Endpoint = "MicroPromptEndpoint (or MICROPROMPT_ENDPOINT)";

    /// <summary>What to check about the model server when it cannot be reached.</summary>
    public const string ServerReachable = "the server is running and reachable from this machine";

    /// <summary>The advice for a rate-limited or overloaded provider.</summary>
    public const string TryLater = "Try again later, or lower MicroPromptMaxConcurrency.";

    /// <summary>Why a locked build made no model call: <c>MicroPromptLocked=true</c>, saying so when CI=true made it the default.</summary>
    public static string ModelCallsNotAllowed()
        => $"model calls are not allowed (MicroPromptLocked=true{(Environment.GetEnvironmentVariable("CI") == "true" ? ", the default when CI=true" : "")})";

    /// <summary>The property that regenerates one item.</summary>
    public static string RegenerateItem(string itemPath) => $"-p:MicroPromptRegenerate={itemPath}";

    /// <summary>The command that records a hand edit as an item's resolution.</summary>
    public static string Adopt(string itemPath) => $"`dotnet mprompt adopt {itemPath}`";
}
