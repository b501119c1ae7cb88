// status and plan on N resolved items: the core StatusService (keys with the resolver's planner against lock.json) and
// the plan estimate (composed requests, Microsoft.ML.Tokenizers counts), as `dotnet mprompt status --inputs` runs them
// (the MSBuild evaluation that writes inputs.json is excluded; it is a fixed cost per project, printed separately by run.sh).
//   dotnet run -c Release --project tests/Benchmarks/ToolStatusBenchmark [-- 100 1000]
using System.Diagnostics;
using MicroPrompt.Cost;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Status;
using MicroPrompt.Tool.Planning;

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 1000];
Console.WriteLine("items  status cold (ms)  status warm (ms)  plan, all stale (ms)");
foreach (var n in sizes)
{
    var root = Path.Combine(Path.GetTempPath(), "mp-status-bench-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(root);
    try
    {
        var items = new List<ResolutionItem>();
        for (var i = 0; i < n; i++)
        {
            var path = Path.Combine(root, $"P{i}.mprompt");
            var uses = i > 0 && i % 10 != 0 ? $"---\nuses: [P{i - 1}.mprompt]\n---\n" : "";
            File.WriteAllText(path, $"{uses}# Item{i}\n\nReturn {i}.\n\n## Contract\n```csharp\npublic static class Item{i} {{ public static int Value(); }}\n```\n");
            items.Add(new ResolutionItem { FullPath = path, ItemPath = $"P{i}.mprompt" });
        }

        var options = Options(root, "gpt-4.1-mini");
        var resolved = await new PromptResolver(options, () => new Answer()).ResolveAsync(items, CancellationToken.None);
        if (!resolved.Complete)
        {
            throw new InvalidOperationException(string.Join("\n", resolved.Diagnostics.Select(d => d.Message)));
        }

        var cold = Stopwatch.StartNew();
        var status = StatusService.Compute(options, items, null);
        cold.Stop();
        if (status.NeedsWork)
        {
            throw new InvalidOperationException("not up to date");
        }

        var warm = Stopwatch.StartNew();
        const int Runs = 5;
        for (var r = 0; r < Runs; r++)
        {
            StatusService.Compute(options, items, null);
        }

        warm.Stop();
        var stale = StatusService.Compute(Options(root, "gpt-4o"), items, null); // every item stale: every request composed and counted
        var plan = Stopwatch.StartNew();
        var work = PlanEstimator.Estimate(stale, PriceTable.Default, new TokenCounter());
        plan.Stop();
        Console.WriteLine($"{n,5}  {cold.Elapsed.TotalMilliseconds,16:0}  {warm.Elapsed.TotalMilliseconds / Runs,16:0}  {plan.Elapsed.TotalMilliseconds,20:0}   ({work.Count} planned)");
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

static ResolutionOptions Options(string root, string model) => new()
{
    Project = new ProjectContext { ProjectDirectory = root, RootNamespace = "Bench", TargetFramework = "net10.0", Nullable = "enable", ImplicitUsings = true },
    StoreDirectory = Path.Combine(root, ".microprompt"),
    UserCacheDirectory = Path.Combine(root, "cache"),
    OutputDirectory = Path.Combine(root, "obj"),
    DefaultModel = model,
};

/// <summary>Answers every request at once with code for its title (no model, no compile).</summary>
internal sealed class Answer : IItemGenerator
{
    public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken) => Task.FromResult(new GenerationOutcome
    {
        Status = GenerationStatus.Succeeded, Passes = 1, Usage = new UsageTotals(100, 50), Compiles = true, FirstCorrectPass = 1,
        Code = $"namespace {request.Namespace};\npublic static class {request.Prompt.Title} {{ public static int Value() => 1; }}\n",
    });

    public void Dispose()
    {
    }
}
