using System.Runtime.Loader;

namespace MicroPrompt.Tasks;

/// <summary>What the tasks' own assembly knows about itself: the SDK's version and the components loaded beside it.</summary>
internal static class TaskAssembly
{
    /// <summary>The informational version of the tasks (the SDK package's version) without its <c>+commit</c> suffix.</summary>
    public static string SdkVersion()
    {
        var informational = typeof(TaskAssembly).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>
    /// Evidence for "a build whose items are all resolved loads no Roslyn, AI, HTTP client or Redis assembly": the heavy
    /// components and the prompt parsers loaded in the tasks' load context, logged at low importance.
    /// </summary>
    public static void LogLoadedComponents(IResolutionLog log)
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(TaskAssembly).Assembly);
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
        log.Low($"MicroPrompt: heavy components loaded: {(heavy.Count == 0 ? "none" : string.Join(", ", heavy))}");
        var parsers = (context?.Assemblies ?? AppDomain.CurrentDomain.GetAssemblies())
            .Select(a => a.GetName().Name ?? "").Where(n => n is "YamlDotNet" or "Markdig").OrderBy(n => n, StringComparer.Ordinal).ToList();
        log.Low($"MicroPrompt: prompt parsers loaded: {(parsers.Count == 0 ? "none" : string.Join(", ", parsers))}");
    }
}
