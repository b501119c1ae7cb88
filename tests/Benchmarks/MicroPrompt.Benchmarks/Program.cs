// Generation wall time for N prompts against a model server with a fixed latency, at several concurrencies, compared
// with the ideal ceil(N / c) × passes × latency. Everything real except the model: the OpenAI client, the Polly
// pipeline, the Roslyn compile check, the store and user cache; the server is ScriptedModelServer on 127.0.0.1.
//   dotnet run -c Release --project tests/Benchmarks/MicroPrompt.Benchmarks [-- --prompts 40 --latency-ms 500 --concurrency 1,4,8]
using System.Diagnostics;
using System.Globalization;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resolution;
using MicroPrompt.Testing;

var prompts = Option("--prompts", 40);
var latency = TimeSpan.FromMilliseconds(Option("--latency-ms", 500));
var levels = (Value("--concurrency") ?? "1,4,8").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

await using var server = await ScriptedModelServer.StartAsync();
server.Responder = request =>
{
    var title = request.Messages.Last(m => m.Role == "user").Content.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
    return ScriptedReply.Completion($"```csharp\nnamespace Bench;\npublic static class {title} {{ public static int Value() => {title.Length}; }}\n```", 100, 40).After(latency);
};

var references = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
    .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll" or "System.Console.dll" or "System.Linq.dll" or "System.Collections.dll")
    .ToList();

// Warm-up (JIT, Roslyn references, connection pool) on a separate project, not measured.
await RunAsync(prompts: 2, concurrency: 2, tag: "warmup");

if (Environment.GetEnvironmentVariable("MP_BENCH_VERBOSE") == "1")
{
    var checker = new MicroPrompt.Compilation.RoslynCompileChecker();
    var ctx = new ProjectContext { ProjectDirectory = Path.GetTempPath(), RootNamespace = "Bench", TargetFramework = "net10.0", ReferencePaths = references };
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < 20; i++)
    {
        checker.Check(new MicroPrompt.Compilation.CompileCheckRequest { Code = $"namespace Bench;\npublic static class X{i} {{ public static int Value() => {i}; }}", FileName = "X.g.cs", Project = ctx });
    }

    Console.WriteLine($"   compile check: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms each (sequential, warm)");
    SourceGeneratorCost(references);
}

Console.WriteLine($"{prompts} prompts, {latency.TotalMilliseconds:0} ms server latency, {Environment.ProcessorCount} cores");
foreach (var compile in new[] { true, false })
{
    Console.WriteLine(compile
        ? "full pipeline (HTTP + Polly + Roslyn compile check + store):"
        : "without the Roslyn compile check (HTTP + Polly + scheduling + store only):");
    Console.WriteLine("concurrency  passes  wall (s)  ideal (s)  efficiency");
    foreach (var c in levels)
    {
        var (wall, passes) = await RunAsync(prompts, c, $"c{c}{compile}", compile);
        var ideal = Math.Ceiling(prompts / (double)c) * passes * latency.TotalSeconds;
        Console.WriteLine($"{c,11}  {passes,6}  {wall.TotalSeconds,8:0.00}  {ideal,9:0.00}  {ideal / wall.TotalSeconds,10:0.00}");
    }
}

async Task<(TimeSpan Wall, int Passes)> RunAsync(int prompts, int concurrency, string tag, bool compile = true)
{
    var root = Path.Combine(Path.GetTempPath(), $"mp-bench-{tag}-{Guid.NewGuid():N}");
    var project = Path.Combine(root, "project");
    Directory.CreateDirectory(project);
    try
    {
        var items = new List<ResolutionItem>();
        for (var i = 0; i < prompts; i++)
        {
            var path = Path.Combine(project, $"P{i:00}.mprompt");
            File.WriteAllText(path, $"# Item{tag}{i:00}\n\nA static class with `int Value()`.\n");
            items.Add(new ResolutionItem { FullPath = path, ItemPath = $"P{i:00}.mprompt" });
        }

        var context = new ProjectContext { ProjectDirectory = project, RootNamespace = "Bench", TargetFramework = "net10.0", ReferencePaths = references };
        var options = new ResolutionOptions
        {
            Project = context,
            StoreDirectory = Path.Combine(project, ".microprompt"),
            UserCacheDirectory = Path.Combine(root, "cache"),
            OutputDirectory = Path.Combine(project, "obj"),
            DefaultModel = "bench-model",
            MaxConcurrency = concurrency,
        };
        var provider = new ProviderSettings { Endpoint = new Uri(server.OpenAIEndpoint), ApiKeyVariable = "MP_BENCH_UNSET_KEY" };
        Func<IItemGenerator> generator = compile
            ? () => GeneratorFactory.Create(provider, "openai", context)
            : () => new CodeGenerator(model => ChatClientFactory.Create(provider, model), new AcceptAll());
        var resolver = new PromptResolver(options, generator, (ex, model) => ProviderErrors.Classify(ex, provider, model));
        var clock = Stopwatch.StartNew();
        var result = await resolver.ResolveAsync(items, CancellationToken.None);
        clock.Stop();
        if (result.Items.Any(i => i.Status != ItemStatus.Generated))
        {
            throw new InvalidOperationException("not every item was generated: " + string.Join("; ", result.Diagnostics));
        }

        if (Environment.GetEnvironmentVariable("MP_BENCH_VERBOSE") == "1")
        {
            var d = result.Items.Select(i => i.Duration.TotalMilliseconds).OrderBy(x => x).ToList();
            Console.WriteLine($"   item time ms: min {d[0]:0} median {d[d.Count / 2]:0} max {d[^1]:0}");
        }

        return (clock.Elapsed, result.Items.Max(i => i.Passes));
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

// The compile check with the targeting pack's source generators (@(Analyzer)) against the same check without them,
// measured in the same run: the first check that runs them (loads the analyzer assemblies) and warm checks of plain code
// (compiles without them: they are not run) and [GeneratedRegex] code (they run).
static void SourceGeneratorCost(List<string> references)
{
    var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
    var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", Environment.Version.ToString(), "analyzers", "dotnet", "cs");
    if (!Directory.Exists(pack))
    {
        Console.WriteLine($"   source generators: no targeting pack at {pack}; not measured");
        return;
    }

    var analyzers = Directory.GetFiles(pack, "*.dll");
    var refs = references.Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Text.RegularExpressions.dll")).ToList();
    const string plain = "namespace Bench;\npublic static class P{0} {{ public static int Value() => {0}; }}";
    const string regex = "using System.Text.RegularExpressions;\nnamespace Bench;\npublic static partial class R{0} {{ public static int Count(string s) => W().Count(s); [GeneratedRegex(@\"\\w+\")] private static partial Regex W(); }}";
    var without = new ProjectContext { ProjectDirectory = Path.GetTempPath(), RootNamespace = "Bench", TargetFramework = "net10.0", ReferencePaths = refs };
    var with = new ProjectContext { ProjectDirectory = Path.GetTempPath(), RootNamespace = "Bench", TargetFramework = "net10.0", ReferencePaths = refs, AnalyzerPaths = analyzers };
    var checker = new MicroPrompt.Compilation.RoslynCompileChecker(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
    double Time(ProjectContext ctx, string template, int from, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = from; i < from + count; i++)
        {
            var result = checker.Check(new MicroPrompt.Compilation.CompileCheckRequest { Code = string.Format(CultureInfo.InvariantCulture, template, i), FileName = "X.g.cs", Project = ctx });
            if (ctx == with && !result.Success)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors));
            }
        }

        return clock.Elapsed.TotalMilliseconds / count;
    }

    Time(without, plain, 0, 1); // loads the references (shared by both)
    var firstWith = Time(with, regex, 1, 1);
    double plainWithout = 0, plainWith = 0, regexWith = 0;
    for (var round = 0; round < 5; round++)
    {
        plainWithout += Time(without, plain, 100 + round * 10, 10) / 5;
        plainWith += Time(with, plain, 200 + round * 10, 10) / 5;
        regexWith += Time(with, regex, 300 + round * 10, 10) / 5;
    }

    Console.WriteLine($"   source generators: first [GeneratedRegex] check with the pack's {analyzers.Length} analyzer files {firstWith:0.0} ms (opens and loads them, once per process)");
    Console.WriteLine($"   warm check: plain code {plainWithout:0.0} ms without analyzers, {plainWith:0.0} ms with ({plainWith / plainWithout:0.00}x; generators not run), [GeneratedRegex] code {regexWith:0.0} ms ({regexWith / plainWithout:0.00}x)");
}

int Option(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

/// <summary>Accepts any code: isolates scheduling and I/O from Roslyn's CPU time.</summary>
internal sealed class AcceptAll : MicroPrompt.Compilation.ICompileChecker
{
    public MicroPrompt.Compilation.CompileCheckResult Check(MicroPrompt.Compilation.CompileCheckRequest request) => new([]);
}
