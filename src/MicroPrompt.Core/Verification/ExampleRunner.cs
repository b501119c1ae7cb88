using System.Globalization;
using System.Text;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Verification;

/// <summary>
/// Runs examples in ONE harness child process per build (<see cref="ExampleHarness"/>), restarted only after it is
/// killed on a timeout or dies. Each item gets a test assembly (<see cref="ExampleAssemblyBuilder"/>) in the build's
/// work folder; each example gets its own working directory (program examples' input files are written there first).
/// Library examples: a boolean expression must be true, a statement block must run without throwing. Program
/// examples: the entry point runs with the example's args and stdin; stdout (line ends normalized, trailing newlines
/// ignored) and the exit code must match. Thread-safe: items compile concurrently, examples run one at a time.
/// </summary>
public sealed class ExampleRunner : IExampleRunner
{
    private const int OutputShown = 400;
    private const string NotRun = "not run: an earlier example failed.";

    private readonly ExampleRunnerOptions _options;
    private readonly ExampleAssemblyBuilder _builder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _workDirectory;
    private ExampleHarness? _harness;
    private int _assemblies;
    private int _runs;
    private bool _disposed;

    public ExampleRunner(ExampleRunnerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _builder = new ExampleAssemblyBuilder(new CompilationInputCache(RoslynCompileChecker.SharedCache));
        _workDirectory = Path.Combine(options.WorkRoot ?? Path.GetTempPath(), "mp-examples-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>Harness processes started so far (1 for a build where no example killed or crashed it).</summary>
    public int HarnessStarts => _harness?.Starts ?? 0;

    /// <summary>Time spent starting harness processes so far (the rest of a run is the examples themselves).</summary>
    public TimeSpan HarnessStartTime => _harness?.StartTime ?? TimeSpan.Zero;

    /// <summary>The per-build work folder (test assemblies, HOME, TMPDIR, working directories); deleted on dispose.</summary>
    public string WorkDirectory => _workDirectory;

    /// <summary>Whether the example can be run for an item of this kind.</summary>
    public static bool IsRunnable(PromptExample example, PromptKind kind)
        => kind == PromptKind.Program ? example.Program is not null : IsCSharp(example.Language);

    /// <inheritdoc />
    public async Task<ExampleRunReport> RunAsync(ExampleRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var examples = request.Examples.Where(e => IsRunnable(e, request.Kind)).ToList();
        if (examples.Count == 0)
        {
            return ExampleRunReport.Empty;
        }

        Directory.CreateDirectory(Path.Combine(_workDirectory, "asm"));
        var number = Interlocked.Increment(ref _assemblies);
        var assemblyPath = Path.Combine(_workDirectory, "asm", $"{number}-{SafeName(request.ItemPath)}.dll");
        var built = _builder.Build(request, examples, assemblyPath);
        if (built.AssemblyPath is null)
        {
            return new ExampleRunReport { Results = examples.Select(e => new ExampleResult(e, false, built.Problem)).ToList() };
        }

        var results = new List<ExampleResult>(examples.Count);
        Jail.SandboxKind? sandbox = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var startsBefore = TimeSpan.Zero;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _harness ??= new ExampleHarness(_options, _workDirectory);
            startsBefore = _harness.StartTime;
            clock.Restart();
            for (var i = 0; i < examples.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_options.StopAtFirstFailure && results.Count > 0 && !results[^1].Passed)
                {
                    results.Add(new ExampleResult(examples[i], false, NotRun));
                    continue;
                }

                if (built.NotCompiled.TryGetValue(i, out var notCompiled))
                {
                    results.Add(new ExampleResult(examples[i], false, notCompiled));
                    continue;
                }

                results.Add(await RunOneAsync(examples[i], i, request.Kind, built.AssemblyPath, cancellationToken).ConfigureAwait(false));
            }

            _harness.Unload(built.AssemblyPath);
            sandbox = _harness.Starts > 0 ? _harness.Sandbox : null;
            clock.Stop();
        }
        finally
        {
            _gate.Release();
        }

        return new ExampleRunReport { Results = results, Sandbox = sandbox, RunTime = clock.Elapsed - (_harness!.StartTime - startsBefore) };
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _harness?.Dispose();
        _gate.Dispose();
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

    private async Task<ExampleResult> RunOneAsync(PromptExample example, int index, PromptKind kind, string assemblyPath, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_workDirectory, "run", (++_runs).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var request = new HarnessRequest { Op = "run", Assembly = assemblyPath, Directory = directory };
        if (kind == PromptKind.Program)
        {
            var program = example.Program!;
            foreach (var (name, content) in program.Files)
            {
                var path = Path.Combine(directory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }

            request.Program = true;
            request.Args = [.. program.Args];
            request.Stdin = program.Stdin;
        }
        else
        {
            request.Method = ExampleSourceWriter.MethodName(index);
        }

        var reply = await _harness!.RunAsync(request, _options.Timeout, cancellationToken).ConfigureAwait(false);
        if (kind != PromptKind.Program || reply.Aborted || !reply.Passed)
        {
            return new ExampleResult(example, reply.Passed && !reply.Aborted, reply.Passed ? null : reply.Message ?? "failed.") { TimedOut = reply.TimedOut };
        }

        return JudgeProgram(example, reply);
    }

    private static ExampleResult JudgeProgram(PromptExample example, HarnessReply reply)
    {
        var expected = example.Program!;
        var problems = new List<string>();
        var stdout = Normalize(reply.Stdout ?? "");
        if (expected.Stdout is not null && stdout != Normalize(expected.Stdout))
        {
            problems.Add($"stdout was {Quote(stdout)}, expected {Quote(Normalize(expected.Stdout))}");
        }

        var stderr = Normalize(reply.Stderr ?? "").Trim();
        var stderrChecked = expected.Stderr is not null;
        if (stderrChecked && !stderr.Contains(Normalize(expected.Stderr!).Trim(), StringComparison.Ordinal))
        {
            problems.Add($"stderr was {Quote(stderr)}, expected it to contain {Quote(Normalize(expected.Stderr!).Trim())}");
        }

        if (reply.ExitCode != expected.Exit)
        {
            problems.Add($"the exit code was {reply.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}, expected {expected.Exit}");
        }

        if (problems.Count == 0)
        {
            return new ExampleResult(example, true);
        }

        if (!stderrChecked && stderr.Length > 0)
        {
            problems.Add($"stderr: {Quote(stderr)}");
        }

        return new ExampleResult(example, false, string.Join("; ", problems) + ".");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    private static string Quote(string text)
    {
        var shown = text.Length > OutputShown ? text[..OutputShown] + "…" : text;
        return "\"" + shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
    }

    private static string SafeName(string itemPath)
    {
        var name = Path.GetFileNameWithoutExtension(itemPath.Replace('\\', '/').Split('/')[^1]);
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return safe.Length == 0 ? "item" : safe;
    }

    private static bool IsCSharp(string language)
        => language.Length == 0
           || language.Equals("csharp", StringComparison.OrdinalIgnoreCase)
           || language.Equals("cs", StringComparison.OrdinalIgnoreCase)
           || language.Equals("c#", StringComparison.OrdinalIgnoreCase);
}
