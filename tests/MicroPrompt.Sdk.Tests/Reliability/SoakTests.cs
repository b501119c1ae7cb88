using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.Reliability;

/// <summary>A 50-prompt project against a server failing one request in five, built to completion.</summary>
public sealed class SoakTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const int Prompts = 50;

    [Fact]
    public async Task Fifty_prompts_with_one_request_in_five_failing_build_to_completion_and_no_key_is_paid_for_twice()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var faults = new Func<ScriptedReply>[]
        {
            () => ScriptedReply.Error(500, "injected"),
            () => ScriptedReply.Error(503, "injected"),
            () => ScriptedReply.Error(429, "injected"),
            ScriptedReply.Abort,
            () => ScriptedReply.Error(408, "injected"),
        };
        var counter = 0;
        server.Responder = request =>
        {
            var n = Interlocked.Increment(ref counter);
            if (n % 5 == 0)
            {
                return faults[(n / 5) % faults.Length]();
            }

            var title = request.Messages.Last(m => m.Role == "user").Content.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
            return ModelScript.Code(Reliability.Prompts.Code(title)).After(TimeSpan.FromMilliseconds(20 + (n * 37 % 100)));
        };
        using var project = new TestProject(sdk).WithProject(
            "<MicroPromptMaxConcurrency>8</MicroPromptMaxConcurrency><MicroPromptMaxRetries>4</MicroPromptMaxRetries><MicroPromptRetryDelayMilliseconds>20</MicroPromptRetryDelayMilliseconds>",
            outputType: "Library");
        for (var i = 0; i < Prompts; i++)
        {
            project.WriteFile($"Soak/P{i:00}.mprompt", Reliability.Prompts.Text($"Soak{i:00}"));
        }

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Reliability.Prompts.Unlocked);

        Assert.True(build.Succeeded, build.ToString());
        var chats = server.ChatRequests;
        var failed = chats.Count(r => r.ResponseStatus != 200);
        Assert.InRange(failed, Prompts / 5 - 1, chats.Count / 5 + 1); // the injected 20%
        var paid = chats.Where(r => r.ResponseStatus == 200)
            .GroupBy(r => r.Messages.Last(m => m.Role == "user").Content.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(Prompts, paid.Count);
        Assert.All(paid, g => Assert.True(g.Count() == 1, $"{g.Key} was paid for {g.Count()} times"));
        Assert.Equal(Prompts, StoreIntegrity.AssertIntact(project.StoreDirectory, project.UserCacheDirectory).Count);

        server.Reset();
        var again = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Reliability.Prompts.Unlocked);
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(0, server.RequestCount);
    }
}
