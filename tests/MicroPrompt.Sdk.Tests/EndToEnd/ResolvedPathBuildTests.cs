using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>Issue #15 through real builds: a resolved clone is planned from the lock without parsing its prompts, and still notices what changed.</summary>
public sealed class ResolvedPathBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task A_resolved_clone_builds_without_a_prompt_parser_and_still_notices_a_changed_setting_or_a_hand_edit()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        Assert.True((await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), "-p:MicroPromptLocked=false")).Succeeded);
        Assert.Contains("\"frontMatter\": {\"textHash\": ", project.ReadFile(".microprompt/lock.json"));

        using var clone = project.FreshClone();
        clone.Environment["CI"] = "true";
        clone.Environment[TestProject.ApiKeyVariable] = null;
        var offline = await clone.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(offline.Succeeded, offline.ToString());
        Assert.Contains("MicroPrompt: 2 of 2 prompts planned from their lock entries without a parse.", offline.Output);
        Assert.Contains("prompt parsers loaded: none", offline.Output);
        Assert.Contains("heavy components loaded: none", offline.Output);
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await clone.RunAsync()).Output.Trim());
        Assert.Matches(@"tasks[\\/]net10\.0[\\/]MicroPrompt\.Tasks\.dll", offline.Output); // MSBuild on .NET 10: the ReadyToRun tasks
        Assert.Matches(@"MicroPrompt: task took \d+ ms \(parameters and inputs\.json \d+ ms, settings \d+ ms, resolution \d+ ms, checks, outputs, report and summary \d+ ms; JIT \d+ ms, \d+ methods compiled; allocated [\d.]+ MB, GC \d+/\d+/\d+ \(gen 0/1/2\) paused \d+ ms\)", offline.Output);

        // Nothing changed: the task is skipped. A generated file deleted from obj is written again (the task runs).
        var noOp = await clone.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(noOp.Succeeded, noOp.ToString());
        Assert.DoesNotContain("prompts planned from their lock entries", noOp.Output);
        var generated = Directory.GetFiles(Path.Combine(clone.Directory, "obj"), "Slug.g.cs", SearchOption.AllDirectories).Single();
        File.Delete(generated);
        var rewritten = await clone.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(rewritten.Succeeded, rewritten.ToString());
        Assert.Contains("MicroPrompt: 2 of 2 prompts planned from their lock entries without a parse.", rewritten.Output);
        Assert.True(File.Exists(generated));

        // The project's default model changed, the prompts did not (neither names its own model): noticed.
        var otherModel = await clone.BuildAsync(endpoint: null, "-p:MicroPromptModel=other-model");
        Assert.False(otherModel.Succeeded);
        Assert.Contains("error MP2004", otherModel.Output);

        // A hand edit of the committed code is caught before it compiles.
        File.AppendAllText(Path.Combine(clone.StoreDirectory, "code", "Text", "Slug.cs"), "// edited by hand\n");
        Directory.Delete(Path.Combine(clone.Directory, "obj"), recursive: true);
        var tampered = await clone.BuildAsync(endpoint: null);
        Assert.False(tampered.Succeeded);
        Assert.Contains("error MP4004", tampered.Output);
        Assert.Equal(2, server.ChatRequestCount); // only the original generation ever reached the server
    }
}
