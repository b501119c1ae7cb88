using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// Regeneration you can trust, through real `dotnet build`s against a scripted model: a prompt edit is an edit of the
/// previous code, callers are part of the check, the library shape and the public API are enforced, and the resolved
/// state lives at stable paths (lock v2; a v1 lock keeps building and migrates).
/// </summary>
[LongRunning]
public sealed class RegenerationTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string Unlocked = "-p:MicroPromptLocked=false";

    private const string GreeterPrompt = """
        # Greeter

        `Greeter.Hello(name)` greets: "Hello, {name}!". `Greeter.Shout(text)` returns the text in upper case.

        ## Contract
        ```csharp
        public static class Greeter { public static string Hello(string name); public static string Shout(string text); }
        ```

        ## Examples
        ```csharp
        Greeter.Hello("Ada") == "Hello, Ada!"
        ```
        """;

    private const string GreeterCode = """
        namespace App;

        public static class Greeter
        {
            public static string Hello(string name) => $"Hello, {name}!";

            public static string Shout(string text) => text.ToUpperInvariant();
        }
        """;

    private const string DemoMain = """

        public static class Demo
        {
            public static void Main() => System.Console.WriteLine(Greeter.Hello("demo"));
        }
        """;

    private const string ProgramCode = "Console.WriteLine(App.Greeter.Hello(args.Length > 0 ? args[0] : \"Ada\"));\n";

    [Fact]
    public async Task A_prompt_edit_edits_the_previous_code_callers_and_shape_are_enforced_and_the_previous_resolution_stays()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);
        using var project = new TestProject(sdk).WithProject().WriteFile("Greeter.mprompt", GreeterPrompt).WriteFile("Program.cs", ProgramCode);

        // 1. First generation: a library reply with a demo Main class is repaired (MP2040), never shipped.
        var script = new ModelScript().Reply("Greeter", GreeterCode + DemoMain, GreeterCode);
        server.Responder = script.Respond;
        var first = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(first.Succeeded, first.ToString());
        var greeter = ModelScript.For(server, "Greeter");
        Assert.Equal(2, greeter.Count);
        Assert.Contains("MP2040", greeter[1].Messages.Last().Content);
        Assert.Contains("Main", greeter[1].Messages.Last().Content);
        Assert.Equal(GreeterCode + "\n", project.ReadFile(".microprompt/code/Greeter.cs")); // lock v2: a stable path
        Assert.Equal("Hello, Ada!", (await project.RunAsync()).Output.Trim());

        // 2. A prompt edit: the request carries the previous code and the prompt diff; a reply that renames the method
        //    Program.cs calls gets the caller's CS error back; the fixed reply is what is stored.
        var edited = GreeterPrompt.Replace("\"Hello, {name}!\"", "\"Hello, {name}!!\"").Replace("\"Hello, Ada!\"", "\"Hello, Ada!!\"");
        var renamed = GreeterCode.Replace("Hello(string name) => $\"Hello, {name}!\"", "Hi(string name) => $\"Hello, {name}!!\"");
        var fixedCode = GreeterCode.Replace("$\"Hello, {name}!\"", "$\"Hello, {name}!!\"");
        server.Reset();
        script = new ModelScript().Reply("Greeter", renamed, fixedCode);
        server.Responder = script.Respond;
        project.WriteFile("Greeter.mprompt", edited);
        var second = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(second.Succeeded, second.ToString());
        greeter = ModelScript.For(server, "Greeter");
        Assert.Equal(2, greeter.Count);
        var editRequest = greeter[0].Messages.Last().Content;
        Assert.Contains("public static string Hello(string name) => $\"Hello, {name}!\";", editRequest); // the previous code
        Assert.Contains("```diff", editRequest);
        Assert.Contains("+`Greeter.Hello(name)` greets: \"Hello, {name}!!\"", editRequest);
        Assert.Contains("-`Greeter.Hello(name)` greets: \"Hello, {name}!\"", editRequest);
        var repair = greeter[1].Messages.Last().Content;
        Assert.Matches(@"Program\.cs\(1,\d+\): error CS0117: 'Greeter' does not contain a definition for 'Hello'", repair);
        Assert.Equal(fixedCode + "\n", project.ReadFile(".microprompt/code/Greeter.cs"));
        Assert.Equal("Hello, Ada!!", (await project.RunAsync()).Output.Trim());
        var entry = LockEntry(project, "Greeter.mprompt");
        Assert.Equal("edited", entry.GetProperty("origin").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("base").GetString()));

        // 3. With repair none a caller-breaking reply fails with MP2041; the previous resolution stays and compiles.
        var lockBefore = project.ReadFile(".microprompt/lock.json");
        server.Reset();
        script = new ModelScript().Reply("Greeter", renamed);
        server.Responder = script.Respond;
        project.WriteFile("Greeter.mprompt", edited.Replace("upper case", "upper case (invariant culture)"));
        var third = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptRepair=none");
        Assert.False(third.Succeeded);
        Assert.Contains("error MP2041", third.Output);
        Assert.Contains("Program.cs(1,", third.Output);
        Assert.Equal(fixedCode + "\n", project.ReadFile(".microprompt/code/Greeter.cs"));
        Assert.Equal(lockBefore, project.ReadFile(".microprompt/lock.json"));
        Assert.Contains("Hello(string name)", File.ReadAllText(Path.Combine(project.GeneratedDirectory, "Greeter.g.cs")));

        // 4. An API change allowed by MicroPromptAllowApiChanges lands and is listed in report.json.
        server.Reset();
        var withoutShout = fixedCode.Replace("\n\n    public static string Shout(string text) => text.ToUpperInvariant();", "");
        script = new ModelScript().Reply("Greeter", withoutShout);
        server.Responder = script.Respond;
        var fourth = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptAllowApiChanges=Greeter");
        Assert.True(fourth.Succeeded, fourth.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.json")));
        var item = report.RootElement.GetProperty("items").EnumerateArray().Single();
        var change = Assert.Single(item.GetProperty("apiChanges").EnumerateArray());
        Assert.Equal("removed", change.GetProperty("kind").GetString());
        Assert.Contains("Shout", change.GetProperty("symbol").GetString());
        Assert.Contains("API of Greeter.mprompt: removed:", fourth.Output); // the console summary lists it too
    }

    [Fact]
    public async Task A_v1_lock_builds_locked_unchanged_and_the_first_unlocked_build_migrates_it_to_stable_paths()
    {
        using var project = new TestProject(sdk, "QuickStart");
        var sample = Path.Combine(RepoPaths.Root, "samples", "QuickStart");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            {
                project.WriteFile(relative, File.ReadAllText(file));
            }
        }

        project.WriteFile("global.json", $$"""{ "msbuild-sdks": { "MicroPrompt.Sdk": "{{sdk.Version}}" } }""");
        project.Environment[TestProject.ApiKeyVariable] = null;
        var v1 = project.ReadFile(".microprompt/lock.json");
        Assert.Contains("\"version\": 1", v1);

        project.Environment["CI"] = "true";
        var locked = await project.BuildAsync(endpoint: null);
        Assert.True(locked.Succeeded, locked.ToString());
        Assert.Equal(v1, project.ReadFile(".microprompt/lock.json")); // a locked build never writes

        project.Environment["CI"] = null;
        var migrating = await project.BuildAsync(endpoint: null, Unlocked); // no endpoint: nothing to generate
        Assert.True(migrating.Succeeded, migrating.ToString());
        using var migrated = JsonDocument.Parse(project.ReadFile(".microprompt/lock.json"));
        Assert.Equal(2, migrated.RootElement.GetProperty("version").GetInt32());
        using var old = JsonDocument.Parse(v1);
        foreach (var oldEntry in old.RootElement.GetProperty("items").EnumerateObject())
        {
            var entry = migrated.RootElement.GetProperty("items").GetProperty(oldEntry.Name);
            Assert.Equal(oldEntry.Value.GetProperty("key").GetString(), entry.GetProperty("key").GetString());
            Assert.Equal(oldEntry.Value.GetProperty("codeHash").GetString(), entry.GetProperty("codeHash").GetString());
            var codeFile = entry.GetProperty("codeFile").GetString()!;
            Assert.Equal("code/" + oldEntry.Name[..^".mprompt".Length] + ".cs", codeFile);
            Assert.True(project.Exists(".microprompt/" + codeFile));
            Assert.False(project.Exists(".microprompt/" + oldEntry.Value.GetProperty("codeFile").GetString()));
            Assert.True(entry.GetProperty("inputs").TryGetProperty("prompt", out _));
        }

        project.Environment["CI"] = "true";
        var after = await project.BuildAsync(endpoint: null);
        Assert.True(after.Succeeded, after.ToString());
        Assert.Contains("3 prompt(s): 3 resolved", after.Output);

        // A bad regeneration mode is an MP error naming the property and the allowed values.
        var bad = await project.BuildAsync(endpoint: null, Unlocked, "-p:MicroPromptRegeneration=sometimes");
        Assert.False(bad.Succeeded);
        Assert.Contains("error MP1005: MicroPromptRegeneration is 'sometimes'; expected edit or fresh.", bad.Output);
    }

    private static JsonElement LockEntry(TestProject project, string item)
    {
        using var document = JsonDocument.Parse(project.ReadFile(".microprompt/lock.json"));
        return document.RootElement.GetProperty("items").GetProperty(item).Clone();
    }
}
