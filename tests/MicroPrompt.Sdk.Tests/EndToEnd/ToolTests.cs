using System.Text.Json;
using Json.Schema;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// `dotnet mprompt` packed and installed as a tool, against a project built through the scripted server: its keys are
/// the build's, each kind of input change is named, hand edits and conflicts are told apart, output is validated.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ToolTests(SdkPackageFixture sdk)
{
    [Fact]
    public async Task Status_agrees_with_the_build_names_each_changed_input_and_tells_hand_edits_and_conflicts()
    {
        var tool = await ToolInstallation.InstallAsync(sdk);
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        var first = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), "-p:MicroPromptLocked=false");
        Assert.True(first.Succeeded, first.ToString());
        Assert.True(project.Exists("obj/Debug/net10.0/microprompt/inputs.json")); // a normal build leaves its inputs
        Task<ToolRun> Tool(params string[] args) => ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), args);

        // 1. Up to date: exit 0, and every key is the lock's.
        var status = await Tool("status", "--json");
        Assert.Equal(0, status.ExitCode);
        var items = Items(status);
        Assert.All(items.Values, i => Assert.Equal("up-to-date", i.GetProperty("state").GetString()));
        using (var lockJson = JsonDocument.Parse(project.ReadFile(".microprompt/lock.json")))
        {
            var lockKeys = lockJson.RootElement.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("key").GetString());
            Assert.Equal(lockKeys.OrderBy(k => k.Key), items.ToDictionary(i => i.Key, i => i.Value.GetProperty("key").GetString()).OrderBy(k => k.Key));
        }

        Assert.Equal(["Text/Slug.mprompt", "Greeting.mprompt"], items.Keys); // dependency order
        var plain = await Tool("status");
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("Text/Slug.mprompt\tup-to-date", plain.Stdout); // redirected: plain text

        // 2. Settings: each changed key input is named.
        var csproj = project.ReadFile("App.csproj");
        project.WriteFile("App.csproj", csproj.Replace("<MicroPromptModel>test-model</MicroPromptModel>",
            "<MicroPromptModel>other-model</MicroPromptModel><MicroPromptRepair>review</MicroPromptRepair><LangVersion>12</LangVersion><Nullable>disable</Nullable>")
            .Replace("<ItemGroup>", "<ItemGroup><Using Include=\"System.Text\" />"));
        status = await Tool("status", "--json");
        Assert.Equal(1, status.ExitCode);
        Assert.Equal(["langVersion", "model", "nullable", "repair", "usings"], Reasons(Items(status)["Text/Slug.mprompt"]));
        Assert.Equal("stale", Items(status)["Greeting.mprompt"].GetProperty("state").GetString());
        project.WriteFile("App.csproj", csproj);

        // 3. The prompt; then a hand edit of the other item's code, then its prompt too: a conflict.
        project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt.Replace("single '-'", "single '-' (hyphen)"));
        var codeFile = Path.Combine(project.StoreDirectory, "code", "Greeting.cs");
        File.AppendAllText(codeFile, "// fixed by hand\n");
        status = await Tool("status", "--json");
        Assert.Equal(1, status.ExitCode);
        items = Items(status);
        Assert.Equal("stale", items["Text/Slug.mprompt"].GetProperty("state").GetString());
        Assert.Equal(["prompt"], Reasons(items["Text/Slug.mprompt"]));
        Assert.Equal("hand-edited", items["Greeting.mprompt"].GetProperty("state").GetString());
        project.WriteFile("Greeting.mprompt", QuickProject.GreetingPrompt.Replace("returns", "returns exactly"));
        status = await Tool("status", "--json");
        items = Items(status);
        Assert.Equal("conflict", items["Greeting.mprompt"].GetProperty("state").GetString());
        Assert.Equal(["prompt"], Reasons(items["Greeting.mprompt"]));

        // 4. `new` writes a skeleton the build parses (it is only unresolved: MP2004, no MP00xx prompt error).
        var created = await Tool("new", "Tools/word-count", "--kind", "program", "--json");
        Assert.Equal(0, created.ExitCode);
        AssertMatchesSchema(created.Stdout);
        Assert.Equal(2, (await Tool("new", "Tools/word-count")).ExitCode); // exists

        // 5. The build refuses the conflict (MP4020), never picking a side; the hand edit is kept.
        project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt);
        server.Reset();
        var locked = await project.BuildAsync(null, "-p:MicroPromptLocked=true");
        Assert.False(locked.Succeeded);
        Assert.Contains("MP4020", locked.Output);
        Assert.Contains("edited by hand", locked.Output);
        Assert.DoesNotContain("MP00", locked.Output);
        Assert.Contains("word-count.mprompt", locked.Output);
        Assert.Contains("// fixed by hand", File.ReadAllText(codeFile));

        // 6. Errors are exit 2; `dotnet mprompt` finds the tool on PATH.
        var bad = await Tool("status", "--project", Path.Combine(project.Root, "nothing-here"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("does not exist", bad.Stderr);
        Assert.Equal(2, (await Tool("no-such-command")).ExitCode);
        var env = project.BuildEnvironment();
        env["PATH"] = tool + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var viaDotnet = await DotNet.RunAsync(project.Directory, ["mprompt", "status"], env);
        Assert.Equal(1, viaDotnet.ExitCode);
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

    private static void AssertMatchesSchema(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "tool.schema.json")));
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "The output does not match docs/tool.schema.json:\n" + json);
    }
}
