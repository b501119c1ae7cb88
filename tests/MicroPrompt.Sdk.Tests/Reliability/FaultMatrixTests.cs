using System.Diagnostics;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.Reliability;

/// <summary>
/// Provider faults and bad input through real `dotnet build` runs: each case reports its own code at its own location,
/// the server sees exactly the requests the policy allows, and the store stays whole.
/// </summary>
public sealed class FaultMatrixTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task Every_provider_fault_gets_its_own_outcome_request_count_and_the_store_stays_whole()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var conflicting = ScriptedReply.Completion(
            "Two versions:\n```csharp\nnamespace App;\npublic static class ConflictBox { public static int Value() => 1; }\n```\n"
            + "or\n```csharp\nnamespace App;\npublic static class ConflictBox { public static int Value() => 2; }\n```\n");
        var script = new ModelScript()
            .Replies("Flaky", ScriptedReply.Error(503, "overloaded"), ModelScript.Code(Prompts.Code("Flaky")))
            .Replies("Limited", ScriptedReply.RateLimited(TimeSpan.FromSeconds(1)), ModelScript.Code(Prompts.Code("Limited")))
            .Replies("Reset", ScriptedReply.Abort(), ModelScript.Code(Prompts.Code("Reset")))
            .Replies("Html", ScriptedReply.Html(), ModelScript.Code(Prompts.Code("Html")))
            .Replies("Truncated", ScriptedReply.Truncated(), ModelScript.Code(Prompts.Code("Truncated")))
            .Replies("Empty", ScriptedReply.EmptyChoices(), ModelScript.Code(Prompts.Code("Empty")))
            .Replies("Prose", ScriptedReply.Completion("I would write a class."), ScriptedReply.Completion("It returns 42."))
            .Replies("Conflict", conflicting, conflicting)
            .Replies("Dead", ScriptedReply.Error(500), ScriptedReply.Error(502), ScriptedReply.Error(503), ModelScript.Code(Prompts.Code("Dead")))
            .Reply("Reader", "namespace App;\npublic static class ReaderBox { public static int Value() => System.IO.File.ReadAllText(\"x\").Length; }");
        server.Responder = script.Respond;
        using var project = new TestProject(sdk).WithProject(Prompts.FastRetries, outputType: "Library");
        string[] titles = ["Flaky", "Limited", "Reset", "Html", "Truncated", "Empty", "Prose", "Conflict", "Dead", "Reader"];
        foreach (var title in titles)
        {
            project.WriteFile(title + ".mprompt", Prompts.Text(title));
        }

        var clock = Stopwatch.StartNew();
        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Prompts.Unlocked);
        clock.Stop();

        Assert.False(build.Succeeded);
        Assert.DoesNotContain("   at ", build.Output); // no stack trace
        Assert.Contains("Html.mprompt(1,1): error MP1012", build.Output);
        Assert.Contains("Truncated.mprompt(1,1): error MP1012", build.Output);
        Assert.Contains("Empty.mprompt(1,1): error MP1012", build.Output);
        Assert.Contains("Prose.mprompt(1,1): error MP2002", build.Output);
        Assert.Contains("Conflict.mprompt(1,1): error MP2002", build.Output);
        Assert.Contains("cannot be combined", build.Output);
        Assert.Contains("Dead.mprompt(1,1): error MP1011", build.Output); // 3 attempts (1 + 2 retries), all 5xx
        Assert.Contains("Reader.mprompt(1,1): warning MP2020", build.Output);
        Assert.Contains("System.IO.File", build.Output);

        var expectedRequests = new Dictionary<string, int>
        {
            ["Flaky"] = 2, ["Limited"] = 2, ["Reset"] = 2, ["Html"] = 1, ["Truncated"] = 1, ["Empty"] = 1,
            ["Prose"] = 2, ["Conflict"] = 2, ["Dead"] = 3, ["Reader"] = 1,
        };
        foreach (var (title, count) in expectedRequests)
        {
            Assert.True(count == ModelScript.For(server, title).Count, $"{title}: {ModelScript.For(server, title).Count} requests, expected {count}");
        }

        var limited = ModelScript.For(server, "Limited");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1)); // Retry-After: 1 was waited for
        Assert.Equal(429, limited[0].ResponseStatus);

        var stored = StoreIntegrity.AssertIntact(project.StoreDirectory, project.UserCacheDirectory);
        Assert.Equal(["Flaky.mprompt", "Limited.mprompt", "Reader.mprompt", "Reset.mprompt"], stored.OrderBy(s => s, StringComparer.Ordinal));

        // Strict capabilities turn the warning into an error, from the recorded capabilities: no model call needed.
        server.Reset();
        var strict = await project.BuildAsync(endpoint: null, "-p:MicroPromptLocked=true", "-p:MicroPromptStrictCapabilities=true");
        Assert.Contains("Reader.mprompt(1,1): error MP2020", strict.Output);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_dead_endpoint_fails_the_build_once_and_fast()
    {
        using var project = new TestProject(sdk).WithProject("<MicroPromptRetryDelayMilliseconds>200</MicroPromptRetryDelayMilliseconds>", outputType: "Library");
        for (var i = 0; i < 12; i++)
        {
            project.WriteFile($"P{i:00}.mprompt", Prompts.Text($"Item{i:00}"));
        }

        var port = ClosedPort();
        var build = await project.BuildAsync(new ScriptedEndpoint($"http://127.0.0.1:{port}/v1"), Prompts.Unlocked, "-v:n");

        Assert.False(build.Succeeded);
        var errors = build.Output.Split('\n').Where(l => l.Contains("error MP", StringComparison.Ordinal)).Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"^\d+>", "")).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains("error MP1010", error);
        Assert.Contains($"127.0.0.1:{port}", error);
        Assert.Contains("MicroPromptEndpoint", error);
        // 12 items × 3 retries (200 + 400 + 800 ms) would be 16 s; the breaker stops after one item's first backoff.
        var task = System.Text.RegularExpressions.Regex.Match(build.Output, @"(\d+) ms\s+ResolveMicroPrompts");
        Assert.True(!task.Success || int.Parse(task.Groups[1].Value) < 5000, build.Output);
        Assert.Empty(StoreIntegrity.AssertIntact(project.StoreDirectory, project.UserCacheDirectory));
    }

    [Fact]
    public async Task Bad_prompts_each_report_their_own_code_and_location_and_good_ones_with_odd_paths_still_build()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var dupCode = "namespace App;\npublic static class SameBox { public static int Value() => 1; }";
        var script = new ModelScript()
            .Reply("Grüße aus Köln", Prompts.Code("Gruesse"))
            .Reply("Twin one", dupCode)
            .Reply("Twin two", dupCode, dupCode);
        server.Responder = script.Respond;
        using var project = new TestProject(sdk).WithProject(Prompts.FastRetries + "<MicroPromptMaxPromptBytes>4096</MicroPromptMaxPromptBytes>", outputType: "Library");
        project.WriteFile("Empty.mprompt", "");
        File.WriteAllBytes(Path.Combine(project.Directory, "Binary.mprompt"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF]);
        project.WriteFile("Huge.mprompt", Prompts.Text("Huge") + new string('x', 5000));
        File.WriteAllBytes(Path.Combine(project.Directory, "Latin1.mprompt"), [.. "# Caf"u8.ToArray(), 0xE9, .. "\n\nText.\n"u8.ToArray()]);
        project.WriteFile("UnknownKey.mprompt", "---\nmodle: gpt\n---\n# Unknown key\n\nText.\n");
        project.WriteFile("BadYaml.mprompt", "---\nuses: [a, b\n---\n# Bad yaml\n\nText.\n");
        project.WriteFile("BadRange.mprompt", "---\nrequires:\n  - Newtonsoft.Json [13.0,,)\n---\n# Bad range\n\nText.\n");
        project.WriteFile("CycleA.mprompt", "---\nuses: [CycleB.mprompt]\n---\n# Cycle A\n\nText.\n");
        project.WriteFile("CycleB.mprompt", "---\nuses: [CycleA.mprompt]\n---\n# Cycle B\n\nText.\n");
        project.WriteFile("Twins/One.mprompt", Prompts.Text("Twin one"));
        project.WriteFile("Twins/Two.mprompt", "---\nuses: [One.mprompt]\n---\n" + Prompts.Text("Twin two"));
        project.WriteFile("My Prompts/Grüße.mprompt", Prompts.Text("Grüße aus Köln"));

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Prompts.Unlocked);

        Assert.False(build.Succeeded);
        Assert.DoesNotContain("   at ", build.Output);
        Assert.True(!build.Output.Contains("MP9001", StringComparison.Ordinal), build.Output);
        string[] expected =
        [
            "Empty.mprompt : error MP0002",          // the whole file: no line to point at
            "Binary.mprompt(1,5): error MP0003",      // the first NUL byte
            "Huge.mprompt : error MP0004",
            "Latin1.mprompt(1,6): error MP0003",      // the byte that is not UTF-8
            "UnknownKey.mprompt(2,1): error MP0012",
            "BadYaml.mprompt(3,1): error MP0011",
            "BadRange.mprompt(3,5): error MP0014",
            "CycleB.mprompt(2,8): error MP0021",
            "Two.mprompt(1,1): error MP2001",
        ];
        foreach (var line in expected)
        {
            Assert.True(build.Output.Contains(line, StringComparison.Ordinal), $"missing '{line}' in:\n{build.Output}");
        }

        Assert.Contains("CS0101", build.Output); // the twin declares SameBox again
        var stored = StoreIntegrity.AssertIntact(project.StoreDirectory, project.UserCacheDirectory);
        Assert.Contains("My Prompts/Grüße.mprompt", stored);
        Assert.True(File.Exists(Path.Combine(project.GeneratedDirectory, "My Prompts", "Grüße.g.cs")));
    }

    [Fact]
    public async Task Unknown_provider_and_missing_key_are_configuration_errors_without_a_request()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var project = new TestProject(sdk).WithProject(outputType: "Library").WriteFile("A.mprompt", Prompts.Text("Alpha")).WriteFile("B.mprompt", Prompts.Text("Beta"));

        var unknown = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint, "openia"), Prompts.Unlocked);
        Assert.Contains("error MP1002", unknown.Output);
        Assert.Contains("openai", unknown.Output);

        project.Environment[TestProject.ApiKeyVariable] = null;
        var noKey = await project.BuildAsync(new ScriptedEndpoint(server.BaseUrl, "azure-openai"), Prompts.Unlocked);
        Assert.Single(noKey.Output.Split('\n').Where(l => l.Contains("error MP1004", StringComparison.Ordinal)).Distinct());
        Assert.Contains(TestProject.ApiKeyVariable, noKey.Output);
        Assert.Equal(0, server.RequestCount);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
