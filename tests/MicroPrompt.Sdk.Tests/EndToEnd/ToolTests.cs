using System.Text.Json;
using Json.Schema;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// `dotnet mprompt` packed and installed as a tool, against a project built through the scripted server: its keys are
/// the build's, each kind of input change is named, hand edits and conflicts are told apart, output is validated.
/// </summary>
public sealed class ToolTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task Status_agrees_with_the_build_names_each_changed_input_and_tells_hand_edits_and_conflicts()
    {
        var tool = await ToolInstallation.InstallAsync(sdk);
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk, """
            <MicroPromptPriceTable>prices.json</MicroPromptPriceTable>
            <MicroPromptMaxCostUsd>0.000001</MicroPromptMaxCostUsd>
            """);
        project.WriteFile("prices.json", """{ "models": { "test-model": { "inputPerMillion": 1.00, "outputPerMillion": 2.00 } } }""");
        var first = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), "-p:MicroPromptLocked=false", "-p:MicroPromptMaxCostUsd=10"); // the project's tiny budget is for plan
        Assert.True(first.Succeeded, first.ToString());
        Assert.True(project.Exists("obj/Debug/net10.0/microprompt/inputs.json")); // a normal build leaves its inputs
        Task<ToolRun> Tool(params string[] args) => ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), args);

        // 1. Up to date: exit 0, and every key is the lock's.
        var status = await Tool("status", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var items = Items(status);
        Assert.All(items.Values, i => Assert.Equal("up-to-date", i.GetProperty("state").GetString()));
        using (var lockJson = JsonDocument.Parse(project.ReadFile(".microprompt/lock.json")))
        {
            var lockKeys = lockJson.RootElement.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("key").GetString());
            Assert.Equal(lockKeys.OrderBy(k => k.Key), items.ToDictionary(i => i.Key, i => i.Value.GetProperty("key").GetString()).OrderBy(k => k.Key));
        }

        Assert.Equal(["Text/Slug.mprompt", "Greeting.mprompt"], items.Keys); // dependency order
        var plain = await Tool("status");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("Text/Slug.mprompt\tup-to-date", plain.Stdout); // redirected: plain text

        var plan = await Tool("plan", "--json");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        AssertMatchesSchema(plan.Stdout);
        using (var json = JsonDocument.Parse(plan.Stdout))
        {
            Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(0m, json.RootElement.GetProperty("totalEstimatedCostUsd").GetDecimal());
        }

        // 2. Settings: each changed key input is named.
        var csproj = project.ReadFile("App.csproj");
        project.WriteFile("App.csproj", csproj.Replace("<MicroPromptModel>test-model</MicroPromptModel>",
            "<MicroPromptModel>other-model</MicroPromptModel><MicroPromptRepair>review</MicroPromptRepair><LangVersion>12</LangVersion><Nullable>disable</Nullable>")
            .Replace("<ItemGroup>", "<ItemGroup><Using Include=\"System.Text\" />"));
        status = await Tool("status", "--json");
        Assert.True(status.ExitCode == 1, status.ToString());
        Assert.Equal(["langVersion", "model", "nullable", "repair", "usings"], Reasons(Items(status)["Text/Slug.mprompt"]));
        Assert.Equal("stale", Items(status)["Greeting.mprompt"].GetProperty("state").GetString());
        project.WriteFile("App.csproj", csproj);

        // 3. Plan after a prompt change: Slug is regenerated (output and passes from its lock usage), Greeting uses it;
        //    the total is the price table's price of the counted tokens, and the budget would stop the build.
        project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt.Replace("single '-'", "single '-' (hyphen)"));
        plan = await Tool("plan", "--json");
        Assert.True(plan.ExitCode == 1, plan.ToString());
        AssertMatchesSchema(plan.Stdout);
        using (var json = JsonDocument.Parse(plan.Stdout))
        using (var lockJson = JsonDocument.Parse(project.ReadFile(".microprompt/lock.json")))
        {
            var planned = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["Text/Slug.mprompt", "Greeting.mprompt"], planned.Select(p => p.GetProperty("path").GetString()));
            Assert.Equal(["regenerate", "regenerated-if-its-code-changes"], planned.Select(p => p.GetProperty("action").GetString()));
            var slug = planned[0];
            var usage = lockJson.RootElement.GetProperty("items").GetProperty("Text/Slug.mprompt").GetProperty("usage");
            Assert.Equal("history", slug.GetProperty("outputEstimate").GetString());
            Assert.Equal(usage.GetProperty("outputTokens").GetInt64(), slug.GetProperty("outputTokens").GetInt64());
            var input = slug.GetProperty("inputTokens").GetInt64();
            Assert.True(input > 100, plan.Stdout); // the composed system + user messages, counted
            var expected = (input * 1.00m + slug.GetProperty("outputTokens").GetInt64() * 2.00m) / 1_000_000m;
            Assert.Equal(expected, slug.GetProperty("estimatedCostUsd").GetDecimal());
            Assert.Equal(expected, json.RootElement.GetProperty("totalEstimatedCostUsd").GetDecimal());
            Assert.True(json.RootElement.GetProperty("exceedsMaxCost").GetBoolean());
        }

        // 4. The prompt; then a hand edit of the other item's code, then its prompt too: a conflict.
        project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt.Replace("single '-'", "single '-' (hyphen)"));
        var codeFile = Path.Combine(project.StoreDirectory, "code", "Greeting.cs");
        File.AppendAllText(codeFile, "// fixed by hand\n");
        status = await Tool("status", "--json");
        Assert.True(status.ExitCode == 1, status.ToString());
        items = Items(status);
        Assert.Equal("stale", items["Text/Slug.mprompt"].GetProperty("state").GetString());
        Assert.Equal(["prompt"], Reasons(items["Text/Slug.mprompt"]));
        Assert.Equal("hand-edited", items["Greeting.mprompt"].GetProperty("state").GetString());
        project.WriteFile("Greeting.mprompt", QuickProject.GreetingPrompt.Replace("returns", "returns exactly"));
        status = await Tool("status", "--json");
        items = Items(status);
        Assert.Equal("conflict", items["Greeting.mprompt"].GetProperty("state").GetString());
        Assert.Equal(["prompt"], Reasons(items["Greeting.mprompt"]));

        // 5. `new` writes a skeleton the build parses (it is only unresolved: MP2004, no MP00xx prompt error).
        var created = await Tool("new", "Tools/word-count", "--kind", "program", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        AssertMatchesSchema(created.Stdout);
        Assert.Equal(2, (await Tool("new", "Tools/word-count")).ExitCode); // exists

        // 6. The build refuses the conflict (MP4020), never picking a side; the hand edit is kept.
        project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt);
        server.Reset();
        var locked = await project.BuildAsync(null, "-p:MicroPromptLocked=true");
        Assert.False(locked.Succeeded);
        Assert.Contains("MP4020", locked.Output);
        Assert.Contains("edited by hand", locked.Output);
        Assert.DoesNotContain("MP00", locked.Output);
        Assert.Contains("word-count.mprompt", locked.Output);
        Assert.Contains("// fixed by hand", File.ReadAllText(codeFile));

        // 7. Errors are exit 2; `dotnet mprompt` finds the tool on PATH.
        var bad = await Tool("status", "--project", Path.Combine(project.Root, "nothing-here"));
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("does not exist", bad.Stderr);
        Assert.Equal(2, (await Tool("no-such-command")).ExitCode);
        var env = project.BuildEnvironment();
        env["PATH"] = tool + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var viaDotnet = await DotNet.RunAsync(project.Directory, ["mprompt", "status"], env);
        Assert.True(viaDotnet.ExitCode == 1, viaDotnet.ToString());
        Assert.Contains("conflict", viaDotnet.Output);
    }

    private static Dictionary<string, JsonElement> Items(ToolRun run)
    {
        AssertMatchesSchema(run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("status", json.RootElement.GetProperty("command").GetString());
        return json.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("path").GetString()!, i => i.Clone());
    }

    private static string[] Reasons(JsonElement item) => item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();

    // One instance: JsonSchema.Net registers a schema's $id globally and refuses to build it twice.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "tool.schema.json"))));

    internal static void AssertMatchesSchema(string json)
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "The output does not match docs/tool.schema.json:\n" + json);
    }
}
