using System.Collections.Concurrent;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Verification;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>
/// Builds the model-backed <see cref="IItemGenerator"/>. Kept apart from the resolution engine: its methods are the only
/// path from a build into the AI, HTTP and Roslyn assemblies, and they run only when some item misses every cache.
/// </summary>
public static class GeneratorFactory
{
    /// <param name="provider">The model service.</param>
    /// <param name="providerName">Its name, for messages.</param>
    /// <param name="project">The project the code compiles into.</param>
    /// <param name="examples">How to run examples (one harness process for the whole build); null: examples are not run.</param>
    /// <param name="grading">Static checks and judge after the code is correct; null grades nothing.</param>
    /// <param name="log">Informational messages of the grading.</param>
    /// <param name="memoizeVerification">Compile, run and judge each distinct answer once per build (model comparison runs).</param>
    /// <param name="telemetry">The build's telemetry export, when one runs: model calls are traced (see <see cref="ChatClientFactory.WithTelemetry"/>).</param>
    public static IItemGenerator Create(
        ProviderSettings provider,
        string providerName,
        ProjectContext project,
        ExampleRunnerOptions? examples = null,
        Judging.GradingOptions? grading = null,
        Action<string>? log = null,
        bool memoizeVerification = false,
        Telemetry.ITelemetryExport? telemetry = null)
    {
        // One HttpClient, so one retry policy and one circuit breaker, for every model of the build.
        var http = ModelHttpClient.Create(provider);
        var clients = new ConcurrentDictionary<string, IChatClient>(StringComparer.Ordinal);
        var runner = examples is null ? null : new ExampleRunner(examples);
        Func<string, IChatClient> clientFor = model => clients.GetOrAdd(model, m => telemetry is null
            ? ChatClientFactory.Create(provider, m, http: http)
            : ChatClientFactory.WithTelemetry(ChatClientFactory.Create(provider, m, http: http), telemetry.IncludeContent));
        ICompileChecker checker = new RoslynCompileChecker(log: log);
        IExampleRunner? verifier = runner;
        if (memoizeVerification)
        {
            checker = new Comparison.MemoizingCompileChecker(checker);
            verifier = runner is null ? null : new Comparison.MemoizingExampleRunner(runner);
        }

        IItemGenerator generator = new CodeGenerator(
            clientFor,
            checker,
            PublicApiExtractor.Extract,
            providerName,
            verifier);
        if (grading is not null)
        {
            generator = new Judging.GradingGenerator(generator, clientFor, grading, log: log) { Memo = memoizeVerification ? new Judging.JudgeMemo() : null };
        }

        return new OwningGenerator(generator, clients, http, runner);
    }

    /// <summary>Maps a provider exception to a diagnostic naming the endpoint and what to check (never the key).</summary>
    public static MicroPromptDiagnostic? Classify(Exception exception, ProviderSettings provider, string model)
        => ProviderErrors.Classify(exception, provider, model);

    private sealed class OwningGenerator(IItemGenerator inner, ConcurrentDictionary<string, IChatClient> clients, HttpClient http, IExampleRunner? runner) : IItemGenerator
    {
        public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
            => inner.GenerateAsync(request, cancellationToken);

        public Task<GenerationOutcome?> VerifyAsync(GenerationRequest request, string code, CancellationToken cancellationToken)
            => inner.VerifyAsync(request, code, cancellationToken);

        public void Dispose()
        {
            inner.Dispose();
            runner?.Dispose();
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            http.Dispose();
        }
    }
}
