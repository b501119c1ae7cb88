using System.Globalization;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Runs one code variant on every probe in the example sandbox: one test assembly per variant
/// (<see cref="ExampleAssemblyBuilder"/>; a library probe is a method returning its outcome rendered by
/// <see cref="ProbeRenderer"/>, a program probe runs the entry point), run by one harness process kept across variants
/// (the harness's <c>probe</c> request), under the examples' time limit, memory limit and jail. A timeout or crash ends
/// only that probe (the harness is restarted); after <see cref="ProbeComparerOptions.MaxTimeoutsPerVariant"/> timeouts
/// the variant's remaining probes are not run. The same code on the same probes is run once (outcomes kept for the
/// comparer's life). Not thread-safe: the comparer runs one variant at a time.
/// </summary>
internal sealed class ProbeRunner : IDisposable
{
    private const int MemoEntries = 256;

    private readonly ExampleRunnerOptions _options;
    private readonly ProbeComparerOptions _settings;
    private readonly ExampleAssemblyBuilder _builder = new(new CompilationInputCache(RoslynCompileChecker.SharedCache));
    private readonly string _workDirectory;
    private readonly Dictionary<string, IReadOnlyList<ProbeOutcome>> _memo = new(StringComparer.Ordinal);
    private ExampleHarness? _harness;
    private int _assemblies;
    private int _runs;

    public ProbeRunner(ExampleRunnerOptions options, ProbeComparerOptions settings)
    {
        _options = options;
        _settings = settings;
        _workDirectory = Path.Combine(options.WorkRoot ?? Path.GetTempPath(), "mp-probes-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>Harness processes started so far.</summary>
    public int HarnessStarts => _harness?.Starts ?? 0;

    /// <summary>Time spent compiling probe assemblies so far.</summary>
    public TimeSpan CompileTime { get; private set; }

    /// <summary>Time spent running probes so far (harness starts included).</summary>
    public TimeSpan RunTime { get; private set; }

    /// <summary>Variants whose outcomes came from an earlier run of the same code on the same probes.</summary>
    public int Reused { get; private set; }

    /// <summary>The outcome of every probe, in probe order.</summary>
    public async Task<IReadOnlyList<ProbeOutcome>> RunAsync(ProbeSubject subject, string code, IReadOnlyList<Probe> probes, CancellationToken cancellationToken)
    {
        if (probes.Count == 0)
        {
            return [];
        }

        // The same code on the same probes behaves the same (a dependability check's identical samples, the original
        // code against each mutant): run it once.
        var key = Hashing.ContentHash.Sha256Hex(string.Join("\u0000", [subject.ItemPath, code, .. probes.Select(p => p.Code + "\u0001" + p.Input)]));
        if (_memo.TryGetValue(key, out var known))
        {
            Reused++;
            return known;
        }

        var outcomes = await RunCoreAsync(subject, code, probes, cancellationToken).ConfigureAwait(false);
        if (_memo.Count >= MemoEntries)
        {
            _memo.Clear();
        }

        _memo[key] = outcomes;
        return outcomes;
    }

    private async Task<IReadOnlyList<ProbeOutcome>> RunCoreAsync(ProbeSubject subject, string code, IReadOnlyList<Probe> probes, CancellationToken cancellationToken)
    {
        var isProgram = subject.Prompt.Kind == PromptKind.Program;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var examples = probes.Select(p => new PromptExample(isProgram ? "(probe)" : ProbeMethodBody(p), "csharp", new SourceSpan(1, 1))).ToList();
        var request = new ExampleRunRequest
        {
            ItemPath = subject.ItemPath,
            PromptFile = subject.Prompt.FilePath,
            Code = code,
            Kind = subject.Prompt.Kind,
            Namespace = subject.Namespace,
            Project = subject.Project,
            CompanionSources = isProgram ? subject.CompanionSources : [.. subject.CompanionSources, ProbeRenderer.Source],
            UsedNamespaces = subject.UsedNamespaces,
        };

        Directory.CreateDirectory(Path.Combine(_workDirectory, "asm"));
        var assembly = Path.Combine(_workDirectory, "asm", $"{++_assemblies}-probes.dll");
        var built = _builder.Build(request, examples, assembly);
        CompileTime += clock.Elapsed;
        clock.Restart();
        if (built.AssemblyPath is null)
        {
            return probes.Select(_ => ProbeOutcome.NotRun).ToList();
        }

        _harness ??= new ExampleHarness(_options, _workDirectory);
        var outcomes = new List<ProbeOutcome>(probes.Count);
        var timeouts = 0;
        for (var i = 0; i < probes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (built.NotCompiled.ContainsKey(i) || (!isProgram && built.Forms[i] == ExampleForm.Excluded) || timeouts >= _settings.MaxTimeoutsPerVariant)
            {
                outcomes.Add(ProbeOutcome.NotRun);
                continue;
            }

            var outcome = await RunOneAsync(probes[i], i, built.AssemblyPath, cancellationToken).ConfigureAwait(false);
            timeouts += outcome.Kind == ProbeOutcomeKind.TimedOut ? 1 : 0;
            outcomes.Add(outcome);
        }

        _harness.Unload(built.AssemblyPath);
        RunTime += clock.Elapsed;
        return outcomes;
    }

    public void Dispose()
    {
        _harness?.Dispose();
        _harness = null;
        try
        {
            if (Directory.Exists(_workDirectory))
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still open (Windows): the temp folder is cleaned by the system.
        }
    }

    /// <summary>The statements of a library probe's method: run the call, return its rendered outcome.</summary>
    internal static string ProbeMethodBody(Probe probe) => probe.Call switch
    {
        ProbeCall.Void => $"{probe.Code};\nreturn {ProbeRenderer.ClassName}.Completed();",
        ProbeCall.Task => $"await {probe.Code};\nreturn {ProbeRenderer.ClassName}.Completed();",
        ProbeCall.TaskOfValue => $"return {ProbeRenderer.ClassName}.Render((object)(await {probe.Code}));",
        _ => $"return {ProbeRenderer.ClassName}.Render((object)({probe.Code}));",
    };

    private async Task<ProbeOutcome> RunOneAsync(Probe probe, int index, string assemblyPath, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_workDirectory, "run", (++_runs).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var request = new HarnessRequest { Op = "probe", Assembly = assemblyPath, Directory = directory };
        if (probe.Program is { } input)
        {
            request.Op = "run";
            request.Program = true;
            request.Args = [.. input.Args];
            request.Stdin = input.Stdin;
        }
        else
        {
            request.Method = ExampleSourceWriter.MethodName(index);
        }

        var reply = await _harness!.RunAsync(request, _options.Timeout, cancellationToken).ConfigureAwait(false);
        if (reply.Aborted)
        {
            return reply.TimedOut ? ProbeOutcome.TimedOut : ProbeOutcome.Crashed;
        }

        if (!reply.Passed)
        {
            return reply.Thrown is { } thrown ? ProbeOutcome.Threw(thrown) : ProbeOutcome.NotRun;
        }

        return probe.Program is null ? Rendered(reply.Value) : ProgramOutcome(reply);
    }

    private static ProbeOutcome Rendered(string? value)
    {
        var text = value ?? "";
        var separator = text.IndexOf(ProbeRenderer.PinSeparator, StringComparison.Ordinal);
        return separator < 0
            ? new ProbeOutcome(ProbeOutcomeKind.Value, text)
            : new ProbeOutcome(ProbeOutcomeKind.Value, text[..separator], text[(separator + 1)..] is { Length: > 0 } pin ? pin : null);
    }

    /// <summary><c>exit 0, stdout "…"</c>; for a non-zero exit code only the code (error wording is not compared).</summary>
    private static ProbeOutcome ProgramOutcome(HarnessReply reply)
    {
        var exit = reply.ExitCode ?? 0;
        var stdout = (reply.Stdout ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var display = exit == 0
            ? $"exit 0, stdout {ProgramInput.YamlString(stdout.Length > 300 ? stdout[..300] + "…" : stdout)}{(stdout.Length > 300 ? $" ({stdout.Length} chars, #{Hashing.ContentHash.Sha256Hex(stdout)[..8]})" : "")}"
            : $"exit {exit.ToString(CultureInfo.InvariantCulture)}";
        return new ProbeOutcome(ProbeOutcomeKind.Value, display, null, exit, exit == 0 ? stdout : null);
    }
}
