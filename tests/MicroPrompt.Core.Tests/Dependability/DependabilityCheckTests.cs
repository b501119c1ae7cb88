using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Dependability;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Dependability;

public sealed class DependabilityCheckTests
{
    private const string Slug = "---\nmodel: slug-model\n---\n# Slug\n\nMake a slug.\n\n## Contract\n```csharp\npublic static class Slug { public static string Make(string text); }\n```\n";
    private const string Greeting = "---\nuses: [Slug.mprompt]\n---\n# Greeting\n\nGreet by slug.\n";

    private static ResolverFixture Project() => new ResolverFixture().Prompt("Slug.mprompt", Slug).Prompt("Greeting.mprompt", Greeting);

    /// <summary>
    /// Slug, by the order its first passes arrive: two keep '_' (correct at once), two drop it (correct at pass 2), one
    /// never passes its examples. Greeting is always right at once. Every sample's code names its variant.
    /// </summary>
    private sealed class Script
    {
        private int _slug;

        public FakeItemGenerator Generator() => new(r =>
        {
            if (r.Prompt.Title != "Slug")
            {
                return FakeItemGenerator.Code($"namespace {r.Namespace}; public static class Greeting {{ }} // {r.Model}");
            }

            var n = Interlocked.Increment(ref _slug);
            return n switch
            {
                1 or 2 => FakeItemGenerator.Code("// keeps _"),
                3 or 4 => FakeItemGenerator.Code("// drops _") with { Passes = 2, FirstCorrectPass = 2, Usage = new UsageTotals(200, 100) },
                _ => new GenerationOutcome { Status = GenerationStatus.Failed, Passes = 2, Usage = new UsageTotals(200, 100), FailureCode = DiagnosticCodes.ExamplesFailed, LastErrors = ["Slug.mprompt(9,1): example `Slug.Make(\"A B\") == \"a-b\"` returned false."] },
            };
        });
    }

    private static MicroPrompt.Cost.PriceTable Prices(ResolverFixture fx)
    {
        var path = Path.Combine(fx.Root, "prices.json");
        File.WriteAllText(path, """{ "models": { "slug-model": { "inputPerMillion": 10, "outputPerMillion": 20 }, "m1": { "inputPerMillion": 1, "outputPerMillion": 1 } } }""");
        return MicroPrompt.Cost.PriceTable.Load(path);
    }

    private static async Task<DependabilityResult> CheckAsync(
        ResolverFixture fx, FakeItemGenerator generator, DependabilitySettings? settings = null, DependabilityAnalyzers? analyzers = null,
        Action? created = null, ResolutionOptions? options = null)
    {
        options ??= fx.Options(designTime: true) with { MaxPasses = 2 };
        var resolved = await new PromptResolver(options, () => throw new InvalidOperationException("the check's resolution generates nothing")).ResolveAsync(fx.Items, default);
        var check = new DependabilityCheck(options, settings ?? new DependabilitySettings { Samples = 5 }, () => { created?.Invoke(); return generator; }, analyzers, Prices(fx));
        return await check.RunAsync(fx.Items, resolved, default);
    }

    [Fact]
    public async Task Each_item_gets_k_of_N_its_Wilson_bound_p_at_k_and_cost_per_correct_from_its_own_model_and_settings()
    {
        using var fx = Project();
        var generator = new Script().Generator();

        var result = await CheckAsync(fx, generator);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(10, generator.Requests.Count);
        Assert.All(generator.Requests, r => Assert.Equal((2, RepairMode.Exec, 0.7), (r.MaxPasses, r.Repair, r.Temperature)));
        Assert.Equal(5, generator.Requests.Count(r => r.Model == "slug-model"));   // the item's own pin
        Assert.Equal(5, generator.Requests.Count(r => r.Model == "m1"));           // MicroPromptModel for the other
        Assert.Equal((10, 0), (result.NewSamples, result.CachedSamples));

        // Least dependable first.
        Assert.Equal(["Slug.mprompt", "Greeting.mprompt"], result.Items.Select(i => i.Path));
        var slug = result.Items[0];
        Assert.Equal(("slug-model", 5, 4, 0), (slug.Model, slug.Samples, slug.Correct, slug.NotRun));
        Assert.Equal(0.3755, slug.LowerBound);
        Assert.Equal([0.4, 0.8], slug.PassAt);
        // 2 × (100 in, 50 out) + 3 × (200, 100) at $10 / $20 per million = 2 × $0.002 + 3 × $0.004.
        Assert.Equal(0.016m, slug.CostUsd);
        Assert.Equal(0.004m, slug.CostPerCorrect);
        var failure = Assert.Single(slug.Failures);
        Assert.Matches(@"^sample [1-5]: MP2007 Slug\.mprompt\(9,1\): example", failure);
        Assert.Empty(slug.Ambiguities);
        Assert.Empty(slug.Assumptions);
        Assert.Null(slug.ExampleStrength);

        var greeting = result.Items[1];
        Assert.Equal((5, 5, 0.5655), (greeting.Samples, greeting.Correct, greeting.LowerBound));
        Assert.Equal([1.0, 1.0], greeting.PassAt);
        Assert.Equal(0.00015m, greeting.CostPerCorrect);
    }

    [Fact]
    public async Task An_unchanged_check_makes_no_model_call_and_an_interrupted_one_resumes()
    {
        using var fx = Project();
        var first = await CheckAsync(fx, new Script().Generator());

        var created = false;
        var again = new Script().Generator();
        var second = await CheckAsync(fx, again, created: () => created = true);
        Assert.False(created);
        Assert.Empty(again.Requests);
        Assert.Equal((0, 10), (second.NewSamples, second.CachedSamples));
        Assert.Equal(first.Items.Select(i => (i.Path, i.Correct, i.LowerBound, i.CostUsd)), second.Items.Select(i => (i.Path, i.Correct, i.LowerBound, i.CostUsd)));
        Assert.All(second.Items, i => Assert.Equal(5, i.CachedSamples));

        // Three samples lost (the check was stopped before they were graded): only those are generated again.
        var files = Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).Order().Take(3).ToList();
        files.ForEach(File.Delete);
        var resumed = new Script().Generator();
        var third = await CheckAsync(fx, resumed);
        Assert.Equal(3, resumed.Requests.Count);
        Assert.Equal((3, 7), (third.NewSamples, third.CachedSamples));

        // Another temperature is another measurement.
        var hotter = new Script().Generator();
        await CheckAsync(fx, hotter, new DependabilitySettings { Samples = 5, Temperature = 1.0 });
        Assert.Equal(10, hotter.Requests.Count);
    }

    [Fact]
    public async Task A_locked_check_uses_cached_samples_only_and_names_a_miss_MP2030()
    {
        using var fx = Project();
        await CheckAsync(fx, new Script().Generator(), new DependabilitySettings { Samples = 2 });

        var created = false;
        var locked = await CheckAsync(fx, new Script().Generator(), created: () => created = true, options: fx.Options(designTime: true, locked: true) with { MaxPasses = 2 });

        Assert.False(created);
        var error = Assert.Single(locked.Diagnostics);
        Assert.Equal(DiagnosticCodes.ComparisonRunNotCached, error.Code);
        Assert.Contains("6 of 10 dependability check run(s) are not in the user cache", error.Message);
        Assert.Contains("Run the dependability check once with -p:MicroPromptLocked=false", error.Message);
        Assert.All(locked.Items, i => Assert.Equal((2, 3), (i.Samples, i.NotRun)));   // the bound is over the graded samples only
    }

    [Fact]
    public async Task A_check_never_changes_the_lock_or_the_resolved_code()
    {
        using var fx = Project();
        var options = fx.Options() with { MaxPasses = 2 };
        var build = await fx.ResolveAsync(new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ public static string Make(string text) => text; }}")), options);
        Assert.True(build.Complete, string.Join("\n", build.Diagnostics));
        var before = Snapshot(fx.Store);
        Assert.Contains(before.Keys, k => k.EndsWith("lock.json", StringComparison.Ordinal));
        Assert.Contains(before.Keys, k => k.Contains("code", StringComparison.Ordinal));

        var result = await CheckAsync(fx, new Script().Generator(), options: options);

        Assert.Equal(2, result.Items.Count);
        Assert.Equal(before, Snapshot(fx.Store));
    }

    [Fact]
    public async Task Correct_samples_go_to_the_probe_comparer_and_the_resolved_code_to_the_mutant_analyzer()
    {
        using var fx = Project();
        var probes = new FakeProbes();
        var strength = new FakeStrength();
        var analyzers = new DependabilityAnalyzers
        {
            Probes = probes,
            ExampleStrength = strength,
            Assumptions = path => path == "Slug.mprompt" ? ["'_' is not a separator"] : [],
        };

        var result = await CheckAsync(fx, new Script().Generator(), new DependabilitySettings { Samples = 5, Mutants = true, Items = new HashSet<string> { "Slug.mprompt" } }, analyzers);

        var slug = Assert.Single(result.Items);                                   // only the named item is checked
        var call = Assert.Single(probes.Calls);
        Assert.Equal("Slug.mprompt", call.Subject.ItemPath);
        Assert.Equal("App", call.Subject.Namespace);
        Assert.Equal(4, call.Samples.Count);                                      // the correct ones only, with their numbers
        Assert.Equal(2, call.Samples.Count(s => s.Code == "// keeps _"));
        Assert.Equal(call.Samples.Select(s => s.Sample).Distinct().Count(), call.Samples.Count);
        var ambiguity = Assert.Single(slug.Ambiguities);
        Assert.Equal("Slug.Make(\"a_b\")", ambiguity.Input);
        Assert.Equal(["'_' is not a separator"], slug.Assumptions);

        // Slug has no resolved code: the first correct sample is measured.
        var analyzed = Assert.Single(strength.Codes);
        Assert.Equal(call.Samples.OrderBy(s => s.Sample).First().Code, analyzed);
        Assert.Equal(0.5, slug.ExampleStrength!.Score);

        // Without --mutants the analyzer is not asked; without a probe comparer there are no ambiguities.
        var plain = await CheckAsync(fx, new Script().Generator(), new DependabilitySettings { Samples = 5 }, new DependabilityAnalyzers { ExampleStrength = strength });
        Assert.Single(strength.Codes);
        Assert.All(plain.Items, i => Assert.Empty(i.Ambiguities));
        Assert.All(plain.Items, i => Assert.Null(i.ExampleStrength));
    }

    [Fact]
    public async Task Below_the_minimum_is_MP3010_per_item()
    {
        using var fx = Project();
        var result = await CheckAsync(fx, new Script().Generator());

        var warnings = DependabilityGate.Evaluate(result.Items, 0.5, fx.Root);

        var warning = Assert.Single(warnings);
        Assert.Equal((DiagnosticCodes.DependabilityBelowMinimum, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal(Path.Combine(fx.Root, "Slug.mprompt"), warning.File);
        Assert.Contains("4 of 5 sample(s)", warning.Message);
        Assert.Contains("0.376, below MicroPromptMinDependability=0.5", warning.Message);
        Assert.Empty(DependabilityGate.Evaluate(result.Items, null, fx.Root));
        Assert.Empty(DependabilityGate.Evaluate(result.Items, 0.3, fx.Root));
    }

    [Fact]
    public async Task An_item_without_a_model_is_MP1001()
    {
        using var fx = new ResolverFixture().Prompt("Greeting.mprompt", Greeting.Replace("uses: [Slug.mprompt]\n", ""));
        var generator = new Script().Generator();

        var result = await CheckAsync(fx, generator, options: fx.Options(designTime: true, model: null));

        Assert.Empty(generator.Requests);
        Assert.Equal(DiagnosticCodes.NoModel, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("", null, null, true, 0, 0.7)]
    [InlineData("0", null, null, true, 0, 0.7)]
    [InlineData("5", "0.2", "true", true, 5, 0.2)]
    [InlineData("101", null, null, false, 0, 0)]
    [InlineData("five", null, null, false, 0, 0)]
    [InlineData("5", "hot", null, false, 0, 0)]
    [InlineData("5", "2.5", null, false, 0, 0)]
    [InlineData("5", null, "maybe", false, 0, 0)]
    public void Settings_are_parsed_with_a_code_for_each_bad_value(string samples, string? temperature, string? mutants, bool valid, int expectedSamples, double expectedTemperature)
    {
        var problems = new List<MicroPromptDiagnostic>();
        var settings = DependabilitySettings.Parse(samples, temperature, mutants, problems);

        Assert.Equal(valid, problems.Count == 0);
        Assert.Equal(expectedSamples, settings?.Samples ?? 0);
        if (settings is not null)
        {
            Assert.Equal(expectedTemperature, settings.Temperature);
            Assert.Equal(mutants == "true", settings.Mutants);
        }

        if (!valid)
        {
            Assert.Null(settings);
            Assert.Contains(problems.Single().Code, new[] { DiagnosticCodes.CheckSamplesInvalid, DiagnosticCodes.CheckTemperatureInvalid, DiagnosticCodes.InvalidProperty });
        }
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("0.5", 0.5)]
    [InlineData("1", 1.0)]
    [InlineData("1.5", null)]
    [InlineData("-0.1", null)]
    [InlineData("high", null)]
    public void The_minimum_is_a_number_from_0_to_1(string value, double? expected)
    {
        var problems = new List<MicroPromptDiagnostic>();
        Assert.Equal(expected, DependabilitySettings.ParseMinimum(value, problems));
        Assert.Equal(expected is null && value.Length > 0, problems.Any(p => p.Code == DiagnosticCodes.MinDependabilityInvalid));
    }

    private static Dictionary<string, string> Snapshot(string directory) => Directory
        .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(File.ReadAllBytes(f)));

    private sealed class FakeProbes : IProbeComparer
    {
        public List<(ProbeSubject Subject, IReadOnlyList<SampleCode> Samples)> Calls { get; } = [];

        public Task<IReadOnlyList<Ambiguity>> FindAmbiguitiesAsync(ProbeSubject subject, IReadOnlyList<SampleCode> samples, CancellationToken cancellationToken)
        {
            Calls.Add((subject, samples));
            var keeps = samples.Where(s => s.Code.Contains("keeps", StringComparison.Ordinal)).Select(s => s.Sample).ToList();
            var drops = samples.Where(s => s.Code.Contains("drops", StringComparison.Ordinal)).Select(s => s.Sample).ToList();
            return Task.FromResult<IReadOnlyList<Ambiguity>>([new Ambiguity("Slug.Make(\"a_b\")", [new AmbiguityOutcome("\"a_b\"", keeps), new AmbiguityOutcome("\"ab\"", drops)], "Slug.Make(\"a_b\") == \"a_b\"")]);
        }

        public Task<ProbeDisagreement?> FindDisagreementAsync(ProbeSubject subject, string originalCode, string variantCode, CancellationToken cancellationToken)
            => Task.FromResult<ProbeDisagreement?>(null);
    }

    private sealed class FakeStrength : IExampleStrengthAnalyzer
    {
        public List<string> Codes { get; } = [];

        public Task<ExampleStrength> AnalyzeAsync(ProbeSubject subject, string code, CancellationToken cancellationToken)
        {
            Codes.Add(code);
            return Task.FromResult(new ExampleStrength(0.5, 2, 1, [new SurvivingMutant(1, "a <= b", "a < b", "your examples do not notice if `a <= b` becomes `a < b`", null)]));
        }
    }
}
