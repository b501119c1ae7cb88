// The all-resolved resolution alone (issue #15): N prompts generated once through a generator that answers at once (no
// model, no Roslyn), then locked resolutions after deleting obj, each in a fresh process (JIT and assembly loads count),
// alternating ReuseUnchangedPrompts=false (every prompt parsed) and true (unchanged prompts planned from the lock).
// Prints per variant the median CPU time of the child process (user + sys as it reports at its end, the runtime's start included), the median
// resolution wall time, the phase timings of the median run, and whether YamlDotNet/Markdig were loaded. Each child then
// deletes obj and resolves three more times in the same process ("warm": the run of least CPU, the steady-state cost per
// item once the JIT is done) and times the report model (BuildReportBuilder.Build) of the cold and of the warm result.
//   dotnet run -c Release --project tests/Benchmarks/ResolvedPathBenchmark [-- --prompts 1000 --runs 7]
using System.Diagnostics;
using System.Globalization;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;

if (args.Length > 1 && args[0] == "--setup") // only the generation: the folder is kept (for profiling a --child by hand)
{
    var made = await new PromptResolver(Options(args[1], locked: false, reuse: true), () => new Instant()).ResolveAsync(Items(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), write: true), CancellationToken.None);
    return made.HasErrors ? 1 : 0;
}

if (args.Length > 1 && args[0] == "--lock") // the lock read alone, warm: the median of 30 reads of DIR's lock.json
{
    var store = new MicroPrompt.Store.ResolvedStore(Path.Combine(args[1], ".microprompt"));
    var times = Enumerable.Range(0, 40).Select(_ =>
    {
        var started = Stopwatch.GetTimestamp();
        store.LoadLock();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }).Skip(10).ToList();
    Console.WriteLine($"lock read: median {Median(times):0.00} ms, min {times.Min():0.00} ms");
    return 0;
}

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

    var results = new Dictionary<bool, List<Sample>> { [false] = [], [true] = [] };
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
        var wall = Median(list.Select(r => r.Wall));
        var byWarm = list.OrderBy(r => r.WarmWall).ToList();
        var warm = byWarm[byWarm.Count / 2];
        var (reportCold, reportWarm) = (Median(list.Select(r => r.ReportCold)), Median(list.Select(r => r.ReportWarm)));
        var (warmCpu, warmUser) = (Median(list.Select(r => r.WarmCpu)), Median(list.Select(r => r.WarmUser)));
        Console.WriteLine($"  {(reuse ? "skip unchanged" : "parse all    ")}: process cpu {median.Cpu:0} ms, resolution wall {wall:0} ms | {median.Line}");
        Console.WriteLine($"      warm (same process, least CPU of 3 more): cpu {warmCpu:0} ms (user {warmUser:0} ms), wall {warm.WarmWall:0.0} ms | {warm.WarmLine}");
        Console.WriteLine($"      report model: cold {reportCold:0.0} ms, warm {reportWarm:0.0} ms");
        Console.WriteLine($"summary prompts={prompts} variant={(reuse ? "skip" : "parse")} runs={runs} process_cpu_ms={median.Cpu:0} resolution_wall_ms={wall:0} warm_cpu_ms={warmCpu:0} warm_user_ms={warmUser:0} warm_wall_ms={warm.WarmWall:0.0} report_cold_ms={reportCold:0.0} report_warm_ms={reportWarm:0.0} load={load}");
    }

    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static Sample Measure(string root, int prompts, bool reuse)
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
    if (child.ExitCode != 0 || lines.Length < 9)
    {
        throw new InvalidOperationException($"the child failed ({child.ExitCode}): {output}");
    }

    double Number(int line) => double.Parse(lines[line], CultureInfo.InvariantCulture);
    return new Sample(Number(2), Number(0), lines[1], Number(3), lines[4], Number(5), Number(6), Number(7), Number(8));
}

static int Child(string root, int prompts, bool reuse)
{
    var obj = Path.Combine(root, "obj");
    if (Directory.Exists(obj))
    {
        Directory.Delete(obj, recursive: true);
    }

    var stopwatch = Stopwatch.StartNew();
    var result = Resolve(root, prompts, reuse);
    stopwatch.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds; // runtime start and JIT included; before the warm run
    // (user time is printed for the warm run too: after obj was just deleted, the kernel's inode allocation for 1,000
    // new .g.cs files is a large part of the system time on ext4, whatever the resolver does)
    var parsers = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => n is "YamlDotNet" or "Markdig").Order().ToList();
    var reportCold = TimeReport(root, result);

    // Warm: the least CPU of three more resolutions (by the third, the tiered JIT has optimized the hot methods).
    (ResolutionResult Result, double Cpu, double User, double Wall)? best = null;
    for (var i = 0; i < 3; i++)
    {
        Directory.Delete(obj, recursive: true);
        var self = Process.GetCurrentProcess();
        var (before, userBefore) = (self.TotalProcessorTime.TotalMilliseconds, self.UserProcessorTime.TotalMilliseconds);
        var warmStopwatch = Stopwatch.StartNew();
        var again = Resolve(root, prompts, reuse);
        var wallMs = warmStopwatch.Elapsed.TotalMilliseconds;
        self.Refresh();
        var cpuMs = self.TotalProcessorTime.TotalMilliseconds - before;
        var userMs = self.UserProcessorTime.TotalMilliseconds - userBefore;
        if (best is null || cpuMs < best.Value.Cpu)
        {
            best = (again, cpuMs, userMs, wallMs);
        }
    }

    var (warm, warmCpu, warmUser, warmWall) = best!.Value;
    var reportWarm = Enumerable.Range(0, 3).Select(_ => TimeReport(root, warm)).Min();

    Console.WriteLine(stopwatch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
    Console.WriteLine($"errors {result.Diagnostics.Count}, unparsed {result.Unparsed.Count}, parsers loaded: {(parsers.Count == 0 ? "none" : string.Join(", ", parsers))} | {result.Timings}");
    Console.WriteLine(cpu.ToString("0", CultureInfo.InvariantCulture));
    Console.WriteLine(warmWall.ToString("0.0", CultureInfo.InvariantCulture));
    Console.WriteLine($"errors {warm.Diagnostics.Count}, unparsed {warm.Unparsed.Count} | {warm.Timings}");
    Console.WriteLine(warmCpu.ToString("0.0", CultureInfo.InvariantCulture));
    Console.WriteLine(warmUser.ToString("0.0", CultureInfo.InvariantCulture));
    Console.WriteLine(reportCold.ToString("0.0", CultureInfo.InvariantCulture));
    Console.WriteLine(reportWarm.ToString("0.0", CultureInfo.InvariantCulture));
    return result.Complete && warm.Complete ? 0 : 1;
}

static ResolutionResult Resolve(string root, int prompts, bool reuse) =>
    new PromptResolver(Options(root, locked: true, reuse), () => throw new InvalidOperationException("no generation"))
        .ResolveAsync(Items(root, prompts, write: false), CancellationToken.None).GetAwaiter().GetResult();

// The report model as the task builds it (report files and summary not included).
static double TimeReport(string root, ResolutionResult result)
{
    var started = Stopwatch.GetTimestamp();
    var report = BuildReportBuilder.Build(result, new ReportContext { ProjectDirectory = root, ProjectName = "Bench", GeneratorVersion = "0.0.0" });
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    return report.Items.Count == result.Items.Count ? elapsed : throw new InvalidOperationException("report items");
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

/// <summary>One child run: cold CPU and wall, its phase line; the warm second resolution; the report model, cold and warm.</summary>
internal sealed record Sample(double Cpu, double Wall, string Line, double WarmWall, string WarmLine, double WarmCpu, double WarmUser, double ReportCold, double ReportWarm);

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
