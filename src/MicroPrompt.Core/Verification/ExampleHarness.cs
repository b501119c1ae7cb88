using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MicroPrompt.Diagnostics;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Verification;

/// <summary>
/// The harness child process: started on first use with <c>dotnet exec --roll-forward Major MicroPrompt.ExampleHost.dll</c>
/// in a scrubbed environment, kept for the whole build, killed when an example overruns its time limit, and started
/// again for the next example after it was killed or died. Not thread-safe: the runner sends one request at a time.
/// </summary>
internal sealed class ExampleHarness : IDisposable
{
    private const int StderrLinesKept = 40;

    private readonly ExampleRunnerOptions _options;
    private readonly string _dotnet;
    private readonly string _workDirectory;
    private readonly Queue<string> _stderr = new();
    private Process? _process;
    private Channel<string?>? _lines;
    private string _nonce = "";
    private int _nextId;

    public ExampleHarness(ExampleRunnerOptions options, string workDirectory)
    {
        _options = options;
        _workDirectory = workDirectory;
        _dotnet = options.DotNetPath ?? DotNetHost.Find() ?? throw NotRunnable(
            "the 'dotnet' executable was not found (DOTNET_HOST_PATH is not set and dotnet is not on PATH)");
    }

    /// <summary>Harness processes started so far (a fresh one after each kill or crash).</summary>
    public int Starts { get; private set; }

    /// <summary>Time spent starting harness processes (until each answered its first request).</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Where the examples ran: decided at the first start (<see cref="SandboxSelection"/>).</summary>
    public SandboxKind Sandbox { get; private set; }

    /// <summary>Sends one run request and waits for its reply, at most <paramref name="timeout"/>.</summary>
    public async Task<HarnessReply> RunAsync(HarnessRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        request.Id = ++_nextId;
        Send(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var reply = await ReadReplyAsync(deadline.Token).ConfigureAwait(false);
            if (reply is not null)
            {
                return reply;
            }

            // End of output: the harness is gone (Environment.Exit, stack overflow, fatal crash).
            var (code, stderr) = Reap();
            return new HarnessReply
            {
                Aborted = true,
                Message = $"ended the example process (exit code {code}){Detail(stderr)}: {EndCause(code)}. "
                    + "The harness was restarted for the remaining examples.",
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            return new HarnessReply
            {
                Aborted = true,
                TimedOut = true,
                Message = $"did not finish within {timeout.TotalSeconds:0.#} s (an endless loop, a deadlock or a wait for input?); "
                    + "the example process was stopped and restarted for the remaining examples.",
            };
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
    }

    /// <summary>Asks the harness to drop a test assembly (no reply); ignored when the harness is not running.</summary>
    public void Unload(string assemblyPath)
    {
        if (_process is { HasExited: false })
        {
            try
            {
                Send(new HarnessRequest { Op = "unload", Assembly = assemblyPath });
            }
            catch (IOException)
            {
                // It died meanwhile; the next run restarts it.
            }
        }
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close(); // end of the job: the harness exits by itself
            if (!_process.WaitForExit(2000))
            {
                Kill();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Kill();
        }

        _process?.Dispose();
        _process = null;
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        Reap();
        var started = Stopwatch.StartNew();
        var jail = _options.Selection.Jail;
        Sandbox = jail is null ? SandboxKind.Process : SandboxKind.Jail;
        if (!File.Exists(_options.HostAssemblyPath))
        {
            throw NotRunnable($"the example harness is missing ({_options.HostAssemblyPath}); the MicroPrompt.Sdk package looks incomplete");
        }

        var home = Path.Combine(_workDirectory, "home");
        var temp = Path.Combine(_workDirectory, "tmp");
        var cwd = Path.Combine(_workDirectory, "cwd");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(temp);
        Directory.CreateDirectory(cwd);
        Directory.CreateDirectory(Path.Combine(_workDirectory, "run"));
        Directory.CreateDirectory(Path.Combine(_workDirectory, "asm"));

        var start = HarnessCommand.Create(_dotnet, _options, cwd, home, temp, why => NotRunnable(why));
        Process process;
        try
        {
            process = jail is null
                ? Process.Start(start) ?? throw NotRunnable("the process did not start")
                : StartJailed(start, jail, cwd);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw NotRunnable($"'{_dotnet}' could not be started: {ex.Message}");
        }

        Starts++;
        _process = process;
        lock (_stderr)
        {
            _stderr.Clear();
        }

        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > StderrLinesKept)
                {
                    _stderr.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
        var lines = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _lines = lines;
        _ = PumpAsync(process.StandardOutput, lines.Writer);

        _nonce = "@mp:" + Guid.NewGuid().ToString("N") + ":";
        Send(new HarnessRequest { Op = "init", Nonce = _nonce, ParentProcessId = jail is null ? Environment.ProcessId : 0 /* the jail cannot see the build: --die-with-parent */, RuntimePaths = [.. _options.RuntimeReferencePaths] });
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(_options.StartupTimeout);
        HarnessReply? ready;
        try
        {
            ready = await ReadReplyAsync(startup.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw NotRunnable($"it did not answer within {_options.StartupTimeout.TotalSeconds:0} s");
        }

        if (ready is not { Ready: true })
        {
            var (code, stderr) = Reap();
            throw NotRunnable($"it exited at start (exit code {code}){Detail(stderr)}");
        }

        StartTime += started.Elapsed;
    }

    private Process StartJailed(ProcessStartInfo start, JailTools jail, string cwd)
    {
        var spec = JailSpec.For(jail, _dotnet, _options, _workDirectory, cwd)
            ?? throw NotRunnable("the jail's seccomp program could not be written");
        return JailLauncher.Start(start, spec, [start.FileName, .. start.ArgumentList]);
    }

    /// <summary>What an exit code says about why the harness ended (a signal is 128 + its number).</summary>
    private string EndCause(string code) => code switch
    {
        "152" => $"it used up its CPU time limit ({(_options.JailLimits ?? _options.DefaultJailLimits).CpuSeconds} s of CPU for the example process)",
        "137" => "it was killed (SIGKILL), e.g. when the system ran out of memory",
        _ => "Environment.Exit, a stack overflow or a fatal crash",
    };

    private static async Task PumpAsync(StreamReader output, ChannelWriter<string?> writer)
    {
        try
        {
            while (await output.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                await writer.WriteAsync(line).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // killed or disposed: end of output
        }

        writer.TryWrite(null);
        writer.TryComplete();
    }

    /// <summary>The next reply line, or null at the end of the harness's output.</summary>
    private async Task<HarnessReply?> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var reader = _lines!.Reader;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                return null;
            }

            if (line is null)
            {
                return null;
            }

            if (!line.StartsWith(_nonce, StringComparison.Ordinal))
            {
                continue; // something the examples wrote to the real stdout
            }

            try
            {
                return JsonSerializer.Deserialize(line.AsSpan(_nonce.Length), HarnessJsonContext.Default.HarnessReply);
            }
            catch (JsonException)
            {
                continue;
            }
        }
    }

    private void Send(HarnessRequest request)
    {
        var stdin = _process!.StandardInput;
        stdin.Write(JsonSerializer.Serialize(request, HarnessJsonContext.Default.HarnessRequest));
        stdin.Write('\n');
        stdin.Flush();
    }

    private void Kill()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Waits for an exited harness, disposes it, and returns its exit code and last stderr lines.</summary>
    private (string Code, string Stderr) Reap()
    {
        if (_process is null)
        {
            return ("?", "");
        }

        var code = "?";
        try
        {
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            _process.WaitForExit(); // drains stderr
            code = _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }

        _process.Dispose();
        _process = null;
        string stderr;
        lock (_stderr)
        {
            stderr = string.Join("\n", _stderr);
            _stderr.Clear();
        }

        return (code, stderr);
    }

    private static string Detail(string stderr)
    {
        var first = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (first is null)
        {
            return "";
        }

        return ": \"" + (first.Length > 200 ? first[..200] + "…" : first) + "\"";
    }

    private static MicroPromptException NotRunnable(string why) => new(MicroPromptDiagnostic.Error(
        DiagnosticCodes.ExamplesNotRun,
        $"The examples could not be run: {why}. Set MicroPromptRunExamples=false to build without running them."));
}
