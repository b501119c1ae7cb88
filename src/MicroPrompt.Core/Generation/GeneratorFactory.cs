using System.Collections.Concurrent;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>
/// Builds the model-backed <see cref="IItemGenerator"/>. Kept apart from the resolution engine: its methods are the only
/// path from a build into the AI, HTTP and Roslyn assemblies, and they run only when some item misses every cache.
/// </summary>
public static class GeneratorFactory
{
    public static IItemGenerator Create(ProviderSettings provider, string providerName, ProjectContext project)
    {
        // One HttpClient, so one retry policy and one circuit breaker, for every model of the build.
        var http = ModelHttpClient.Create(provider);
        var clients = new ConcurrentDictionary<string, IChatClient>(StringComparer.Ordinal);
        var generator = new CodeGenerator(
            model => clients.GetOrAdd(model, m => ChatClientFactory.Create(provider, m, http: http)),
            new RoslynCompileChecker(),
            PublicApiExtractor.Extract,
            providerName);
        return new OwningGenerator(generator, clients, http);
    }

    /// <summary>Maps a provider exception to a diagnostic naming the endpoint and what to check (never the key).</summary>
    public static MicroPromptDiagnostic? Classify(Exception exception, ProviderSettings provider, string model)
        => ProviderErrors.Classify(exception, provider, model);

    private sealed class OwningGenerator(IItemGenerator inner, ConcurrentDictionary<string, IChatClient> clients, HttpClient http) : IItemGenerator
    {
        public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
            => inner.GenerateAsync(request, cancellationToken);

        public void Dispose()
        {
            inner.Dispose();
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            http.Dispose();
        }
    }
}
