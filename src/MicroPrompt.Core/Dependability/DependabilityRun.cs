using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Settings;

namespace MicroPrompt.Dependability;

/// <summary>
/// The one entry of both the build (<c>-p:MicroPromptCheckSamples=N</c>) and <c>dotnet mprompt check</c>: runs the
/// <see cref="DependabilityCheck"/> with the project's settings (provider, model, repair, passes, examples, grading,
/// prices, user cache, locked), gates it at <c>MicroPromptMinDependability</c> and returns the report section.
/// </summary>
public static class DependabilityRun
{
    /// <summary>Mutants per item at most for example strength, spread over the code (bounds the time of a check).</summary>
    public const int MaxMutantsPerItem = 100;

    /// <param name="settings">The build's settings (the API key is read from the environment by the model client).</param>
    /// <param name="check">Samples, temperature, mutants, items.</param>
    /// <param name="resolved">The build's resolution (never changed).</param>
    /// <param name="minimum">The gate (<c>MicroPromptMinDependability</c>, 0–1), or null for none.</param>
    /// <param name="log">Informational messages.</param>
    /// <param name="telemetry">The build's telemetry export, if any.</param>
    /// <param name="analyzers">Probe comparer, example-strength analyzer and assumptions; null: <see cref="Analyzers"/>.</param>
    /// <param name="cancellationToken">Stops the check; graded samples stay cached.</param>
    public static async Task<DependabilityOutcome> RunAsync(
        ResolutionSettings settings,
        DependabilitySettings check,
        ResolutionResult resolved,
        double? minimum,
        Action<string>? log = null,
        Telemetry.ITelemetryExport? telemetry = null,
        DependabilityAnalyzers? analyzers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(check);
        using var owned = analyzers is null ? Analyzers(settings, check.Mutants, log) : null;
        var used = (analyzers ?? owned!) with
        {
            Assumptions = (analyzers ?? owned!).Assumptions ?? AssumptionsOf(resolved),
        };
        var engine = new DependabilityCheck(
            settings.Options,
            check,
            () => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples, settings.Grading, log, memoizeVerification: true, telemetry: telemetry),
            used,
            settings.Prices,
            (ex, model) => GeneratorFactory.Classify(ex, settings.Provider, model),
            log);
        var result = await engine.RunAsync(settings.Items, resolved, cancellationToken).ConfigureAwait(false);
        var gate = DependabilityGate.Evaluate(result.Items, minimum, settings.Options.Project.ProjectDirectory);
        return new DependabilityOutcome(result, ReportDependability.From(result, minimum), [.. result.Diagnostics, .. gate]);
    }

    /// <summary>
    /// What the build and the tool use beyond the grades, for these settings: the probe comparer (in the example
    /// sandbox; none when <c>MicroPromptRunExamples</c> is false), asking the project's model for edge cases only when
    /// model calls are allowed, its replies kept in the user cache (<c>probes/</c>) so an unchanged check asks nothing
    /// again. Dispose it to end the probe harness.
    /// </summary>
    /// <param name="settings">The build's settings.</param>
    /// <param name="mutants">Also measure example strength (<c>--mutants</c>, <c>MicroPromptCheckMutants</c>).</param>
    /// <param name="log">Informational messages.</param>
    public static DependabilityAnalyzers Analyzers(ResolutionSettings settings, bool mutants = false, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Examples is not { } examples)
        {
            return DependabilityAnalyzers.None;
        }

        var owned = new List<IDisposable>();
        Microsoft.Extensions.AI.IChatClient? client = null;
        var model = settings.Options.DefaultModel;
        if (!settings.Options.Locked && !string.IsNullOrEmpty(model))
        {
            var http = Resilience.ModelHttpClient.Create(settings.Provider);
            owned.Add(http);
            client = Models.ChatClientFactory.Create(settings.Provider, model, http: http);
            owned.Add(client);
            if (settings.Options.UserCacheDirectory is { Length: > 0 } cache)
            {
                client = new Microsoft.Extensions.AI.DistributedCachingChatClient(client, new Probes.ProposalReplyCache(Path.Combine(cache, "probes")));
            }
        }

        var probes = new Probes.ProbeComparer(examples, new Probes.ProbeComparerOptions { ChatClient = client, Model = model, Log = log });
        owned.Insert(0, probes);
        IExampleStrengthAnalyzer? strength = null;
        if (mutants)
        {
            // Mutants stop at their first failing example, and one harness runs many of them: its CPU allowance is the
            // whole run's, not one example's (a harness killed for CPU would count every mutant as killed).
            var runner = new Verification.ExampleRunner(examples with
            {
                StopAtFirstFailure = true,
                JailLimits = examples.DefaultJailLimits with { CpuSeconds = 3600 },
            });
            owned.Insert(0, runner);
            strength = new ExampleStrengthAnalyzer(new Compilation.RoslynCompileChecker(log: log), runner, probes, MaxMutantsPerItem);
        }

        return new DependabilityAnalyzers { Probes = probes, ExampleStrength = strength, Owned = owned };
    }

    private static Func<string, IReadOnlyList<string>> AssumptionsOf(ResolutionResult resolved)
    {
        var byPath = resolved.Items.GroupBy(i => i.ItemPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Assumptions, StringComparer.Ordinal);
        return path => byPath.TryGetValue(path, out var assumptions) ? assumptions : [];
    }
}
