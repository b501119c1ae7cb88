// The dependability check's own cost per item: a 20-item project, N = 5 samples per item, against a model server that
// answers at once (ScriptedModelServer on 127.0.0.1, no latency), so what is measured is the engine — planning, the
// OpenAI client and Polly pipeline over loopback, the Roslyn compile check of every distinct sample, static checks,
// the per-sample cache writes and the figures — not model time. Examples are not run here (their cost per example is
// tests/Benchmarks/jail-benchmark.sh's). Then the same check unchanged (every sample cached: no model call).
//   dotnet run -c Release --project tests/Benchmarks/DependabilityBenchmark [-- --items 20 --samples 5 --concurrency 4 --rounds 3]
using System.Diagnostics;
using System.Globalization;
using MicroPrompt.Dependability;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resolution;
using MicroPrompt.Testing;

var itemCount = Option("--items", 20);
var samples = Option("--samples", 5);
var concurrency = Option("--concurrency", 4);
var rounds = Option("--rounds", 3);

await using var server = await ScriptedModelServer.StartAsync();
var answers = 0;
server.Responder = request =>
{
    var title = request.Messages.First(m => m.Role == "user").Content.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
    var n = Interlocked.Increment(ref answers); // every sample a distinct answer, so every one is compiled
    return ScriptedReply.Completion($"```csharp\nnamespace Bench;\npublic static class {title} {{ public static int Value() => {n} - {n} + {title.Length}; }}\n```", 100, 40);
};

var references = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
    .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll" or "System.Console.dll" or "System.Linq.dll" or "System.Collections.dll")
    .ToList();

await MeasureAsync(2, "warmup"); // JIT, Roslyn references, connection pool: not counted
Console.WriteLine($"{itemCount} items × {samples} samples, concurrency {concurrency}, {Environment.ProcessorCount} cores, {rounds} round(s), median");
var cold = new List<double>();
var warm = new List<double>();
for (var round = 0; round < rounds; round++)
{
    var (c, w) = await MeasureAsync(itemCount, $"r{round}");
    cold.Add(c);
    warm.Add(w);
}

Console.WriteLine($"first check (every sample generated and graded): {Median(cold):0} ms wall, {Median(cold) / itemCount:0.0} ms per item, {Median(cold) / (itemCount * samples):0.0} ms per sample");
Console.WriteLine($"unchanged check (every sample cached):          {Median(warm):0} ms wall, {Median(warm) / itemCount:0.00} ms per item");

async Task<(double Cold, double Warm)> MeasureAsync(int count, string tag)
{
    var root = Path.Combine(Path.GetTempPath(), $"mp-dependability-{tag}-{Guid.NewGuid():N}");
    var project = Path.Combine(root, "project");
    Directory.CreateDirectory(project);
    try
    {
        var items = new List<ResolutionItem>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(project, $"P{i:00}.mprompt");
            File.WriteAllText(path, $"# Item{tag}{i:00}\n\nA static class with `int Value()`.\n\n## Contract\n```csharp\npublic static class Item{tag}{i:00} {{ public static int Value(); }}\n```\n");
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
        var resolved = await new PromptResolver(options with { DesignTime = true }, () => throw new InvalidOperationException()).ResolveAsync(items, CancellationToken.None);
        var settings = new DependabilitySettings { Samples = samples };

        double Run()
        {
            var check = new DependabilityCheck(options, settings, () => GeneratorFactory.Create(provider, "openai", context, memoizeVerification: true),
                classifyProviderError: (ex, model) => ProviderErrors.Classify(ex, provider, model));
            var clock = Stopwatch.StartNew();
            var result = check.RunAsync(items, resolved, CancellationToken.None).GetAwaiter().GetResult();
            clock.Stop();
            if (result.Diagnostics.Count > 0 || result.Items.Any(i => i.Correct != samples))
            {
                throw new InvalidOperationException("the check did not grade every sample correct: " + string.Join("; ", result.Diagnostics));
            }

            return clock.Elapsed.TotalMilliseconds;
        }

        return (Run(), Run());
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
