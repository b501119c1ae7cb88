using MicroPrompt.Comparison;
using MicroPrompt.Compilation;
using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Comparison;

public sealed class ComparisonRunnerTests
{
    private const string Alpha = "---\ntags: [file-data]\n---\n# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string Beta = "---\nuses: [A.mprompt]\ntags: [api, credentials]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";

    private static ResolverFixture Project() => new ResolverFixture()
        .Prompt("A.mprompt", Alpha, model: "pinned")      // a per-item pin: the comparison's list overrides it
        .Prompt("B.mprompt", Beta);

    private static ComparisonSettings Settings(int samples = 2) =>
        new() { Models = ["a", "b"], Samples = samples, Modes = [RepairMode.Exec, RepairMode.Review], MaxPasses = 3 };

    // a: right at once. b: right at pass 2 with execution feedback, never with self-review only; b refuses Beta.
    private static FakeItemGenerator Personas() => new(r =>
    {
        var code = $"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ }}\n";
        if (r.Model == "a")
        {
            return FakeItemGenerator.Code(code) with { JudgeScore = 0.9, JudgeModel = "a", JudgeUsage = new UsageTotals(10, 5) };
        }

        if (r.Prompt.Title == "Beta")
        {
            return new GenerationOutcome { Status = GenerationStatus.Refused, Passes = 1, Usage = new UsageTotals(80, 10), FailureCode = DiagnosticCodes.Refused };
        }

        return r.Repair == RepairMode.Exec
            ? FakeItemGenerator.Code(code) with { Passes = 2, FirstCorrectPass = 2, Usage = new UsageTotals(200, 100) }
            : new GenerationOutcome { Status = GenerationStatus.Failed, Passes = 3, Usage = new UsageTotals(300, 150), FailureCode = DiagnosticCodes.ExamplesFailed };
    });

    private static async Task<(ResolutionResult Resolved, ComparisonResult Compared)> CompareAsync(
        ResolverFixture fx, FakeItemGenerator generator, ComparisonSettings settings, bool locked = false, Action? created = null)
    {
        var options = fx.Options(designTime: true, locked: locked);
        var resolved = await new PromptResolver(options, () => throw new InvalidOperationException("a comparison never generates in the resolution")).ResolveAsync(fx.Items, default);
        var runner = new ComparisonRunner(options, settings, () => { created?.Invoke(); return generator; });
        return (resolved, await runner.RunAsync(fx.Items, resolved, default));
    }

    [Fact]
    public async Task Every_item_model_mode_and_sample_is_one_run_with_the_list_overriding_pins_and_nothing_resolved()
    {
        using var fx = Project();
        var generator = Personas();

        var (resolved, compared) = await CompareAsync(fx, generator, Settings());

        Assert.Empty(compared.Diagnostics);
        Assert.Equal(2 * 2 * 2 * 2, generator.Requests.Count);
        Assert.DoesNotContain(generator.Requests, r => r.Model == "pinned");
        Assert.Equal(16, compared.NewRuns);
        Assert.Equal(
            ["A.mprompt|a|exec|1", "A.mprompt|a|exec|2", "A.mprompt|a|review|1", "A.mprompt|a|review|2"],
            compared.Runs.Take(4).Select(r => $"{r.Item}|{r.Model}|{r.Mode}|{r.Sample}"));
        Assert.All(generator.Requests, r => Assert.Equal(3, r.MaxPasses));
        Assert.Equal(8, generator.Requests.Count(r => r.Repair == RepairMode.Review));

        // B uses A, which is not resolved: it sees A's contract stub, as a design-time build compiles it.
        var beta = generator.Requests.First(r => r.ItemPath == "B.mprompt");
        var used = Assert.Single(beta.Uses);
        Assert.Equal("A.mprompt", used.ItemPath);
        Assert.Contains("class Alpha", used.Code);
        Assert.Contains(used.Code, beta.CompanionSources);

        // A measurement, not a resolution: no lock, no resolved code, no user-cache generation record.
        Assert.False(Directory.Exists(fx.Store));
        Assert.Equal([ItemStatus.Stub, ItemStatus.Unresolved], resolved.Items.Select(i => i.Status));   // A has a contract, B none
        Assert.Equal(16, Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).Count());
        Assert.DoesNotContain(Directory.EnumerateFiles(fx.UserCache, "*.json", SearchOption.AllDirectories), f => !f.Contains($"{Path.DirectorySeparatorChar}comparison{Path.DirectorySeparatorChar}"));

        // Refusals are their own status; the same key as a normal build would use for (model, mode, passes).
        var refused = compared.Runs.Where(r => r.Status == ComparisonRunStatus.Refused).ToList();
        Assert.Equal(4, refused.Count);
        Assert.All(refused, r => Assert.Equal(("B.mprompt", "b", false), (r.Item, r.Model, r.Correct)));
        Assert.Equal(["api", "credentials"], refused[0].Tags);
        Assert.Equal(2, compared.Runs.Where(r => r.Item == "A.mprompt" && r.Model == "a").Select(r => r.Key).Distinct().Count()); // exec ≠ review

        var tables = ComparisonTables.Build(compared.Runs, Settings(), MicroPrompt.Cost.PriceTable.Default);
        var b = tables.Leaderboard.Single(r => r.Model == "b");
        Assert.Equal((4, 2, 2, 0), (b.Runs, b.Correct, b.Refused, b.Failed));
        var bExec = tables.RepairStudy.Single(r => r.Model == "b" && r.Mode == "exec");
        var bReview = tables.RepairStudy.Single(r => r.Model == "b" && r.Mode == "review");
        Assert.Equal([0.0, 50.0, 50.0], bExec.PassAt);
        Assert.Equal([0.0, 0.0, 0.0], bReview.PassAt);
    }

    [Fact]
    public async Task An_unchanged_comparison_costs_no_model_call_and_an_interrupted_one_resumes()
    {
        using var fx = Project();
        var (_, first) = await CompareAsync(fx, Personas(), Settings());

        var created = false;
        var again = Personas();
        var (_, second) = await CompareAsync(fx, again, Settings(), created: () => created = true);
        Assert.False(created);                                        // no generator, so no model client, no call
        Assert.Empty(again.Requests);
        Assert.Equal(16, second.CachedRuns);
        Assert.Equal(0, second.NewRuns);
        Assert.Equal(
            first.Runs.Select(r => r with { FromCache = false }),
            second.Runs.Select(r => r with { FromCache = false }),
            new RunComparer());

        // Lose three runs (as if the build had been stopped before they finished): only those run again.
        var files = Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).Order().Take(3).ToList();
        files.ForEach(File.Delete);
        var resumed = Personas();
        var (_, third) = await CompareAsync(fx, resumed, Settings());
        Assert.Equal(3, resumed.Requests.Count);
        Assert.Equal((3, 13), (third.NewRuns, third.CachedRuns));
    }

    [Fact]
    public async Task A_locked_comparison_uses_cached_runs_and_reports_a_miss_as_MP2030_without_calling_a_model()
    {
        using var fx = Project();
        await CompareAsync(fx, Personas(), Settings(samples: 1));

        var created = false;
        var (_, locked) = await CompareAsync(fx, Personas(), Settings(samples: 2), locked: true, created: () => created = true);

        Assert.False(created);
        var error = Assert.Single(locked.Diagnostics);
        Assert.Equal(DiagnosticCodes.ComparisonRunNotCached, error.Code);
        Assert.Contains("8 of 16 comparison run(s) are not in the user cache", error.Message);
        Assert.Equal(8, locked.CachedRuns);
        Assert.All(locked.Runs.Where(r => r.Sample == 2), r => Assert.Equal(ComparisonRunStatus.Skipped, r.Status));
    }

    [Fact]
    public async Task A_normal_build_after_a_comparison_still_honours_pins_and_generates_what_it_needs()
    {
        using var fx = Project();
        await CompareAsync(fx, Personas(), Settings(samples: 1));

        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ public static int One() => 1; }}\n"));
        var result = await fx.ResolveAsync(generator, fx.Options(model: "default"));

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["A.mprompt:pinned", "B.mprompt:default"], generator.Requests.Select(r => $"{r.ItemPath}:{r.Model}").Order());
        Assert.True(File.Exists(Path.Combine(fx.Store, "lock.json")));
    }

    [Fact]
    public async Task A_damaged_cached_run_is_set_aside_with_MP4005_and_run_again()
    {
        using var fx = Project();
        await CompareAsync(fx, Personas(), Settings(samples: 1));
        var file = Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).Order().First();
        File.WriteAllText(file, "{ not json");

        var generator = Personas();
        var (_, compared) = await CompareAsync(fx, generator, Settings(samples: 1));

        Assert.Equal(DiagnosticCodes.CacheEntryCorrupt, Assert.Single(compared.Diagnostics).Code);
        Assert.Single(generator.Requests);
        Assert.True(File.Exists(file + ".corrupt"));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void Verification_is_memoized_by_item_and_code()
    {
        var inner = new CountingChecker();
        var checker = new MemoizingCompileChecker(inner);
        var project = new ProjectContext { ProjectDirectory = "/p" };
        CompileCheckRequest Request(string code) => new() { Code = code, FileName = "A.g.cs", Project = project };

        checker.Check(Request("class A {}"));
        checker.Check(Request("class A {}"));
        checker.Check(Request("class B {}"));

        Assert.Equal(2, inner.Calls);
    }

    private sealed class CountingChecker : ICompileChecker
    {
        public int Calls;

        public CompileCheckResult Check(CompileCheckRequest request)
        {
            Interlocked.Increment(ref Calls);
            return new CompileCheckResult([]);
        }
    }

    private sealed class RunComparer : IEqualityComparer<ComparisonRun>
    {
        public bool Equals(ComparisonRun? x, ComparisonRun? y) =>
            x is not null && y is not null && x with { Tags = [] } == y with { Tags = [] } && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(ComparisonRun obj) => obj.Item.GetHashCode(StringComparison.Ordinal);
    }
}
