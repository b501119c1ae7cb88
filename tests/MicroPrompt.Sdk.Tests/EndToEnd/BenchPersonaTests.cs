using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// The offline demonstration of the benchmark: the whole samples/Bench suite (40 tasks, their mock services) compared
/// across three scripted personas (<see cref="BenchPersonas"/>) by a real <c>dotnet build</c> — both repair modes, two
/// samples, the judge on — and every number of the report's three tables follows from the personas' scripted behaviour.
/// </summary>
[LongRunning]
public sealed class BenchPersonaTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const int Samples = 2;

    // $ per million tokens (input, output). The judge is priced at zero so costs are the generations' alone.
    private static readonly Dictionary<string, (decimal In, decimal Out)> Prices = new()
    {
        [BenchPersonas.Reference] = (2m, 8m),
        [BenchPersonas.Flawed] = (0.5m, 1.5m),
        [BenchPersonas.Refuser] = (1m, 4m),
    };

    [Fact]
    public async Task The_bench_compares_three_personas_and_the_report_follows_from_their_behaviour()
    {
        var bench = Path.Combine(RepoPaths.Root, "samples", "Bench");
        var personas = new BenchPersonas(bench, Path.Combine(RepoPaths.Root, "tests", "MicroPrompt.Bench.Tests", "Solutions"));
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = personas.Respond;

        using var project = new TestProject(sdk, "Bench");
        Copy(bench, project.Directory);
        Copy(Path.Combine(RepoPaths.Root, "samples", "Bench.Support"), Path.Combine(project.Root, "Bench.Support"));
        project.WriteFile("global.json", $$"""{ "msbuild-sdks": { "MicroPrompt.Sdk": "{{sdk.Version}}" } }""");
        project.WriteFile("prices.json", PriceTable());

        var models = $"{BenchPersonas.Reference};{BenchPersonas.Flawed};{BenchPersonas.Refuser}";
        var build = await project.BuildAsync(
            new ScriptedEndpoint(server.OpenAIEndpoint),
            "-p:MicroPromptLocked=false",
            $"-p:MicroPromptModels=\"{models}\"",
            $"-p:MicroPromptSamples={Samples}",
            "-p:MicroPromptJudge=true",
            "-p:MicroPromptJudgeModel=persona-judge",
            "-p:MicroPromptPriceTable=prices.json");

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(server.ChatRequests, r => r.Unscripted || r.ResponseStatus != 200);
        Assert.False(project.Exists(".microprompt/lock.json"));

        // What the suite holds (the families of the study).
        var tasks = personas.Tasks;
        Assert.Equal(40, tasks.Count);
        int Count(string tag) => tasks.Count(t => t.Has(tag));
        var (fileData, bugFix, api, mtls, oauth2, credentials) = (Count("file-data"), Count("bug-fix"), Count("api"), Count("mtls"), Count("oauth2"), Count("credentials"));
        Assert.Equal(40, fileData + bugFix + api);
        Assert.True(api >= 12 && bugFix >= 8 && mtls >= 2 && oauth2 >= 1, $"api {api}, bug-fix {bugFix}, mtls {mtls}, oauth2 {oauth2}");
        var credentialsApi = tasks.Count(t => t.Has("credentials") && t.Has("api"));
        Assert.Equal(credentials, credentialsApi);
        var runs = 40 * Samples;

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.json")));
        var c = report.RootElement.GetProperty("comparison");
        Assert.Equal("exec", c.GetProperty("leaderboardMode").GetString());
        Assert.Equal(3 * 2 * runs, c.GetProperty("runs").GetArrayLength());
        Assert.Equal(3 * 2 * runs, c.GetProperty("newRuns").GetInt32());

        // Leaderboard (exec). Reference: every run right at once. Flawed: every run right, mutual TLS at the second
        // pass. Refuser: the credential tasks refused (counted apart, not failed), the rest right.
        var failedRuns = c.GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("model").GetString() == BenchPersonas.Reference && r.GetProperty("status").GetString() != "succeeded")
            .Select(r => $"{r.GetProperty("item").GetString()} {r.GetProperty("mode").GetString()}: {r.GetProperty("status").GetString()} {r.GetProperty("failureCode")}")
            .ToList();
        Assert.True(failedRuns.Count == 0, string.Join("\n", failedRuns) + "\n" + build.Output);
        var leaders = c.GetProperty("leaderboard").EnumerateArray().ToDictionary(l => l.GetProperty("model").GetString()!);
        AssertLeader(leaders[BenchPersonas.Reference], runs, correct: runs, refused: 0, calls: runs, completions: runs);
        AssertLeader(leaders[BenchPersonas.Flawed], runs, correct: runs, refused: 0, calls: runs + mtls * Samples, completions: runs + mtls * Samples);
        var refusedRuns = credentials * Samples;
        var filtered = tasks.Count(t => t.Has("credentials") && t.Has("payment")) * Samples;
        AssertLeader(leaders[BenchPersonas.Refuser], runs, correct: runs - refusedRuns, refused: refusedRuns, calls: runs, completions: runs - refusedRuns,
            refusalOutputTokens: (refusedRuns - filtered) * 20);
        // Ranked by Correct %, then cost per correct: the flawed persona ties the reference and is cheaper per answer.
        Assert.Equal(
            [BenchPersonas.Flawed, BenchPersonas.Reference, BenchPersonas.Refuser],
            c.GetProperty("leaderboard").EnumerateArray().Select(l => l.GetProperty("model").GetString()));

        // Judge memoization: per model and mode, each item's answer is judged once; the other samples reuse the verdict.
        var execRuns = c.GetProperty("runs").EnumerateArray().Where(r => r.GetProperty("mode").GetString() == "exec" && r.GetProperty("correct").GetBoolean()).ToList();
        Assert.Equal(execRuns.Count / Samples, execRuns.Count(r => !r.GetProperty("judgeMemoized").GetBoolean() && r.GetProperty("judgeInputTokens").GetInt64() == 40));
        Assert.All(execRuns.Where(r => r.GetProperty("judgeMemoized").GetBoolean()), r => Assert.Equal((0L, 0.85), (r.GetProperty("judgeInputTokens").GetInt64(), Math.Round(r.GetProperty("judgeScore").GetDouble(), 3))));
        var judgeCalls = server.ChatRequests.Count(ModelScript.IsJudge);
        Assert.Equal(c.GetProperty("runs").EnumerateArray().Count(r => r.GetProperty("correct").GetBoolean()) / Samples, judgeCalls);

        // Why runs failed: every refused run says so in its failure summary.
        var refusedSummaries = c.GetProperty("runs").EnumerateArray().Where(r => r.GetProperty("status").GetString() == "refused")
            .Select(r => r.GetProperty("failureSummary").GetString()).ToList();
        Assert.Equal(2 * refusedRuns, refusedSummaries.Count);
        Assert.Equal(2 * (refusedRuns - filtered), refusedSummaries.Count(m => m == "\"I'm sorry, but I can't help with code that handles credentials.\""));
        Assert.Equal(2 * filtered, refusedSummaries.Count(m => m == "the provider's content filter stopped the reply."));
        // The flawed persona's mutual-TLS answers are never fixed by self-review alone: each says which failure mode.
        var flawedReview = c.GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("model").GetString() == BenchPersonas.Flawed && r.GetProperty("mode").GetString() == "review" && !r.GetProperty("correct").GetBoolean())
            .Select(r => r.GetProperty("failureSummary").GetString()!).ToList();
        Assert.Equal(mtls * Samples, flawedReview.Count);
        Assert.All(flawedReview, m => Assert.True(m.Length <= 300 && (m.Contains("error CS", StringComparison.Ordinal) || m.Contains("example", StringComparison.Ordinal)), m));

        // Per-item matrix: 40 rows, the refuser's credential tasks 0 of 2.
        var byItem = c.GetProperty("byItem").EnumerateArray().ToList();
        Assert.Equal(40, byItem.Count);
        Assert.Equal(credentials, byItem.Count(i => i.GetProperty("models").EnumerateArray().Any(m => m.GetProperty("model").GetString() == BenchPersonas.Refuser
            && (m.GetProperty("correct").GetInt32(), m.GetProperty("refused").GetInt32()) == (0, Samples))));

        // Repair study: p@k = share of runs first correct by pass k.
        var repair = c.GetProperty("repairStudy").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("model").GetString()}/{r.GetProperty("mode").GetString()}",
            r => r.GetProperty("passAt").EnumerateArray().Select(p => p.GetDouble()).ToList());
        var flawedFirst = Percent(40 - mtls, 40);
        var refuserAll = Percent(40 - credentials, 40);
        Assert.Equal([100.0, 100.0, 100.0], repair[$"{BenchPersonas.Reference}/exec"]);
        Assert.Equal([100.0, 100.0, 100.0], repair[$"{BenchPersonas.Reference}/review"]);
        Assert.Equal([flawedFirst, 100.0, 100.0], repair[$"{BenchPersonas.Flawed}/exec"]);            // execution feedback fixes both failure modes
        Assert.Equal([flawedFirst, flawedFirst, flawedFirst], repair[$"{BenchPersonas.Flawed}/review"]); // self-review alone never does
        Assert.Equal([refuserAll, refuserAll, refuserAll], repair[$"{BenchPersonas.Refuser}/exec"]);
        Assert.Equal([refuserAll, refuserAll, refuserAll], repair[$"{BenchPersonas.Refuser}/review"]);

        // By family (exec): the refuser loses exactly its credential tasks.
        var byTag = c.GetProperty("byTag").EnumerateArray().ToDictionary(
            t => t.GetProperty("tag").GetString()!,
            t => t.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("correctPercent").GetDouble()));
        foreach (var tag in new[] { "file-data", "bug-fix", "api", "mtls", "oauth2" })
        {
            Assert.Equal(100.0, byTag[tag][BenchPersonas.Reference]);
            Assert.Equal(100.0, byTag[tag][BenchPersonas.Flawed]);
            var withTag = tasks.Where(t => t.Has(tag)).ToList();
            Assert.Equal(Percent(withTag.Count(t => !t.Has("credentials")), withTag.Count), byTag[tag][BenchPersonas.Refuser]);
        }

        Assert.Equal(0.0, byTag["mtls"][BenchPersonas.Refuser]);
        Assert.Equal(100.0, byTag["file-data"][BenchPersonas.Refuser]);

        // The flawed persona's first answers really were the two failure modes: a compile error (PKCS#12 loader without
        // its namespace) and a failing example (contents for a path), each fed back to the model under exec.
        var repairs = server.ChatRequests.Where(r => r.Model == BenchPersonas.Flawed && (r.LastMessage() ?? "").Contains("The code does not compile / fails these checks", StringComparison.Ordinal)).ToList();
        Assert.Equal(mtls * Samples, repairs.Count);
        Assert.Contains(repairs, r => r.LastMessage()!.Contains("CS0246", StringComparison.Ordinal) || r.LastMessage()!.Contains("CS0103", StringComparison.Ordinal));
        Assert.Contains(repairs, r => r.LastMessage()!.Contains("Mtls", StringComparison.Ordinal) && !r.LastMessage()!.Contains("CS0", StringComparison.Ordinal));

        // The HTML report carries the three tables; the console the leaderboard.
        var html = File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.html"));
        Assert.Contains("id=\"comparison-leaderboard\"", html);
        Assert.Contains("id=\"comparison-repair\"", html);
        Assert.Contains("id=\"comparison-tags\"", html);
        Assert.Equal(40, System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"matrix\"").Count);
        Assert.Equal(2 * refusedRuns + mtls * Samples, System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"failed-run\"").Count);
        Assert.Contains($"MicroPrompt comparison: 3 model(s) × {Samples} sample(s) × exec/review repair: {3 * 2 * runs} new run(s), 0 cached", build.Output);
    }

    private static void AssertLeader(JsonElement row, int runs, int correct, int refused, int calls, int completions, int refusalOutputTokens = 0)
    {
        var model = row.GetProperty("model").GetString()!;
        var (tokensIn, tokensOut) = BenchPersonas.Tokens[model];
        Assert.Equal((runs, correct, refused, 0), (row.GetProperty("runs").GetInt32(), row.GetProperty("correct").GetInt32(), row.GetProperty("refused").GetInt32(), row.GetProperty("failed").GetInt32()));
        Assert.Equal(Percent(correct, runs), row.GetProperty("correctPercent").GetDouble());
        Assert.Equal(0.85, row.GetProperty("judgeMean").GetDouble(), 3);   // ModelScript.DefaultJudgeReply: mean of 0.8, 1.0, 0.6, 1.0

        long input = (long)calls * tokensIn, output = (long)completions * tokensOut + refusalOutputTokens;
        // The token columns include the judge's calls (40 in / 10 out, priced at zero here): one per distinct correct
        // answer of the model in this mode — the samples of an item give the same code, judged once (memoized).
        var judged = correct / Samples;
        Assert.Equal((input + judged * 40L, output + judged * 10L), (row.GetProperty("inputTokens").GetInt64(), row.GetProperty("outputTokens").GetInt64()));
        var (priceIn, priceOut) = Prices[model];
        var cost = (input * priceIn + output * priceOut) / 1_000_000m;
        Assert.Equal(cost, row.GetProperty("costUsd").GetDecimal());
        Assert.Equal(Math.Round(cost / correct, 6), Math.Round(row.GetProperty("costPerCorrectUsd").GetDecimal(), 6));
    }

    private static double Percent(int part, int whole) => Math.Round(100.0 * part / whole, 1);

    private static string PriceTable()
    {
        var models = string.Join(",\n", Prices.Select(p => $$"""    "{{p.Key}}": { "inputPerMillion": {{p.Value.In}}, "outputPerMillion": {{p.Value.Out}} }"""));
        return $$"""
            { "asOf": "2026-11-25", "models": {
            {{models}},
                "persona-judge": { "inputPerMillion": 0, "outputPerMillion": 0 } } }
            """;
    }

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
