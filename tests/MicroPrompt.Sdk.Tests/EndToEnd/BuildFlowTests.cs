using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>The foundation flow with real `dotnet build` runs against a scripted OpenAI-compatible server.</summary>
[LongRunning]
public sealed class BuildFlowTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string Unlocked = "-p:MicroPromptLocked=false";

    [Fact]
    public async Task First_build_generates_second_sends_nothing_and_program_prints_result()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var script = QuickProject.CorrectScript();
        server.Responder = script.Respond;
        using var project = QuickProject.Create(sdk);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        var first = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(2, server.ChatRequestCount);

        // `uses` order: Slug is generated before Greeting, and Greeting's request shows Slug's public API.
        var slugRequest = Assert.Single(ModelScript.For(server, "Slugify"));
        var greetingRequest = Assert.Single(ModelScript.For(server, "Greeting"));
        Assert.True(slugRequest.Sequence < greetingRequest.Sequence);
        Assert.Contains("Make(string text)", string.Join("\n", greetingRequest.Messages.Select(m => m.Content)));
        Assert.Equal("test-model", greetingRequest.Model);
        Assert.Equal("Bearer " + TestProject.ApiKey, greetingRequest.Authorization);

        var run = await project.RunAsync("Grace Hopper");
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("Hello, Grace Hopper! Your handle is grace-hopper.", run.Output.Trim());

        // The resolved state is written: lock + content-addressed code, readable.
        var lockText = project.ReadFile(".microprompt/lock.json");
        Assert.Contains("Text/Slug.mprompt", lockText);
        Assert.Contains("Greeting.mprompt", lockText);
        Assert.Contains("test-model", lockText);
        Assert.DoesNotContain(server.BaseUrl, lockText); // never the endpoint
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(project.StoreDirectory, "code"), "*.cs", SearchOption.AllDirectories));

        server.Reset();
        var generated = Path.Combine(project.GeneratedDirectory, "Greeting.g.cs");
        var stamp = File.GetLastWriteTimeUtc(generated);
        var second = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, server.RequestCount);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(generated));
    }

    [Fact]
    public async Task Touching_one_prompt_regenerates_only_it_and_re_verifies_its_dependents_when_its_code_changes()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var script = QuickProject.CorrectScript();
        server.Responder = script.Respond;
        using var project = QuickProject.Create(sdk);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);
        Assert.True((await project.BuildAsync(endpoint, Unlocked)).Succeeded);

        // Change only the Greeting prompt: one request, for Greeting.
        server.Reset();
        server.Responder = script.Respond;
        script.Reply("Greeting", QuickProject.GreetingCode.Replace("Hello", "Hi"));
        project.WriteFile("Greeting.mprompt", QuickProject.GreetingPrompt.Replace("\"Hello,", "\"Hi,"));
        var build = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(build.Succeeded, build.ToString());
        var request = Assert.Single(server.ChatRequests);
        Assert.Contains("# Greeting", request.Messages.Last(m => m.Role == "user").Content);
        Assert.StartsWith("Hi, Ada", (await project.RunAsync()).Output.Trim());

        // Change the used prompt so its code changes: it is regenerated (as an edit of its code), and its dependent is
        // re-verified against the new code — it still compiles and passes, so it keeps its code with no model call.
        server.Reset();
        server.Responder = script.Respond;
        script.Reply("Slugify", QuickProject.SlugCode.Replace("builder.Append('-')", "builder.Append('_')"));
        // The example changes with the spec: examples run at build time, so the old one would fail the new code.
        project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt.Replace("single '-'", "single '_'").Replace("\"hello-world\"", "\"hello_world\""));
        build = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Single(ModelScript.For(server, "Slugify"));
        Assert.Empty(ModelScript.For(server, "Greeting"));
        Assert.Contains("\"origin\": \"reverified\"", project.ReadFile(".microprompt/lock.json"));
        Assert.Equal("Hi, Ada Lovelace! Your handle is ada_lovelace.", (await project.RunAsync()).Output.Trim());
    }

    [Fact]
    public async Task A_reply_that_does_not_compile_is_repaired_from_the_diagnostics()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var broken = QuickProject.SlugCode.Replace("var dash = false;", "var dash = flase;");
        var script = new ModelScript().Reply("Slugify", broken, QuickProject.SlugCode).Reply("Greeting", QuickProject.GreetingCode);
        server.Responder = script.Respond;
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);
        Assert.True(build.Succeeded, build.ToString());
        var slugRequests = ModelScript.For(server, "Slugify");
        Assert.Equal(2, slugRequests.Count);
        var repair = string.Join("\n", slugRequests[1].Messages.Select(m => m.Content));
        Assert.Contains("CS0103", repair);           // the compiler's diagnostic is fed back
        Assert.Contains("flase", repair);            // with the broken code the model wrote
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await project.RunAsync()).Output.Trim());
        Assert.Contains("\"passes\": 2", project.ReadFile(".microprompt/lock.json"));
    }

    [Fact]
    public async Task An_item_that_never_compiles_fails_with_MP2001_leaves_no_generated_file_and_others_still_resolve()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var broken = "namespace App;\npublic static class Greeter { public static string Greet(string name) => undefinedThing; }";
        var script = new ModelScript().Reply("Slugify", QuickProject.SlugCode).Reply("Greeting", broken, broken, broken);
        server.Responder = script.Respond;
        using var project = QuickProject.Create(sdk, "<MicroPromptMaxPasses>3</MicroPromptMaxPasses>");

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);
        Assert.False(build.Succeeded);
        Assert.Contains("Greeting.mprompt(1,1): error MP2001", build.Output);
        Assert.Contains("CS0103", build.Output);
        Assert.DoesNotContain("Unhandled exception", build.Output);
        Assert.Equal(3, ModelScript.For(server, "Greeting").Count);
        Assert.False(File.Exists(Path.Combine(project.GeneratedDirectory, "Greeting.g.cs")));
        Assert.True(File.Exists(Path.Combine(project.GeneratedDirectory, "Text", "Slug.g.cs")));
        var lockText = project.ReadFile(".microprompt/lock.json");
        Assert.Contains("Text/Slug.mprompt", lockText);
        Assert.DoesNotContain("Greeting.mprompt", lockText);
    }

    [Fact]
    public async Task Locked_build_with_a_changed_prompt_fails_with_MP2004_and_sends_no_request()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);
        Assert.True((await project.BuildAsync(endpoint, Unlocked)).Succeeded);

        server.Reset();
        project.WriteFile("Greeting.mprompt", QuickProject.GreetingPrompt + "\nAlso trim the name.\n");
        var locked = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=true");
        Assert.False(locked.Succeeded);
        Assert.Contains("Greeting.mprompt(1,1): error MP2004", locked.Output);
        Assert.Equal(0, server.RequestCount);

        // CI=true makes locked the default.
        project.Environment["CI"] = "true";
        var ci = await project.BuildAsync(endpoint);
        Assert.False(ci.Succeeded);
        Assert.Contains("error MP2004", ci.Output);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Design_time_build_sends_nothing_and_compiles_against_the_contract_stub()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked, "-p:DesignTimeBuild=true");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(0, server.RequestCount);
        var stub = File.ReadAllText(Path.Combine(project.GeneratedDirectory, "Greeting.g.cs"));
        Assert.Contains("NotImplementedException", stub);
        Assert.Contains("namespace App", stub);

        // The stub is not mistaken for a resolution: the next real build generates.
        server.Responder = QuickProject.CorrectScript().Respond;
        var real = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);
        Assert.True(real.Succeeded, real.ToString());
        Assert.Equal(2, server.ChatRequestCount);
        Assert.DoesNotContain("NotImplementedException", File.ReadAllText(Path.Combine(project.GeneratedDirectory, "Greeting.g.cs")));
    }

    [Fact]
    public async Task Clean_removes_generated_files_and_a_fresh_clone_builds_locked_and_offline()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        Assert.True((await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked)).Succeeded);
        Assert.True(File.Exists(Path.Combine(project.GeneratedDirectory, "Greeting.g.cs")));

        var clean = await project.DotNetAsync("clean", project.ProjectFile, "-nodeReuse:false");
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(Directory.Exists(project.GeneratedDirectory));
        Assert.True(project.Exists(".microprompt/lock.json")); // the resolved state is source, not output

        // A teammate's clone: no obj/bin, empty user cache, no endpoint at all, CI=true (locked).
        using var clone = project.FreshClone();
        clone.Environment["CI"] = "true";
        clone.Environment[TestProject.ApiKeyVariable] = null;
        var offline = await clone.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(offline.Succeeded, offline.ToString());
        Assert.Contains("heavy components loaded: none", offline.Output);
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await clone.RunAsync()).Output.Trim());
        Assert.Equal(2, server.ChatRequestCount); // only the original generation ever reached the server
    }

    [Fact]
    public async Task The_api_key_is_in_neither_the_console_output_nor_the_binlog()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        var binlog = Path.Combine(project.Root, "build.binlog");

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked, "-v:detailed", $"-bl:{binlog}");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal("Bearer " + TestProject.ApiKey, server.ChatRequests[0].Authorization); // the key was really used
        Assert.DoesNotContain(TestProject.ApiKey, build.Output);
        Assert.False(BinlogText.Contains(binlog, TestProject.ApiKey), "the API key is in the binlog");
        Assert.True(BinlogText.Contains(binlog, "MicroPromptApiKeyVariable"), "sanity: the binlog is readable");
        foreach (var file in Directory.EnumerateFiles(project.Directory, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(project.UserCacheDirectory, "*", SearchOption.AllDirectories)))
        {
            if (!file.EndsWith(".dll", StringComparison.Ordinal) && !file.EndsWith(".pdb", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(TestProject.ApiKey, File.ReadAllText(file));
            }
        }
    }
}
