using System.Collections.Concurrent;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>
/// Builds the model-backed <see cref="IItemGenerator"/>. Kept apart from the resolution engine: its methods are the only
/// path from a build into the AI, HTTP and Roslyn assemblies, and they run only when some item misses every cache.
/// </summary>
public static class GeneratorFactory
{
    /// <param name="grading">Static checks and judge after the code is correct; null grades nothing.</param>
    /// <param name="log">Informational messages of the grading.</param>
    public static IItemGenerator Create(ProviderSettings provider, string providerName, ProjectContext project, Judging.GradingOptions? grading = null, Action<string>? log = null)
    {
        var clients = new ConcurrentDictionary<string, IChatClient>(StringComparer.Ordinal);
        Func<string, IChatClient> clientFor = model => clients.GetOrAdd(model, m => ChatClientFactory.Create(provider, m));
        IItemGenerator generator = new CodeGenerator(
            clientFor,
            new RoslynCompileChecker(),
            PublicApiExtractor.Extract,
            providerName);
        if (grading is not null)
        {
            generator = new Judging.GradingGenerator(generator, clientFor, grading, log: log);
        }

        return new OwningGenerator(generator, clients);
    }

    /// <summary>Maps a provider exception to a diagnostic naming the endpoint and what to check (never the key).</summary>
    public static MicroPromptDiagnostic? Classify(Exception exception, ProviderSettings provider, string model)
        => ProviderErrors.Classify(exception, provider, model);

    private sealed class OwningGenerator(IItemGenerator inner, ConcurrentDictionary<string, IChatClient> clients) : IItemGenerator
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
        }
    }
}
