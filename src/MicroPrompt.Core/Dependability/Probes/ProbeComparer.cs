using MicroPrompt.Compilation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Runs code variants of an item on probe inputs (<see cref="LibraryProbeGenerator"/>, <see cref="ProgramProbeGenerator"/>,
/// plus a model's edge cases, <see cref="ProbeProposer"/>) in the example sandbox (<see cref="ProbeRunner"/>) and compares
/// their rendered outcomes. The probes of an item are chosen once per call, deterministically: model-proposed ones
/// first, then the members' type-derived ones in turn, at most <see cref="ProbeComparerOptions.MaxProbes"/>; library probes
/// that do not compile against the contract are dropped. One harness process serves every call of this instance;
/// calls run one at a time. Dispose it to end the harness and delete its work folder.
/// </summary>
public sealed class ProbeComparer : IProbeComparer, IDisposable
{
    private readonly ProbeComparerOptions _settings;
    private readonly ProbeRunner _runner;
    private readonly ProbeValidator _validator = new(new CompilationInputCache(RoslynCompileChecker.SharedCache));
    private readonly ProbeProposer _proposer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ProbeComparer(ExampleRunnerOptions runnerOptions, ProbeComparerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runnerOptions);
        _settings = options ?? new ProbeComparerOptions();
        _runner = new ProbeRunner(runnerOptions, _settings);
        _proposer = new ProbeProposer(_settings.ChatClient, _settings.Model, _settings.Log);
    }

    /// <summary>Probe inputs of the last call (for figures: inputs per item).</summary>
    public int LastProbeCount { get; private set; }

    /// <summary>Harness processes started so far (1 when no probe timed out or crashed).</summary>
    public int HarnessStarts => _runner.HarnessStarts;

    /// <summary>Time spent compiling the variants' probe assemblies so far.</summary>
    public TimeSpan CompileTime => _runner.CompileTime;

    /// <summary>Time spent running probes in the sandbox so far (harness starts included).</summary>
    public TimeSpan RunTime => _runner.RunTime;

    /// <summary>Variants not run again: the same code had already run on the same probes.</summary>
    public int ReusedRuns => _runner.Reused;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ambiguity>> FindAmbiguitiesAsync(ProbeSubject subject, IReadOnlyList<SampleCode> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var probes = await ProbesAsync(subject, cancellationToken).ConfigureAwait(false);
            var results = new List<(int Sample, IReadOnlyList<ProbeOutcome> Outcomes)>();
            foreach (var sample in samples)
            {
                results.Add((sample.Sample, await _runner.RunAsync(subject, sample.Code, probes, cancellationToken).ConfigureAwait(false)));
            }

            var ambiguities = new List<Ambiguity>();
            for (var i = 0; i < probes.Count; i++)
            {
                var groups = results
                    .Where(r => r.Outcomes[i].Compared)
                    .GroupBy(r => r.Outcomes[i].Display, StringComparer.Ordinal)
                    .Select(g => (Outcome: g.First().Outcomes[i], Samples: g.Select(r => r.Sample).Order().ToList()))
                    .OrderByDescending(g => g.Samples.Count)
                    .ThenBy(g => g.Samples[0])
                    .ToList();
                if (groups.Count < 2)
                {
                    continue;
                }

                var pinned = groups.FirstOrDefault(g => g.Outcome.Pinnable);
                var exact = groups.Count(g => g.Outcome.Kind == ProbeOutcomeKind.Threw) > 1;
                ambiguities.Add(new Ambiguity(
                    probes[i].Input,
                    groups.Select(g => new AmbiguityOutcome(g.Outcome.Display, g.Samples)).ToList(),
                    pinned.Outcome is null ? "" : ProbeExampleWriter.Write(probes[i], pinned.Outcome, exact)));
            }

            return ambiguities;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ProbeDisagreement?> FindDisagreementAsync(ProbeSubject subject, string originalCode, string variantCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var probes = await ProbesAsync(subject, cancellationToken).ConfigureAwait(false);
            var original = await _runner.RunAsync(subject, originalCode, probes, cancellationToken).ConfigureAwait(false);
            var variant = await _runner.RunAsync(subject, variantCode, probes, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < probes.Count; i++)
            {
                if (original[i].Pinnable && variant[i].Compared && original[i].Display != variant[i].Display)
                {
                    var exact = variant[i].Kind == ProbeOutcomeKind.Threw;
                    return new ProbeDisagreement(probes[i].Input, original[i].Display, variant[i].Display, ProbeExampleWriter.Write(probes[i], original[i], exact));
                }
            }

            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _runner.Dispose();
        _gate.Dispose();
    }

    /// <summary>The item's probes: capped, model-proposed first, library ones validated against the contract.</summary>
    internal async Task<IReadOnlyList<Probe>> ProbesAsync(ProbeSubject subject, CancellationToken cancellationToken)
    {
        IReadOnlyList<Probe> probes;
        if (subject.Prompt.Kind == PromptKind.Program)
        {
            var covered = ProgramProbeGenerator.Covered(subject.Prompt);
            var proposed = (await _proposer.ProposeRunsAsync(subject.Prompt, _settings.MaxProposed, cancellationToken).ConfigureAwait(false))
                .Where(r => !covered.Contains(r.Key))
                .Select(r => Probe.ForProgram(r) with { Proposed = true });
            probes = proposed.Concat(ProgramProbeGenerator.Generate(subject.Prompt))
                .DistinctBy(p => p.Program!.Key)
                .Take(_settings.MaxProbes)
                .ToList();
        }
        else
        {
            var nullable = !string.Equals(subject.Project.Nullable, "disable", StringComparison.OrdinalIgnoreCase) && subject.Project.Nullable.Length > 0;
            var members = LibraryProbeGenerator.Generate(subject.Prompt, nullable);
            var covered = LibraryProbeGenerator.ExampleCalls(subject.Prompt.Examples);
            var proposed = (await _proposer.ProposeAsync(subject.Prompt, ContractTypeNames(subject.Prompt.Contract), _settings.MaxProposed, cancellationToken).ConfigureAwait(false))
                .Where(c => !covered.Contains(LibraryProbeGenerator.Normalize(c)))
                .Select(c => new Probe(c, c, ProbeCall.Value, Proposed: true))
                .ToList();
            var valid = _validator.Validate(subject, [.. proposed, .. Interleave(members)]);
            probes = valid.Where(p => p.Proposed).Concat(valid.Where(p => !p.Proposed))
                .DistinctBy(p => LibraryProbeGenerator.Normalize(p.Code))
                .Take(_settings.MaxProbes)
                .ToList();
        }

        LastProbeCount = probes.Count;
        return probes;
    }

    /// <summary>The first probe of each member, then the second of each, …: a cap keeps every member probed.</summary>
    private static IEnumerable<Probe> Interleave(IReadOnlyList<IReadOnlyList<Probe>> members)
    {
        for (var round = 0; members.Any(m => m.Count > round); round++)
        {
            foreach (var member in members.Where(m => m.Count > round))
            {
                yield return member[round];
            }
        }
    }

    private static HashSet<string> ContractTypeNames(string? contract)
    {
        if (string.IsNullOrWhiteSpace(contract))
        {
            return [];
        }

        return CSharpSyntaxTree.ParseText(contract).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
            .Select(t => t.Identifier.Text).ToHashSet(StringComparer.Ordinal);
    }
}
