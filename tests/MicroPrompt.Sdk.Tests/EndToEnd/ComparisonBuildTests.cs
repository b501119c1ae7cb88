using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// Model comparison runs (<c>MicroPromptModels</c>) through a real <c>dotnet build</c>: two scripted model personas,
/// two prompts, two samples, exec and review repair. The report's tables must follow from the scripted answers, a
/// second identical (locked) build must make no model call, and a later normal build must still honour pins.
/// </summary>
public sealed class ComparisonBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string AddPrompt = """
        ---
        model: pinned-model
        tags: [file-data]
        ---
        # Add two numbers

        Return the sum of two integers.

        ## Contract
        ```csharp
        public static class Adder { public static int Add(int a, int b); }
        ```

        ## Examples
        ```csharp
        Adder.Add(2, 3) == 5
        ```
        """;

    private const string ShoutPrompt = """
        ---
        tags: [api, credentials]
        ---
        # Shout

        Upper-case the text and add an exclamation mark.

        ## Contract
        ```csharp
        public static class Shouter { public static string Shout(string text); }
        ```

        ## Examples
        ```csharp
        Shouter.Shout("hi") == "HI!"
        ```
        """;

    private const string AddCode = "namespace App.Calc;\npublic static class Adder { public static int Add(int a, int b) => a + b; }";
    private const string WrongAddCode = "namespace App.Calc;\npublic static class Adder { public static int Add(int a, int b) => a - b; }";
    private const string ShoutCode = "namespace App.Text;\npublic static class Shouter { public static string Shout(string text) => text.ToUpperInvariant() + \"!\"; }";

    // model-a: $10 / $20 per million tokens; a one-call run (100 in / 50 out) costs $0.002. model-b has no price.
    private const string Prices = """{ "asOf": "2026-02-01", "models": { "model-a": { "inputPerMillion": 10, "outputPerMillion": 20 } } }""";

    /// <summary>
    /// model-a answers right at once. model-b gets Add wrong and fixes it only when the repair prompt carries the
    /// execution feedback (exec), not on self-review; it refuses Shout.
    /// </summary>
    private static ScriptedReply Personas(RecordedRequest request)
    {
        var user = string.Join("\n", request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
        var add = user.Contains("# Add two numbers", StringComparison.Ordinal);
        if (request.Model != "model-b")
        {
            return ModelScript.Code(add ? AddCode : ShoutCode);
        }

        if (!add)
        {
            return ScriptedReply.Completion("I'm sorry, but I can't help with that.", promptTokens: 100, completionTokens: 10);
        }

        var feedback = (request.LastMessage() ?? "").Contains("fails these checks", StringComparison.Ordinal);
        return ModelScript.Code(feedback ? AddCode : WrongAddCode);
    }

    [Fact]
    public async Task A_comparison_build_measures_models_into_the_report_caches_every_run_and_resolves_nothing()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = Personas;
        using var project = new TestProject(sdk)
            .WithProject("<MicroPromptPriceTable>prices.json</MicroPromptPriceTable>", outputType: "Library")
            .WriteFile("prices.json", Prices)
            .WriteFile("Calc/Add.mprompt", AddPrompt)
            .WriteFile("Text/Shout.mprompt", ShoutPrompt);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        var first = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false", "-p:MicroPromptModels=\"model-a;model-b\"", "-p:MicroPromptSamples=2");

        Assert.True(first.Succeeded, first.ToString());
        // model-a: 2 items × 2 modes × 2 samples, one call each (8). model-b: Add exec 2 calls × 2, Add review 3 × 2, Shout refused 1 × 4.
        Assert.Equal(8 + 4 + 6 + 4, server.ChatRequestCount);
        Assert.DoesNotContain(server.ChatRequests, r => r.Model is "pinned-model" or "test-model");
        Assert.False(project.Exists(".microprompt/lock.json"));                               // a measurement, not a resolution
        Assert.Contains("MicroPrompt comparison: 2 model(s) × 2 sample(s) × exec/review repair: 16 new run(s), 0 cached", first.Output);

        using (var report = JsonDocument.Parse(ReadReport(project)))
        {
            var c = report.RootElement.GetProperty("comparison");
            Assert.Equal("exec", c.GetProperty("leaderboardMode").GetString());
            Assert.Equal(16, c.GetProperty("runs").GetArrayLength());
            var leaders = c.GetProperty("leaderboard").EnumerateArray().ToList();
            Assert.Equal(["model-a", "model-b"], leaders.Select(l => l.GetProperty("model").GetString()));
            Assert.Equal((4, 4, 100.0, 0), Row(leaders[0]));
            Assert.Equal(0.008m, leaders[0].GetProperty("costUsd").GetDecimal());
            Assert.Equal(0.002m, leaders[0].GetProperty("costPerCorrectUsd").GetDecimal());
            Assert.Equal((4, 2, 50.0, 2), Row(leaders[1]));                                   // refusals counted apart
            Assert.Equal(0, leaders[1].GetProperty("failed").GetInt32());
            Assert.Equal(JsonValueKind.Null, leaders[1].GetProperty("costUsd").ValueKind);    // no price: unknown

            var repair = c.GetProperty("repairStudy").EnumerateArray()
                .ToDictionary(r => $"{r.GetProperty("model").GetString()}/{r.GetProperty("mode").GetString()}", r => r.GetProperty("passAt").EnumerateArray().Select(p => p.GetDouble()).ToList());
            Assert.Equal([100.0, 100.0, 100.0], repair["model-a/exec"]);
            Assert.Equal([0.0, 50.0, 50.0], repair["model-b/exec"]);                          // fixed at pass 2 with execution feedback
            Assert.Equal([0.0, 0.0, 0.0], repair["model-b/review"]);                          // never by self-review

            var tags = c.GetProperty("byTag").EnumerateArray().ToList();
            Assert.Equal(["file-data", "api", "credentials"], tags.Select(t => t.GetProperty("tag").GetString()));
            Assert.Equal([100.0, 100.0], tags[0].GetProperty("models").EnumerateArray().Select(m => m.GetProperty("correctPercent").GetDouble()));
            Assert.Equal([100.0, 0.0], tags[1].GetProperty("models").EnumerateArray().Select(m => m.GetProperty("correctPercent").GetDouble()));

            // Why runs failed, and the per-item matrix (exec): model-b gets Add right (pass 2), refuses Shout.
            var runs = c.GetProperty("runs").EnumerateArray().ToList();
            var wrongAdd = runs.First(r => r.GetProperty("model").GetString() == "model-b" && r.GetProperty("mode").GetString() == "review");
            Assert.Equal("MP2007", wrongAdd.GetProperty("failureCode").GetString());
            Assert.Matches(@"^Add\.mprompt\(\d+,\d+\): example `Adder\.Add\(2, 3\) == 5`", wrongAdd.GetProperty("failureSummary").GetString());
            Assert.All(runs.Where(r => r.GetProperty("status").GetString() == "refused"),
                r => Assert.Equal("\"I'm sorry, but I can't help with that.\"", r.GetProperty("failureSummary").GetString()));
            var byItem = c.GetProperty("byItem").EnumerateArray().ToList();
            Assert.Equal(["Calc/Add.mprompt", "Text/Shout.mprompt"], byItem.Select(i => i.GetProperty("item").GetString()));
            Assert.Equal(["2/2", "2/2", "2/2", "0/2"], byItem.SelectMany(i => i.GetProperty("models").EnumerateArray())
                .Select(m => $"{m.GetProperty("correct").GetInt32()}/{m.GetProperty("runs").GetInt32()}"));
        }

        var html = File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.html"));
        Assert.Contains("<td class=\"n cell m-zero\" data-model=\"model-b\" title=\"MP2003: &quot;I&#39;m sorry, but I can&#39;t help with that.&quot;\">0/2 R2</td>", html);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"failed-run\"").Count);   // 4 refused + 2 wrong Add (review)

        // The same comparison again, locked and through the environment variables: every run is cached, no model call.
        server.Reset();
        project.Environment["MICROPROMPT_MODELS"] = "model-a;model-b";
        project.Environment["MICROPROMPT_SAMPLES"] = "2";
        var second = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=true");

        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, server.RequestCount);
        Assert.Contains("0 new run(s), 16 cached", second.Output);

        // A normal build afterwards is not skipped as up to date, resolves with the pins, and writes the lock.
        project.Environment["MICROPROMPT_MODELS"] = null;
        project.Environment["MICROPROMPT_SAMPLES"] = null;
        server.Responder = r => ModelScript.Code(string.Join("\n", r.Messages.Select(m => m.Content)).Contains("# Add two numbers", StringComparison.Ordinal) ? AddCode : ShoutCode);
        var normal = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false");

        Assert.True(normal.Succeeded, normal.ToString());
        Assert.Equal(["pinned-model", "test-model"], server.ChatRequests.Select(r => r.Model).Order());
        Assert.Contains("pinned-model", project.ReadFile(".microprompt/lock.json"));
        using var normalReport = JsonDocument.Parse(ReadReport(project));
        Assert.Equal(JsonValueKind.Null, normalReport.RootElement.GetProperty("comparison").ValueKind);
    }

    [Fact]
    public async Task Bad_comparison_values_are_clear_errors()
    {
        using var project = new TestProject(sdk)
            .WithProject(outputType: "Library")
            .WriteFile("Text/Shout.mprompt", ShoutPrompt);

        var result = await project.BuildAsync(null, "-p:MicroPromptModels=\"a;;b\"", "-p:MicroPromptSamples=0", "-p:MicroPromptCompareRepair=fast", "-p:MicroPromptCompareTemperature=hot");

        Assert.False(result.Succeeded);
        Assert.Contains("error MP1030", result.Output);
        Assert.Contains("error MP1031", result.Output);
        Assert.Contains("error MP1032", result.Output);
        Assert.Contains("error MP1033", result.Output);
    }

    private static (int Runs, int Correct, double Percent, int Refused) Row(JsonElement row) => (
        row.GetProperty("runs").GetInt32(), row.GetProperty("correct").GetInt32(), row.GetProperty("correctPercent").GetDouble(), row.GetProperty("refused").GetInt32());

    private static string ReadReport(TestProject project) =>
        File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.json"));
}
