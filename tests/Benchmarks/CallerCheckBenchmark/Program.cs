// The compile check of one generated item in a project of N items, with and without the callers' side (the project's
// own files and the other items' code as callers, judged against the previous code): median wall time per check over
// the repair-like sequence a regeneration makes, warm (references and the project compilation cached, as in a build).
//   dotnet run -c Release --project tests/Benchmarks/CallerCheckBenchmark [-- --items 20,100 --runs 15]
using System.Diagnostics;
using System.Globalization;
using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;

var sizes = (Value("--items") ?? "20,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var runs = int.Parse(Value("--runs") ?? "15", CultureInfo.InvariantCulture);
var references = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
    .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal) && !p.Contains("Native", StringComparison.Ordinal))
    .ToList();

Console.WriteLine($"{Environment.ProcessorCount} cores; {references.Count} reference assemblies; median of {runs} checks each");
Console.WriteLine("items  item-only (ms)  with callers (ms)  overhead (ms)  ratio");
foreach (var n in sizes)
{
    var root = Path.Combine(Path.GetTempPath(), "mp-callers-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(root);
    try
    {
        // Items: Item0 … Item{n-1}; each calls the one before it. The project's Program.cs calls every tenth item.
        var companions = Enumerable.Range(1, n - 1).Select(Item).ToList();
        var names = Enumerable.Range(1, n - 1).Select(i => $"Items/Item{i}.mprompt").ToList();
        var program = Path.Combine(root, "Program.cs");
        File.WriteAllText(program, "namespace Bench;\npublic static class Program2\n{\n    public static int Run() => 0"
            + string.Concat(Enumerable.Range(0, n).Where(i => i % 10 == 0).Select(i => $" + Item{i}.Value(1)")) + ";\n}\n");
        var project = new ProjectContext { ProjectDirectory = root, RootNamespace = "Bench", TargetFramework = "net10.0", ReferencePaths = references, SourceFiles = [program] };
        var checker = new RoslynCompileChecker();
        CompileCheckRequest Request(string code, string? baseline) => new()
        {
            Code = code, FileName = "Item0.g.cs", Kind = PromptKind.Library, Project = project,
            CompanionSources = companions, CompanionNames = names, CallerBaseline = baseline,
        };

        var previous = Item(0);
        var candidates = Enumerable.Range(0, runs).Select(r => previous.Replace("x + 0", $"x + {r}")).ToList();
        checker.Check(Request(previous, null)); // warm-up: references, project compilation, companions
        checker.Check(Request(previous, previous));
        var plain = Median(candidates.Select(c => Time(() => checker.Check(Request(c, null)))));
        var callers = Median(candidates.Select(c => Time(() => checker.Check(Request(c, previous)))));
        Console.WriteLine($"{n,5}  {plain,14:0.0}  {callers,17:0.0}  {callers - plain,13:0.0}  {callers / plain,5:0.00}");
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

static string Item(int i) => i == 0
    ? "namespace Bench;\npublic static class Item0\n{\n    public static int Value(int x) => x + 0;\n}\n"
    : $"namespace Bench;\npublic static class Item{i}\n{{\n    public static int Value(int x) => Item{i - 1}.Value(x) + {i};\n}}\n";

static double Time(Action action)
{
    var stopwatch = Stopwatch.StartNew();
    action();
    return stopwatch.Elapsed.TotalMilliseconds;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
