// The all-resolved resolution alone (issue #15): N prompts generated once through a generator that answers at once (no
// model, no Roslyn), then locked resolutions after deleting obj, each in a fresh process (JIT and assembly loads count),
// alternating ReuseUnchangedPrompts=false (every prompt parsed) and true (unchanged prompts planned from the lock).
// Prints per variant the median CPU time of the child process (user + sys as it reports at its end, the runtime's start included), the median
// resolution wall time, the phase timings of the median run, and whether YamlDotNet/Markdig were loaded.
//   dotnet run -c Release --project tests/Benchmarks/ResolvedPathBenchmark [-- --prompts 1000 --runs 7]
using System.Diagnostics;
using System.Globalization;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

if (args.Length > 0 && args[0] == "--child")
{
    return Child(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3] == "true");
}

var prompts = Option("--prompts", 1000);
var runs = Option("--runs", 7);
var root = Path.Combine(Path.GetTempPath(), "mp-resolved-path-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var setup = await new PromptResolver(Options(root, locked: false, reuse: true), () => new Instant()).ResolveAsync(Items(root, prompts, write: true), CancellationToken.None);
    if (setup.HasErrors)
    {
        Console.Error.WriteLine(string.Join("\n", setup.Diagnostics));
        return 1;
    }

    var results = new Dictionary<bool, List<(double Cpu, double Wall, string Line)>> { [false] = [], [true] = [] };
    for (var run = 0; run < runs; run++)
    {
        foreach (var reuse in new[] { false, true })
        {
            results[reuse].Add(Measure(root, prompts, reuse));
        }
    }

    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
    Console.WriteLine($"{prompts} prompts, {runs} alternating runs, {Environment.ProcessorCount} cores, load average {load}:");
    foreach (var (reuse, list) in results)
    {
        var byCpu = list.OrderBy(r => r.Cpu).ToList();
        var median = byCpu[byCpu.Count / 2];
        var wall = list.Select(r => r.Wall).Order().ToList()[list.Count / 2];
        Console.WriteLine($"  {(reuse ? "skip unchanged" : "parse all    ")}: process cpu {median.Cpu:0} ms, resolution wall {wall:0} ms | {median.Line}");
        Console.WriteLine($"summary prompts={prompts} variant={(reuse ? "skip" : "parse")} runs={runs} process_cpu_ms={median.Cpu:0} resolution_wall_ms={wall:0} load={load}");
    }

    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}

static (double Cpu, double Wall, string Line) Measure(string root, int prompts, bool reuse)
{
    var self = typeof(Instant).Assembly.Location;
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { self, "--child", root, prompts.ToString(CultureInfo.InvariantCulture), reuse ? "true" : "false" })
    {
        start.ArgumentList.Add(a);
    }

    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    if (child.ExitCode != 0 || lines.Length < 3)
    {
        throw new InvalidOperationException($"the child failed ({child.ExitCode}): {output}");
    }

    return (double.Parse(lines[2], CultureInfo.InvariantCulture), double.Parse(lines[0], CultureInfo.InvariantCulture), lines[1]);
}

static int Child(string root, int prompts, bool reuse)
{
    var obj = Path.Combine(root, "obj");
    if (Directory.Exists(obj))
    {
        Directory.Delete(obj, recursive: true);
    }

    var stopwatch = Stopwatch.StartNew();
    var result = new PromptResolver(Options(root, locked: true, reuse), () => throw new InvalidOperationException("no generation"))
        .ResolveAsync(Items(root, prompts, write: false), CancellationToken.None).GetAwaiter().GetResult();
    stopwatch.Stop();
    var parsers = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => n is "YamlDotNet" or "Markdig").Order().ToList();
    Console.WriteLine(stopwatch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
    Console.WriteLine($"errors {result.Diagnostics.Count}, unparsed {result.Unparsed.Count}, parsers loaded: {(parsers.Count == 0 ? "none" : string.Join(", ", parsers))} | {result.Timings}");
    Console.WriteLine(Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)); // runtime start and JIT included
    return result.Complete ? 0 : 1;
}

static List<ResolutionItem> Items(string root, int count, bool write)
{
    var items = new List<ResolutionItem>();
    for (var i = 0; i < count; i++)
    {
        var path = Path.Combine(root, "Prompts", $"F{i}.mprompt");
        if (write)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"---\nkind: library\n---\n# Function {i}\n\nReturn x plus {i}.\n\n## Contract\n```csharp\npublic static class F{i} {{ public static int Compute(int x); }}\n```\n");
        }

        items.Add(new ResolutionItem { FullPath = path, ItemPath = $"Prompts/F{i}.mprompt" });
    }

    return items;
}

static ResolutionOptions Options(string root, bool locked, bool reuse) => new()
{
    Project = new ProjectContext { ProjectDirectory = root, RootNamespace = "Bench", TargetFramework = "net10.0", Nullable = "enable", ImplicitUsings = true },
    StoreDirectory = Path.Combine(root, ".microprompt"),
    UserCacheDirectory = Path.Combine(root, "user-cache"),
    OutputDirectory = Path.Combine(root, "obj", "g"),
    DefaultModel = "bench",
    Locked = locked,
    ReuseUnchangedPrompts = reuse,
    MaxConcurrency = 8,
};

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Answers every request at once with code of the prompt's title (no model, no Roslyn).</summary>
internal sealed class Instant : IItemGenerator
{
    public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var name = request.Prompt.Title!.Replace("Function ", "F", StringComparison.Ordinal);
        return Task.FromResult(new GenerationOutcome
        {
            Status = GenerationStatus.Succeeded, Passes = 1, Compiles = true, FirstCorrectPass = 1, Usage = new UsageTotals(100, 40),
            Code = $"namespace {request.Namespace};\n\npublic static class {name}\n{{\n    public static int Compute(int x) => x + {name[1..]};\n}}\n",
        });
    }

    public void Dispose()
    {
    }
}
