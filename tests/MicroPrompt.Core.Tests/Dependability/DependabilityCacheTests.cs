using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Dependability;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resolution;
using MicroPrompt.Testing;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>
/// The check's per-sample cache against a real model client and compile check (the scripted server on 127.0.0.1):
/// an unchanged check sends no request, an interrupted one sends only the requests of the samples it lost.
/// </summary>
public sealed class DependabilityCacheTests
{
    private const string Prompt = "# {0}\n\nA static class with `int Value()`.\n\n## Contract\n```csharp\npublic static class {0} {{ public static int Value(); }}\n```\n";

    [Fact]
    public async Task Requests_to_the_model_server_show_an_unchanged_check_costs_nothing_and_an_interrupted_one_resumes()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        ScriptedReply Respond(RecordedRequest request)
        {
            var title = request.Messages.First(m => m.Role == "user").Content.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
            return ScriptedReply.Completion($"```csharp\nnamespace App;\npublic static class {title} {{ public static int Value() => {title.Length}; }}\n```", 100, 40);
        }

        server.Responder = Respond;
        using var fx = new ResolverFixture().Prompt("Alpha.mprompt", string.Format(Prompt, "Alpha")).Prompt("Beta.mprompt", string.Format(Prompt, "Beta"));
        var options = fx.Options() with { Project = fx.Options().Project with { ReferencePaths = TestReferences.All }, MaxConcurrency = 2 };
        var provider = new ProviderSettings { Endpoint = new Uri(server.OpenAIEndpoint), ApiKeyVariable = "MP_TEST_UNSET_KEY" };
        var resolved = await new PromptResolver(options with { DesignTime = true }, () => throw new InvalidOperationException()).ResolveAsync(fx.Items, default);
        var settings = new DependabilitySettings { Samples = 3 };
        Task<DependabilityResult> CheckAsync() => new DependabilityCheck(options, settings, () => GeneratorFactory.Create(provider, "openai", options.Project, memoizeVerification: true))
            .RunAsync(fx.Items, resolved, default);

        var first = await CheckAsync();
        Assert.Empty(first.Diagnostics);
        Assert.Equal(6, server.ChatRequestCount);
        Assert.All(first.Items, i => Assert.Equal((3, 3), (i.Samples, i.Correct)));

        server.Reset();
        server.Responder = Respond;
        var unchanged = await CheckAsync();
        Assert.Equal(0, server.RequestCount);
        Assert.Equal((0, 6), (unchanged.NewSamples, unchanged.CachedSamples));

        // Interrupted after four samples were graded: the two lost ones are requested again, nothing else.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fx.UserCache, "comparison"), "*.json", SearchOption.AllDirectories).Order().Take(2))
        {
            File.Delete(file);
        }

        server.Reset();
        server.Responder = Respond;
        var resumed = await CheckAsync();
        Assert.Equal(2, server.ChatRequestCount);
        Assert.Equal((2, 4), (resumed.NewSamples, resumed.CachedSamples));
        Assert.Equal(first.Items.Select(i => (i.Path, i.Correct, i.LowerBound)), resumed.Items.Select(i => (i.Path, i.Correct, i.LowerBound)));
    }
}
