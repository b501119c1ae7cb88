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

    private const string RefusalText = "I'm sorry, but I can't help with code that handles credentials.";
    private const string ExampleFailure = "A.mprompt(12,1): example `Alpha.One() == 1` returned false.";

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
            return new GenerationOutcome { Status = GenerationStatus.Refused, Passes = 1, Usage = new UsageTotals(80, 10), FailureCode = DiagnosticCodes.Refused, LastErrors = [RefusalText] };
        }

        return r.Repair == RepairMode.Exec
            ? FakeItemGenerator.Code(code) with { Passes = 2, FirstCorrectPass = 2, Usage = new UsageTotals(200, 100) }
            : new GenerationOutcome { Status = GenerationStatus.Failed, Passes = 3, Usage = new UsageTotals(300, 150), FailureCode = DiagnosticCodes.ExamplesFailed, LastErrors = [ExampleFailure, "A.mprompt(13,1): example `Alpha.One() > 0` threw."] };
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
    public async Task A_dead_provider_is_one_MP1010_for_the_whole_comparison_and_its_runs_are_not_run_nor_cached()
    {
        using var fx = Project();
        var options = fx.Options(designTime: true);
        var resolved = await new PromptResolver(options, () => throw new InvalidOperationException()).ResolveAsync(fx.Items, default);
        var dead = new FakeItemGenerator(_ => throw new HttpRequestException("connection refused"));
        var runner = new ComparisonRunner(options, Settings(), () => dead,
            (ex, model) => MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderUnreachable, $"the endpoint is down ({ex.Message}, {model})"));

        var compared = await runner.RunAsync(fx.Items, resolved, default);

        Assert.Equal(DiagnosticCodes.ProviderUnreachable, Assert.Single(compared.Diagnostics).Code);  // 2 items × 2 models × 2 modes × 2 samples
        Assert.Equal(16, compared.Runs.Count);
        Assert.All(compared.Runs, r => Assert.Equal(ComparisonRunStatus.Error, r.Status));
        Assert.False(Directory.Exists(Path.Combine(fx.UserCache, "comparison")) && Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_sampling_temperature_reaches_every_request_and_its_runs_are_cached_apart_from_the_builds_zero()
    {
        using var fx = Project();
        var cold = Settings(samples: 1);
        var warm = new ComparisonSettings { Models = cold.Models, Samples = 1, Modes = cold.Modes, MaxPasses = cold.MaxPasses, Temperature = 0.7 };

        var first = Personas();
        await CompareAsync(fx, first, warm);
        Assert.All(first.Requests, r => Assert.Equal(0.7, r.Temperature));

        var again = Personas();
        await CompareAsync(fx, again, warm);
        Assert.Empty(again.Requests);                                    // cached at 0.7

        var atZero = Personas();
        var (_, compared) = await CompareAsync(fx, atZero, cold);
        Assert.Equal(first.Requests.Count, atZero.Requests.Count);       // 0 is another measurement: run again
        Assert.All(atZero.Requests, r => Assert.Equal(0.0, r.Temperature));
        Assert.Equal(0, compared.Runs.Count(r => r.FromCache));
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
    public async Task A_run_that_is_not_correct_says_why_in_the_run_and_the_cache_and_old_entries_still_read()
    {
        using var fx = Project();
        var (_, first) = await CompareAsync(fx, Personas(), Settings(samples: 1));

        var failed = first.Runs.Single(r => r.Item == "A.mprompt" && r.Model == "b" && r.Mode == "review");
        Assert.Equal($"{ExampleFailure} (and 1 more)", failed.FailureSummary);
        Assert.Equal(RefusalText, first.Runs.First(r => r.Status == ComparisonRunStatus.Refused).FailureSummary);
        Assert.All(first.Runs.Where(r => r.Correct), r => Assert.Null(r.FailureSummary));

        // Read back from the user cache with its summary.
        var (_, second) = await CompareAsync(fx, Personas(), Settings(samples: 1));
        Assert.Equal(failed.FailureSummary, second.Runs.Single(r => r.Item == "A.mprompt" && r.Model == "b" && r.Mode == "review" && r.FromCache).FailureSummary);

        // An entry written before summaries existed (no failureSummary field) is still a hit, with no summary.
        var cache = new ComparisonRunCache(fx.UserCache);
        var path = cache.PathFor(ComparisonRunCache.RunKey(failed.Key, 1));
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Assert.NotNull(node["run"]!["failureSummary"]);
        node["run"]!.AsObject().Remove("failureSummary");
        node["run"]!.AsObject().Remove("judgeMemoized");
        File.WriteAllText(path, node.ToJsonString());
        var again = Personas();
        var (_, third) = await CompareAsync(fx, again, Settings(samples: 1));
        Assert.Empty(again.Requests);
        Assert.Empty(third.Diagnostics);
        var old = third.Runs.Single(r => r.Item == "A.mprompt" && r.Model == "b" && r.Mode == "review");
        Assert.True(old.FromCache);
        Assert.Null(old.FailureSummary);
        Assert.Equal(DiagnosticCodes.ExamplesFailed, old.FailureCode);
    }

    [Fact]
    public void A_failure_summary_is_one_line_of_at_most_300_characters_and_keeps_the_count_of_further_errors()
    {
        var outcome = new GenerationOutcome
        {
            Status = GenerationStatus.Failed,
            LastErrors = ["A.g.cs(3,5): error CS0246: The type or namespace name 'X509CertificateLoader'\n   could not be found " + new string('x', 400), "second", "third"],
        };

        var summary = ComparisonFailure.Summarize(outcome)!;

        Assert.Equal(ComparisonFailure.MaxLength, summary.Length);
        Assert.StartsWith("A.g.cs(3,5): error CS0246: The type or namespace name 'X509CertificateLoader' could not be found xxx", summary);
        Assert.EndsWith("… (and 2 more)", summary);
        Assert.DoesNotContain('\n', summary);
        Assert.Equal("no code", ComparisonFailure.Summarize(new GenerationOutcome { Status = GenerationStatus.Failed, FailureMessage = "  no\r\n code " }));
        Assert.Null(ComparisonFailure.Summarize(new GenerationOutcome { Status = GenerationStatus.Failed }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_comparison_keeps_the_runs_that_finished_and_the_next_one_runs_only_the_rest(bool failsOnCancel)
    {
        using var fx = Project();
        var blocking = new BlockingGenerator(block: "B.mprompt", expectedBlocked: 4, failsOnCancel);
        var options = fx.Options(designTime: true);
        var resolved = await new PromptResolver(options, () => throw new InvalidOperationException()).ResolveAsync(fx.Items, default);
        using var cts = new CancellationTokenSource();
        var running = new ComparisonRunner(options, Settings(samples: 1), () => blocking).RunAsync(fx.Items, resolved, cts.Token);

        // A's four runs finish; B's four are in their model call when the build is cancelled (Ctrl+C).
        await blocking.AllBlocked.WaitAsync(TimeSpan.FromSeconds(30));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));

        // What finished is cached (A); a failure that ended with the cancel is not a measurement, so not cached.
        var cached = Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).ToList();
        Assert.Equal(4, cached.Count);
        Assert.All(cached, f => Assert.Contains("\"item\": \"A.mprompt\"", File.ReadAllText(f)));

        var resumed = Personas();
        var (_, compared) = await CompareAsync(fx, resumed, Settings(samples: 1));
        Assert.Equal(4, resumed.Requests.Count);
        Assert.All(resumed.Requests, r => Assert.Equal("B.mprompt", r.ItemPath));
        Assert.Equal((4, 4), (compared.NewRuns, compared.CachedRuns));
    }

    /// <summary>Answers every item at once except <c>block</c>, whose calls wait until the build is cancelled.</summary>
    private sealed class BlockingGenerator(string block, int expectedBlocked, bool failsOnCancel) : IItemGenerator
    {
        private readonly TaskCompletionSource _allBlocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _blocked;

        public Task AllBlocked => _allBlocked.Task;

        public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
        {
            if (request.ItemPath != block)
            {
                return FakeItemGenerator.Code($"namespace {request.Namespace}; public static class {request.Prompt.Title} {{ }}\n");
            }

            if (Interlocked.Increment(ref _blocked) == expectedBlocked)
            {
                _allBlocked.TrySetResult();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (failsOnCancel)
            {
                // As a harness killed by the cancel would: a failed run, not an exception.
                return new GenerationOutcome { Status = GenerationStatus.Failed, Passes = 1, FailureCode = DiagnosticCodes.ExamplesFailed, LastErrors = ["the harness was stopped"] };
            }

            throw new InvalidOperationException("unreachable");
        }

        public void Dispose()
        {
        }
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
