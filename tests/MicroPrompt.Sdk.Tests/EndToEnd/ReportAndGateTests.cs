using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>Grading at build time: judge, cost from a price table, report.json/html, the judge gate and the budget.</summary>
public sealed class ReportAndGateTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string Unlocked = "-p:MicroPromptLocked=false";

    // test-model: $10 per million tokens in, $20 out. A generation (100 in / 50 out) costs $0.002; a judge call (40 / 10) $0.0006.
    private const string Prices = """{ "asOf": "2026-02-01", "models": { "test-model": { "inputPerMillion": 10, "outputPerMillion": 20 } } }""";

    [Fact]
    public async Task A_build_writes_a_schema_valid_report_judges_new_code_prices_it_and_gates_on_the_judge_score()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond; // judge requests get ModelScript.DefaultJudgeReply: score 0.85
        using var project = QuickProject.Create(sdk, """
            <MicroPromptJudge>true</MicroPromptJudge>
            <MicroPromptPriceTable>prices.json</MicroPromptPriceTable>
            <MicroPromptMinJudgeScore>0.9</MicroPromptMinJudgeScore>
            """);
        project.WriteFile("prices.json", Prices);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        var first = await project.BuildAsync(endpoint, Unlocked);

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(2, server.ChatRequests.Count(ModelScript.IsJudge));              // one judge call per new generation
        Assert.Matches(@"Greeting\.mprompt\(1,1\): warning MP3001: .*0\.85, below MicroPromptMinJudgeScore=0\.90", first.Output);
        Assert.Matches(@"Slug\.mprompt\(1,1\): warning MP3001", first.Output);
        Assert.Contains("MicroPrompt: 2 prompt(s): 2 generated; 2/2 correct.", first.Output);   // the console summary

        var json = ReadReport(project, out var html);
        AssertMatchesSchema(json);
        using (var report = JsonDocument.Parse(json))
        {
            var root = report.RootElement;
            Assert.Equal("App", root.GetProperty("project").GetString());
            Assert.Equal("2026-02-01", root.GetProperty("prices").GetProperty("asOf").GetString());
            Assert.Equal(0.0052m, root.GetProperty("totals").GetProperty("costUsd").GetDecimal());       // 2 × (0.002 + 0.0006)
            Assert.Equal(0.0026m, root.GetProperty("totals").GetProperty("costPerCorrectUsd").GetDecimal());
            var items = root.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["Greeting.mprompt", "Text/Slug.mprompt"], items.Select(i => i.GetProperty("path").GetString()).Order());
            Assert.All(items, i =>
            {
                Assert.Equal("generated", i.GetProperty("status").GetString());
                Assert.Equal(0.85, i.GetProperty("judgeScore").GetDouble());
                Assert.Equal(140, i.GetProperty("inputTokens").GetInt32());   // generation 100 + judge 40
            });
            var leader = Assert.Single(root.GetProperty("models").EnumerateArray());
            Assert.Equal(100.0, leader.GetProperty("correctPercent").GetDouble());
        }

        Assert.DoesNotContain(TestProject.ApiKey, json + html);
        Assert.DoesNotContain(server.BaseUrl, json + html);
        Assert.Equal(2, Regex.Matches(html, "<tr class=\"item\"").Count);

        // Nothing changed but the gate: the task runs again, the items are resolved (no model call), they report their
        // recorded score and cost, and under TreatWarningsAsErrors the gate fails the build.
        server.Reset();
        var second = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptMinJudgeScore=0.95", "-p:TreatWarningsAsErrors=true");

        Assert.False(second.Succeeded, second.ToString());
        Assert.Contains("error MP3001", second.Output);
        Assert.Equal(0, server.RequestCount);
        using var resolved = JsonDocument.Parse(ReadReport(project, out _));
        var totals = resolved.RootElement.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("resolved").GetInt32());
        Assert.Equal(0m, totals.GetProperty("costUsd").GetDecimal());
        Assert.Equal(0.0052m, totals.GetProperty("savedUsd").GetDecimal());
        Assert.All(resolved.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal(0.85, i.GetProperty("judgeScore").GetDouble()));
    }

    [Fact]
    public async Task The_budget_stops_new_generations_with_MP3002_and_keeps_what_passed()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk, """
            <MicroPromptPriceTable>prices.json</MicroPromptPriceTable>
            <MicroPromptMaxConcurrency>1</MicroPromptMaxConcurrency>
            """);
        project.WriteFile("prices.json", Prices);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        var capped = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptMaxCostUsd=0.001");

        Assert.False(capped.Succeeded, capped.ToString());
        Assert.Matches(@"error MP3002: .*spent 0\.002 USD of its 0\.001 USD budget.*left unresolved: Greeting\.mprompt", capped.Output);
        Assert.Single(server.ChatRequests);                                           // Slug only
        Assert.Contains("Text/Slug.mprompt", project.ReadFile(".microprompt/lock.json"));
        Assert.DoesNotContain("Greeting.mprompt", project.ReadFile(".microprompt/lock.json"));
        using (var report = JsonDocument.Parse(ReadReport(project, out _)))
        {
            Assert.Equal(["Greeting.mprompt"], report.RootElement.GetProperty("gates").GetProperty("skippedForBudget").EnumerateArray().Select(e => e.GetString()));
        }

        // A bigger budget continues where the build stopped: Slug is kept, only Greeting is generated.
        server.Reset();
        server.Responder = new ModelScript().Reply("Greeting", QuickProject.GreetingCode).Respond;
        var resumed = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptMaxCostUsd=1");

        Assert.True(resumed.Succeeded, resumed.ToString());
        var request = Assert.Single(server.ChatRequests);
        Assert.Contains("# Greeting", request.Messages.Last(m => m.Role == "user").Content);
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await project.RunAsync()).Output.Trim());
    }

    private static string ReadReport(TestProject project, out string html)
    {
        var dir = Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt");
        html = File.ReadAllText(Path.Combine(dir, "report.html"));
        return File.ReadAllText(Path.Combine(dir, "report.json"));
    }

    // Built once per process: the schema has an $id, and JsonSchema.Net's global registry refuses a second registration.
    private static readonly Lazy<JsonSchema> ReportSchema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "report.schema.json"))));

    internal static void AssertMatchesSchema(string json)
    {
        var schema = ReportSchema.Value;
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "report.json does not match docs/report.schema.json:\n" + json);
    }
}
