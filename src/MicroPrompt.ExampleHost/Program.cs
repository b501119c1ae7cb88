using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace MicroPrompt.ExampleHost;

/// <summary>
/// The example harness. Reads JSON requests, one a line, from stdin: <c>init</c> (reply prefix + runtime assemblies),
/// <c>run</c> (one example: a library example method, or a program's entry point with args/stdin in a working
/// directory), <c>probe</c> (a probe method whose returned string is the rendered outcome) and <c>unload</c>; writes one JSON reply line per init/run to stdout, prefixed with the nonce. Exits at
/// the end of stdin. Time limits, memory caps and crashes are the parent's business: it kills this process when an
/// example overruns and starts a new one for the remaining examples.
/// </summary>
internal static class Program
{
    private const int CaptureLimit = 1024 * 1024;
    private const int FramesShown = 3;
    private const string ExampleClass = "MicroPrompt.Examples.ExampleMethods";
    private const string AssertionException = "MicroPrompt.Examples.ExampleAssertionException";

    private static readonly Dictionary<string, (ExampleLoadContext Context, Assembly Assembly)> Loaded = new(StringComparer.Ordinal);
    private static Dictionary<string, string> _runtimePaths = new(StringComparer.OrdinalIgnoreCase);
    private static string _nonce = "";

    public static int Main()
    {
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };

        // Examples never see the job on stdin nor write into the replies on stdout.
        Console.SetIn(TextReader.Null);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);

        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var request = JsonSerializer.Deserialize(line, HostJsonContext.Default.HostRequest);
            HostReply? reply = request?.Op switch
            {
                "init" => Init(request),
                "run" => Run(request),
                "probe" => Run(request),
                "unload" => Unload(request),
                _ => new HostReply { Id = request?.Id ?? 0, Message = $"unknown request '{request?.Op}'" },
            };
            if (reply is not null)
            {
                output.WriteLine(_nonce + JsonSerializer.Serialize(reply, HostJsonContext.Default.HostReply));
            }
        }

        return 0;
    }

    private static HostReply Init(HostRequest request)
    {
        _nonce = request.Nonce ?? "";
        if (request.ParentProcessId > 0)
        {
            var watchdog = new Thread(() => WatchParent(request.ParentProcessId)) { IsBackground = true, Name = "parent watchdog" };
            watchdog.Start();
        }

        _runtimePaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in request.RuntimePaths ?? [])
        {
            _runtimePaths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return new HostReply { Ready = true };
    }

    /// <summary>Ends the harness when the build that started it is gone, even while an example is stuck in a loop.</summary>
    private static void WatchParent(int parentId)
    {
        while (true)
        {
            Thread.Sleep(1000);
            try
            {
                using var parent = Process.GetProcessById(parentId);
                if (parent.HasExited)
                {
                    Environment.Exit(3);
                }
            }
            catch (ArgumentException)
            {
                Environment.Exit(3);
            }
            catch (InvalidOperationException)
            {
                Environment.Exit(3);
            }
        }
    }

    private static HostReply? Unload(HostRequest request)
    {
        if (request.Assembly is { } path && Loaded.Remove(path, out var loaded))
        {
            loaded.Context.Unload();
        }

        return null;
    }

    private static HostReply Run(HostRequest request)
    {
        var reply = new HostReply { Id = request.Id };
        var stdout = new CappedWriter(CaptureLimit);
        var stderr = new CappedWriter(CaptureLimit);
        try
        {
            if (request.Directory is { Length: > 0 } directory)
            {
                Directory.SetCurrentDirectory(directory);
            }

            var assembly = Load(request.Assembly ?? throw new InvalidOperationException("no assembly"));
            Console.SetIn(request.Program ? new StringReader(request.Stdin ?? "") : TextReader.Null);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.ExitCode = 0;
            if (request.Program)
            {
                reply.ExitCode = RunEntryPoint(assembly, request.Args ?? []);
                reply.Passed = true;
            }
            else if (request.Op == "probe")
            {
                // A probe method returns its outcome rendered by the test assembly itself (BCL only here).
                reply.Value = RunExample(assembly, request.Method ?? "");
                reply.Passed = true;
            }
            else
            {
                var failure = RunExample(assembly, request.Method ?? "");
                reply.Passed = failure is null;
                reply.Message = failure;
            }
        }
        catch (Exception ex)
        {
            reply.Passed = false;
            reply.Message = Describe(ex);
            reply.Thrown = ex.GetType().FullName;
        }
        finally
        {
            Console.SetIn(TextReader.Null);
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
        }

        reply.Stdout = stdout.ToString();
        reply.Stderr = stderr.ToString();
        return reply;
    }

    private static Assembly Load(string path)
    {
        if (!Loaded.TryGetValue(path, out var loaded))
        {
            var context = new ExampleLoadContext(_runtimePaths);
            using var stream = new MemoryStream(File.ReadAllBytes(path)); // no file lock: the parent deletes it later
            loaded = (context, context.LoadFromStream(stream));
            Loaded[path] = loaded;
        }

        return loaded.Assembly;
    }

    /// <summary>Null when the example held, else the example's own description of the failure.</summary>
    private static string? RunExample(Assembly assembly, string method)
    {
        var type = assembly.GetType(ExampleClass, throwOnError: true)!;
        var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(ExampleClass, method);
        var result = target.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, parameters: [], culture: null);
        return result switch
        {
            Task<string?> task => task.GetAwaiter().GetResult(),
            string text => text,
            _ => null,
        };
    }

    private static int RunEntryPoint(Assembly assembly, List<string> args)
    {
        var entry = assembly.EntryPoint ?? throw new InvalidOperationException("The program has no entry point (Main).");
        object?[] parameters = entry.GetParameters().Length == 0 ? [] : [args.ToArray()];
        var result = entry.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, parameters, culture: null);
        switch (result)
        {
            case Task<int> withCode:
                return withCode.GetAwaiter().GetResult();
            case Task task:
                task.GetAwaiter().GetResult();
                return Environment.ExitCode;
            case int code:
                return code;
            default:
                return Environment.ExitCode;
        }
    }

    private static string Describe(Exception ex)
    {
        if (ex.GetType().FullName == AssertionException)
        {
            return ex.Message;
        }

        var text = new StringBuilder($"threw {ex.GetType().FullName}: {ex.Message}");
        if (ex.InnerException is { } inner)
        {
            text.Append($" (inner {inner.GetType().FullName}: {inner.Message})");
        }

        // The first frames of the generated code and the example (framework throw helpers and the harness left out).
        var frames = (ex.StackTrace ?? "")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("at ", StringComparison.Ordinal)
                && !l.Contains("MicroPrompt.ExampleHost.", StringComparison.Ordinal)
                && !l.StartsWith("at System.", StringComparison.Ordinal)
                && !l.StartsWith("at Microsoft.", StringComparison.Ordinal))
            .Take(FramesShown)
            .ToList();
        foreach (var frame in frames)
        {
            text.Append("\n  ").Append(frame);
        }

        return text.ToString();
    }
}
