using System.Diagnostics;
using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resolution;
using MicroPrompt.SharedCache;
using MicroPrompt.Testing;

// Measures, in one run: one builder alone, N builders at once sharing Redis, and N builders at once without it.
// Each builder is a PromptResolver with its own project copy, resolved state and user cache (as on N machines).
var builders = args.Length > 0 ? int.Parse(args[0]) : 8;
var prompts = args.Length > 1 ? int.Parse(args[1]) : 20;
var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2]) : 1000);
Environment.SetEnvironmentVariable("MP_BENCH_KEY", "sk-bench");

await using var redis = await RedisServer.StartAsync();
await using var server = await ScriptedModelServer.StartAsync();
server.Responder = request =>
{
    var text = string.Join("\n", request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
    var title = Enumerable.Range(1, prompts).Select(i => $"Bench{i}").OrderByDescending(t => t.Length).First(t => text.Contains("# " + t + "\n", StringComparison.Ordinal));
    return ScriptedReply.Completion($"```csharp\nnamespace App;\n\npublic static class {title}\n{{\n    public static int Add(int a, int b) => a + b;\n}}\n```\n", 100, 40) with { Delay = latency };
};
var root = Path.Combine(Path.GetTempPath(), "mp-shared-bench-" + Guid.NewGuid().ToString("N")[..8]);

try
{
    // Warm-up (Roslyn, HTTP, Redis client) so that the first measured run does not pay for JIT alone.
    await RunAsync("warmup", 1, shared: true, prompts: 2);
    await FlushAsync();

    var alone = await RunAsync("alone", 1, shared: true, prompts);
    await FlushAsync();
    var team = await RunAsync("team", builders, shared: true, prompts);
    var isolated = await RunAsync("isolated", builders, shared: false, prompts);

    Console.WriteLine($"shared-cache benchmark: {builders} builders x {prompts} prompts, model latency {latency.TotalMilliseconds:0} ms, MaxConcurrency 4, 2-core machine");
    Console.WriteLine($"  1 builder alone (shared cache on)      : {alone.Seconds,6:0.00} s, {alone.Calls,4} model calls");
    Console.WriteLine($"  {builders} builders at once, shared Redis     : {team.Seconds,6:0.00} s, {team.Calls,4} model calls  ({team.Seconds / alone.Seconds:0.00}x the time of one builder alone)");
    Console.WriteLine($"  {builders} builders at once, no shared cache  : {isolated.Seconds,6:0.00} s, {isolated.Calls,4} model calls  ({isolated.Seconds / alone.Seconds:0.00}x)");
    Console.WriteLine($"  model calls saved by the shared cache    : {isolated.Calls - team.Calls} of {isolated.Calls} ({team.Calls} = one per prompt: {(team.Calls == prompts ? "yes" : "NO")})");
    return team.Calls == prompts ? 0 : 1;
}
finally
{
    try
    {
        Directory.Delete(root, recursive: true);
    }
    catch (IOException)
    {
    }
}

async Task<(double Seconds, int Calls)> RunAsync(string name, int count, bool shared, int prompts)
{
    var before = server.ChatRequestCount;
    var clock = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => BuildAsync(Path.Combine(root, $"{name}-{i}"), shared, prompts))));
    clock.Stop();
    var failed = results.SelectMany(r => r.Diagnostics).Where(d => d.Severity == MicroPrompt.Diagnostics.DiagnosticSeverity.Error).ToList();
    if (failed.Count > 0)
    {
        throw new InvalidOperationException(string.Join("\n", failed));
    }

    return (clock.Elapsed.TotalSeconds, server.ChatRequestCount - before);
}

async Task<ResolutionResult> BuildAsync(string directory, bool shared, int prompts)
{
    var project = Path.Combine(directory, "project");
    Directory.CreateDirectory(project);
    var items = new List<ResolutionItem>();
    for (var i = 1; i <= prompts; i++)
    {
        var path = Path.Combine(project, $"Bench{i}.mprompt");
        File.WriteAllText(path, $"---\nkind: library\n---\n# Bench{i}\n\n`Bench{i}.Add(a, b)` returns the sum.\n\n## Contract\n```csharp\npublic static class Bench{i} {{ public static int Add(int a, int b); }}\n```\n");
        items.Add(new ResolutionItem { FullPath = path, ItemPath = $"Bench{i}.mprompt" });
    }

    var context = new ProjectContext { ProjectDirectory = project, RootNamespace = "App", TargetFramework = "net10.0", Nullable = "enable", ReferencePaths = TestReferences.All };
    var options = new ResolutionOptions
    {
        Project = context,
        StoreDirectory = Path.Combine(project, ".microprompt"),
        UserCacheDirectory = Path.Combine(directory, "user-cache"),
        OutputDirectory = Path.Combine(directory, "obj"),
        DefaultModel = "bench-model",
        MaxConcurrency = 4,
        SharedCache = shared ? new SharedCacheOptions { Configuration = redis.Configuration } : null,
    };
    var provider = new ProviderSettings { Provider = "openai", Endpoint = new Uri(server.OpenAIEndpoint), ApiKeyVariable = "MP_BENCH_KEY", Resilience = MicroPrompt.Resilience.ModelCallResilience.NoRetries };
    var resolver = new PromptResolver(options, () => GeneratorFactory.Create(provider, "openai", context), (e, m) => GeneratorFactory.Classify(e, provider, m));
    return await resolver.ResolveAsync(items, CancellationToken.None);
}

async Task FlushAsync()
{
    await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
    await connection.GetServers()[0].FlushAllDatabasesAsync();
}
