using System.Diagnostics;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.Reliability;

/// <summary>Ctrl+C during generation, and builds racing on one project or one user cache, with real `dotnet build` runs.</summary>
public sealed class InterruptionTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task Ctrl_C_cancels_in_flight_calls_quickly_keeps_what_was_verified_and_the_next_build_pays_only_for_the_rest()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var script = new ModelScript();
        for (var i = 0; i < 3; i++)
        {
            script.Reply($"Quick{i}", Prompts.Code($"Quick{i}"));
            script.Replies($"Slow{i}", ModelScript.Code(Prompts.Code($"Slow{i}")).After(TimeSpan.FromMinutes(2)));
        }

        server.Responder = script.Respond;
        using var project = new TestProject(sdk).WithProject("<MicroPromptMaxConcurrency>6</MicroPromptMaxConcurrency>", outputType: "Library");
        for (var i = 0; i < 3; i++)
        {
            project.WriteFile($"Quick{i}.mprompt", Prompts.Text($"Quick{i}"));
            project.WriteFile($"Slow{i}.mprompt", Prompts.Text($"Slow{i}"));
        }

        Process? dotnet = null;
        var build = project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), p => dotnet = p, Prompts.Unlocked);
        var lockPath = Path.Combine(project.StoreDirectory, "lock.json");
        var deadline = Stopwatch.StartNew();
        while (!(server.ChatRequestCount == 6 && File.Exists(lockPath) && File.ReadAllText(lockPath).Contains("Quick2.mprompt", StringComparison.Ordinal)
            && File.ReadAllText(lockPath).Contains("Quick0.mprompt", StringComparison.Ordinal) && File.ReadAllText(lockPath).Contains("Quick1.mprompt", StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2) && !build.IsCompleted, "the build never reached the slow calls:\n" + (build.IsCompleted ? build.Result.ToString() : ""));
            await Task.Delay(50);
        }

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", dotnet!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var result = await build;
        clock.Stop();

        Assert.False(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the build took {clock.Elapsed} to stop after Ctrl+C:\n{result}");
        Assert.DoesNotContain("   at ", result.Output);
        Assert.Equal(["Quick0.mprompt", "Quick1.mprompt", "Quick2.mprompt"], StoreIntegrity.AssertIntact(project.StoreDirectory, project.UserCacheDirectory).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(project.GeneratedDirectory, "Slow0.g.cs")));

        // The next build asks only for what was not verified.
        server.Reset();
        script = new ModelScript();
        for (var i = 0; i < 3; i++)
        {
            script.Reply($"Slow{i}", Prompts.Code($"Slow{i}"));
        }

        server.Responder = script.Respond;
        var next = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Prompts.Unlocked);
        Assert.True(next.Succeeded, next.ToString());
        Assert.Equal(3, server.ChatRequestCount);
        Assert.All(server.ChatRequests, r => Assert.Contains("# Slow", r.LastMessage()));
    }

    [Fact]
    public async Task Two_builds_of_one_project_and_a_second_project_sharing_the_user_cache_at_once_tear_and_lose_nothing()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var random = new Random(42);
        server.Responder = request =>
        {
            var title = request.Messages.Last(m => m.Role == "user").Content.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
            int delay;
            lock (random)
            {
                delay = random.Next(10, 300);
            }

            return ModelScript.Code(Prompts.Code(title)).After(TimeSpan.FromMilliseconds(delay));
        };
        // The two Alpha builds use their own obj/bin folders; each must not glob the other's generated sources as Compile items.
        using var a = new TestProject(sdk, "Alpha").WithProject(
            "<MicroPromptMaxConcurrency>8</MicroPromptMaxConcurrency><DefaultItemExcludes>$(DefaultItemExcludes);obj1/**;obj2/**;bin1/**;bin2/**</DefaultItemExcludes>",
            outputType: "Library");
        using var b = new TestProject(sdk, "Beta").WithProject("<MicroPromptMaxConcurrency>8</MicroPromptMaxConcurrency>", outputType: "Library");
        b.Environment["MICROPROMPT_CACHE_DIR"] = a.UserCacheDirectory;
        for (var i = 0; i < 16; i++)
        {
            a.WriteFile($"P{i:00}.mprompt", Prompts.Text($"Item{i:00}"));
            b.WriteFile($"P{i:00}.mprompt", Prompts.Text($"Item{i:00}"));
        }

        // Alpha twice (separate obj/bin, same prompts, same store and cache) and Beta, all at the same moment.
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);
        var builds = await Task.WhenAll(
            a.BuildAsync(endpoint, Prompts.Unlocked, "-p:BaseIntermediateOutputPath=obj1/", "-p:BaseOutputPath=bin1/"),
            a.BuildAsync(endpoint, Prompts.Unlocked, "-p:BaseIntermediateOutputPath=obj2/", "-p:BaseOutputPath=bin2/"),
            b.BuildAsync(endpoint, Prompts.Unlocked));

        Assert.All(builds, build => Assert.True(build.Succeeded, build.ToString()));
        Assert.Equal(16, StoreIntegrity.AssertIntact(a.StoreDirectory, a.UserCacheDirectory).Count);
        Assert.Equal(16, StoreIntegrity.AssertIntact(b.StoreDirectory, a.UserCacheDirectory).Count);
        Assert.InRange(server.ChatRequestCount, 16, 48); // each key paid for at most once per racing build

        // Afterwards every build of either project is a pure hit.
        server.Reset();
        var again = await b.BuildAsync(endpoint, Prompts.Unlocked, "-p:MicroPromptRegenerate=false");
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(0, server.RequestCount);
    }
}
