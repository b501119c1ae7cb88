using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// The offline demonstration of the dependability check (issue 12): a scripted model whose samples differ on purpose
/// over a one-item project, through a real <c>dotnet build -p:MicroPromptCheckSamples=5</c>, with every figure of the
/// report following from the script; and <c>dotnet mprompt check</c> on a few samples/Bench tasks answered by the
/// reference persona.
/// </summary>
[LongRunning]
public sealed class DependabilityTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string SlugPrompt = """
        ---
        tags: [text]
        ---
        # Slug

        Turn a title into a URL slug: lower-case, words joined by '-'.

        ## Contract
        ```csharp
        public static class Slug { public static string Make(string text); }
        ```

        ## Examples
        ```csharp
        Slug.Make("Hello World") == "hello-world"
        ```
        """;

    // Two readings of the spec that both pass the example but disagree on whitespace-only input ("   " → "" or "---"),
    // and one that fails the example.
    private const string Trims = "namespace App.Text;\npublic static class Slug { public static string Make(string text) => text.Trim().ToLowerInvariant().Replace(' ', '-'); }";
    private const string KeepsSpaces = "namespace App.Text;\npublic static class Slug { public static string Make(string text) => text.ToLowerInvariant().Replace(' ', '-'); }";
    private const string Shouts = "namespace App.Text;\npublic static class Slug { public static string Make(string text) => text.ToUpperInvariant().Replace(' ', '-'); }";

    // $10 / $20 per million tokens: a scripted call (100 in / 50 out) costs $0.002.
    private const string Prices = """{ "asOf": "2026-12-01", "models": { "test-model": { "inputPerMillion": 10, "outputPerMillion": 20 } } }""";

    /// <summary>
    /// First passes, in arrival order: two trim, two keep the spaces, the fifth shouts; a repair request (execution
    /// feedback) of the shouting sample shouts again, so that sample fails after its 2 passes.
    /// </summary>
    private sealed class Variants
    {
        private int _first;

        public ScriptedReply Respond(RecordedRequest request)
        {
            if (ModelScript.IsProbeProposal(request))
            {
                return ScriptedReply.Completion("```csharp\nSlug.Make(\"a_b\")\n```", promptTokens: 10, completionTokens: 8);
            }

            var last = request.LastMessage() ?? "";
            if (last.Contains("fails these checks", StringComparison.Ordinal))
            {
                return ModelScript.Code(Shouts);
            }

            var user = string.Join("\n", request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
            if (!user.Contains("# Slug", StringComparison.Ordinal) || !user.Contains("## Contract", StringComparison.Ordinal))
            {
                // Anything else (e.g. a request for edge cases to probe) gets no code.
                return ScriptedReply.Completion("[]", promptTokens: 10, completionTokens: 2);
            }

            return Interlocked.Increment(ref _first) switch
            {
                1 or 2 => ModelScript.Code(Trims),
                3 or 4 => ModelScript.Code(KeepsSpaces),
                _ => ModelScript.Code(Shouts),
            };
        }
    }

    private TestProject SlugProject() => new TestProject(sdk)
        .WithProject("<MicroPromptPriceTable>prices.json</MicroPromptPriceTable><MicroPromptMaxPasses>2</MicroPromptMaxPasses>", outputType: "Library")
        .WriteFile("prices.json", Prices)
        .WriteFile("Text/Slug.mprompt", SlugPrompt);

    [Fact]
    public async Task A_check_build_reports_every_figure_from_the_script_caches_each_sample_gates_and_never_changes_the_lock()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var project = SlugProject();
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        // A normal build resolves the item first (trimming variant).
        server.Responder = _ => ModelScript.Code(Trims);
        var resolve = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false");
        Assert.True(resolve.Succeeded, resolve.ToString());
        var before = Snapshot(project.StoreDirectory);
        server.Reset();

        var variants = new Variants();
        server.Responder = variants.Respond;
        var check = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false", "-p:MicroPromptCheckSamples=5", "-p:MicroPromptMinDependability=0.5");

        Assert.True(check.Succeeded, check.ToString());
        var generations = server.ChatRequests.Where(r => string.Join("\n", r.Messages.Select(m => m.Content)).Contains("## Contract", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, generations.Count);                                         // 5 first passes + 1 repair of the shouting sample
        Assert.All(generations, r => Assert.Equal(0.7, Temperature(r)));            // the check's default: independent draws
        Assert.Contains("warning MP3010", check.Output);                            // 0.376 < 0.5: a warning, the build goes on
        Assert.Contains("MicroPrompt dependability: 1 item(s) × 5 sample(s) at temperature 0.7: 5 new sample(s), 0 cached; minimum 0.5, 1 below.", check.Output);
        Assert.Contains("Text/Slug.mprompt: 4/5 correct, lower bound 0.376, p@1..p@2 0.80/0.80, $0.003 per correct", check.Output);
        Assert.Equal(before, Snapshot(project.StoreDirectory));    // lock.json and code/ byte for byte

        using (var report = JsonDocument.Parse(ReadReport(project)))
        {
            Assert.Equal("1.4", report.RootElement.GetProperty("schemaVersion").GetString());
            var d = report.RootElement.GetProperty("dependability");
            Assert.Equal((5, 0.7, 0.5), (d.GetProperty("samples").GetInt32(), d.GetProperty("temperature").GetDouble(), d.GetProperty("minDependability").GetDouble()));
            Assert.Equal(["Text/Slug.mprompt"], d.GetProperty("belowMinimum").EnumerateArray().Select(p => p.GetString()));
            var item = Assert.Single(d.GetProperty("items").EnumerateArray());
            Assert.Equal("Text/Slug.mprompt", item.GetProperty("path").GetString());
            Assert.Equal("test-model", item.GetProperty("model").GetString());
            Assert.Equal((5, 4), (item.GetProperty("samples").GetInt32(), item.GetProperty("correct").GetInt32()));
            Assert.Equal(0.3755, item.GetProperty("lowerBound").GetDouble());      // Wilson, 95%, k = 4, N = 5
            Assert.Equal([0.8, 0.8], item.GetProperty("passAt").EnumerateArray().Select(p => p.GetDouble()));
            Assert.Equal(0.012m, item.GetProperty("costUsd").GetDecimal());         // 6 calls × $0.002
            Assert.Equal(0.003m, item.GetProperty("costPerCorrect").GetDecimal());  // over 4 correct samples
            Assert.Equal(JsonValueKind.Array, item.GetProperty("ambiguities").ValueKind);
            Assert.Empty(item.GetProperty("assumptions").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("exampleStrength").ValueKind);
            var failure = Assert.Single(item.GetProperty("failures").EnumerateArray()).GetString();
            Assert.Matches(@"^sample [1-5]: MP2007 .*example `Slug\.Make\(""Hello World""\) == ""hello-world""`", failure);
        }

        var html = File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.html"));
        Assert.Contains("<table id=\"dependability\">", html);
        Assert.Contains("<tr class=\"dependability-item below\" data-path=\"Text/Slug.mprompt\">", html);

        // The same check again, locked (as in CI) and with TreatWarningsAsErrors: every sample is cached, no model call,
        // and the gate is an error.
        server.Reset();
        var gated = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=true", "-p:MicroPromptCheckSamples=5", "-p:MicroPromptMinDependability=0.5", "-p:TreatWarningsAsErrors=true");

        Assert.False(gated.Succeeded, gated.ToString());
        Assert.Equal(0, server.RequestCount);
        Assert.Contains("error MP3010", gated.Output);
        Assert.Contains("0 new sample(s), 5 cached", gated.Output);
        Assert.Equal(before, Snapshot(project.StoreDirectory));

        // A bad minimum or sample count is a configuration error.
        var bad = await project.BuildAsync(endpoint, "-p:MicroPromptCheckSamples=many", "-p:MicroPromptMinDependability=2");
        Assert.False(bad.Succeeded);
        Assert.Contains("error MP1060", bad.Output);
        Assert.Contains("error MP1062", bad.Output);
    }

    [Fact]
    public async Task Correct_samples_that_disagree_on_whitespace_input_are_an_ambiguity_with_an_example_to_paste()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var project = SlugProject();
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);
        server.Responder = _ => ModelScript.Code(Trims);                            // the normal resolution first
        Assert.True((await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false")).Succeeded);
        server.Responder = new Variants().Respond;

        var check = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false", "-p:MicroPromptCheckSamples=5", "-p:MicroPromptCheckMutants=true");

        Assert.True(check.Succeeded, check.ToString());
        using var report = JsonDocument.Parse(ReadReport(project));
        var item = Assert.Single(report.RootElement.GetProperty("dependability").GetProperty("items").EnumerateArray());
        Assert.Equal(4, item.GetProperty("correct").GetInt32());
        var ambiguities = item.GetProperty("ambiguities").EnumerateArray().ToList();
        Assert.NotEmpty(ambiguities);                                               // whitespace-only probes: "" against "---"-like
        foreach (var ambiguity in ambiguities)
        {
            Assert.StartsWith("Slug.Make(", ambiguity.GetProperty("input").GetString());
            var outcomes = ambiguity.GetProperty("outcomes").EnumerateArray().ToList();
            Assert.Equal([2, 2], outcomes.Select(o => o.GetProperty("count").GetInt32()));   // the two trimming samples against the two others
            Assert.Equal(4, outcomes.SelectMany(o => o.GetProperty("samples").EnumerateArray()).Select(s => s.GetInt32()).Distinct().Count());
            Assert.Contains(outcomes, o => o.GetProperty("outcome").GetString() == "\"\"");
            Assert.Contains("Slug.Make(", ambiguity.GetProperty("suggestedExample").GetString());
        }

        // Example strength: the resolved (trimming) code's mutants ran against the item's examples in the sandbox.
        var strength = item.GetProperty("exampleStrength");
        var mutants = strength.GetProperty("mutants").GetInt32();
        var killed = strength.GetProperty("killed").GetInt32();
        Assert.True(mutants > 0 && killed <= mutants, strength.ToString());
        Assert.Equal(mutants == 0 ? 1 : (double)killed / mutants, strength.GetProperty("score").GetDouble(), 3);
        var survivors = strength.GetProperty("survivors").EnumerateArray().ToList();
        Assert.Equal(mutants - killed, survivors.Count);
        Assert.All(survivors, m => Assert.StartsWith("your examples do not notice if `", m.GetProperty("description").GetString()));

        var html = File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.html"));
        Assert.Contains("<li class=\"ambiguity\">", html);
    }

    [Fact]
    public async Task The_tool_checks_bench_tasks_answered_by_the_reference_persona()
    {
        var tool = await ToolInstallation.InstallAsync(sdk);
        var bench = Path.Combine(RepoPaths.Root, "samples", "Bench");
        var personas = new BenchPersonas(bench, Path.Combine(RepoPaths.Root, "tests", "MicroPrompt.Bench.Tests", "Solutions"));
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = personas.Respond;
        using var project = new TestProject(sdk, "Bench");
        Copy(bench, project.Directory);
        Copy(Path.Combine(RepoPaths.Root, "samples", "Bench.Support"), Path.Combine(project.Root, "Bench.Support"));
        project.WriteFile("global.json", $$"""{ "msbuild-sdks": { "MicroPrompt.Sdk": "{{sdk.Version}}" } }""");
        project.WriteFile("prices.json", $$"""{ "models": { "{{BenchPersonas.Reference}}": { "inputPerMillion": 2, "outputPerMillion": 8 } } }""");
        // The project's own settings, as a team would set them: prices, and no judge (its calls would add to the cost).
        project.WriteFile("Bench.csproj", project.ReadFile("Bench.csproj").Replace(
            "</TargetFramework>", "</TargetFramework>\n    <MicroPromptPriceTable>prices.json</MicroPromptPriceTable>\n    <MicroPromptJudge>false</MicroPromptJudge>", StringComparison.Ordinal));
        project.Environment["MICROPROMPT_ENDPOINT"] = server.OpenAIEndpoint;
        project.Environment["MICROPROMPT_MODEL"] = BenchPersonas.Reference;
        project.Environment["CI"] = null;                                           // a developer's check: model calls allowed (CI=true locks it, as a build)
        string[] tasks = ["FileData/CsvLine.mprompt", "FileData/IniFile.mprompt", "FileData/LengthTable.mprompt"];
        Task<ToolRun> Tool(params string[] args) => ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), args);

        var run = await Tool(["check", .. tasks, "--samples", "3", "--json", "--min", "0.4"]);

        Assert.True(run.ExitCode == 0, run.ToString());                              // 3/3 → 0.438 ≥ 0.4
        Assert.DoesNotContain(server.ChatRequests, r => r.Unscripted || r.ResponseStatus != 200);
        Assert.Equal(9, server.ChatRequests.Count(r => !ModelScript.IsJudge(r) && !ModelScript.IsProbeProposal(r)));    // 3 tasks × 3 samples, right at once
        Assert.Equal(3, server.ChatRequests.Count(ModelScript.IsProbeProposal));    // one request for edge cases per item, cached with the samples
        ToolTests.AssertMatchesSchema(run.Stdout);
        using (var json = JsonDocument.Parse(run.Stdout))
        {
            var root = json.RootElement;
            Assert.Equal(("check", 3, 9, 0), (root.GetProperty("command").GetString(), root.GetProperty("samples").GetInt32(), root.GetProperty("newSamples").GetInt32(), root.GetProperty("cachedSamples").GetInt32()));
            var items = root.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(tasks.Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("path").GetString()));   // equally dependable: by path
            var (tokensIn, tokensOut) = BenchPersonas.Tokens[BenchPersonas.Reference];
            var perCall = (tokensIn * 2m + tokensOut * 8m) / 1_000_000m;
            foreach (var item in items)
            {
                Assert.Equal((3, 3, BenchPersonas.Reference), (item.GetProperty("samples").GetInt32(), item.GetProperty("correct").GetInt32(), item.GetProperty("model").GetString()));
                Assert.Equal(0.4385, item.GetProperty("lowerBound").GetDouble());    // Wilson, k = N = 3
                Assert.Equal([1.0, 1.0, 1.0], item.GetProperty("passAt").EnumerateArray().Select(p => p.GetDouble()));
                Assert.Equal(perCall, item.GetProperty("costPerCorrect").GetDecimal());
            }
        }

        Assert.False(project.Exists(".microprompt/lock.json"));                     // a check resolves nothing

        // Unchanged: no model call. Above the minimum given: exit 3, a code of its own.
        server.Reset();
        var again = await Tool(["check", .. tasks, "--samples", "3", "--min", "0.5"]);
        Assert.True(again.ExitCode == 3, again.ToString());
        Assert.Equal(0, server.RequestCount);
        Assert.Contains("0 new sample(s), 9 cached; minimum 0.5, 3 below.", again.Stdout);
        Assert.Contains("warning MP3010", again.Stdout);

        var bad = await Tool("check", "--samples", "0");
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("MP1060", bad.Stderr);
    }

    private static double? Temperature(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.TryGetProperty("temperature", out var t) ? t.GetDouble() : null;
    }

    // Every file of the store (lock.json, code/…) with its bytes.
    private static Dictionary<string, string> Snapshot(string store) => Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(store, f), f => Convert.ToHexString(File.ReadAllBytes(f)), StringComparer.Ordinal);

    private static string ReadReport(TestProject project) =>
        File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.json"));

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
