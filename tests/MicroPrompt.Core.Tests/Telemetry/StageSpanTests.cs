using System.Collections.Concurrent;
using System.Diagnostics;
using MicroPrompt.Comparison;
using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Telemetry;

namespace MicroPrompt.Core.Tests.Telemetry;

/// <summary>
/// The engine's spans as an <see cref="ActivityListener"/> sees them (no OpenTelemetry SDK): a resolve span per item
/// with its lookup status, a generate span per generation (resolution and comparison runs), and a build span that is
/// always a root.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class StageSpanTests : IDisposable
{
    private const string Prompt = "# Alpha\n\nReturn 1 — SECRET-PROMPT-TEXT.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public StageSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MicroPromptTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_resolution_has_a_resolve_span_per_item_and_a_generate_span_per_miss_without_content()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Prompt);
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class Alpha {{ public static int One() => 1; }}\n"));

        using (var build = MicroPromptTelemetry.StartBuild("spans-" + Guid.NewGuid().ToString("N"), 1, "openai", locked: false, comparison: false))
        {
            await fx.ResolveAsync(generator);
            var traceId = build!.TraceId;
            var mine = _stopped.Where(a => a.TraceId == traceId).ToList();
            var resolve = Assert.Single(mine, a => a.OperationName == MicroPromptTelemetry.ResolveSpan);
            Assert.Equal(("A.mprompt", "miss"), ((string?)resolve.GetTagItem("microprompt.item"), (string?)resolve.GetTagItem("microprompt.status")));
            var generate = Assert.Single(mine, a => a.OperationName == MicroPromptTelemetry.GenerateSpan);
            Assert.Equal(build.SpanId, generate.ParentSpanId);
            Assert.Equal("succeeded", generate.GetTagItem("microprompt.status"));
            Assert.Equal("m1", generate.GetTagItem("gen_ai.request.model"));
            Assert.All(mine, a => Assert.DoesNotContain(a.TagObjects, t => t.Value?.ToString()?.Contains("SECRET-PROMPT-TEXT", StringComparison.Ordinal) == true));
        }

        // The second build finds the item resolved: a resolve span with that status, no generation.
        _stopped.Clear();
        using (var again = MicroPromptTelemetry.StartBuild("spans-again", 1, "openai", locked: false, comparison: false))
        {
            await fx.ResolveAsync(generator);
            var mine = _stopped.Where(a => a.TraceId == again!.TraceId).ToList();
            Assert.Equal("resolved", Assert.Single(mine, a => a.OperationName == MicroPromptTelemetry.ResolveSpan).GetTagItem("microprompt.status"));
            Assert.DoesNotContain(mine, a => a.OperationName == MicroPromptTelemetry.GenerateSpan);
        }
    }

    [Fact]
    public async Task Each_comparison_run_is_a_generate_span_with_its_repair_mode_and_sample()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Prompt);
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class Alpha {{ public static int One() => 1; }}\n"));
        var options = fx.Options(designTime: true);
        var settings = new ComparisonSettings { Models = ["a", "b"], Samples = 2, Modes = [RepairMode.Exec, RepairMode.Review], MaxPasses = 3 };

        using var build = MicroPromptTelemetry.StartBuild("compare", 1, "openai", locked: false, comparison: true);
        var resolved = await new PromptResolver(options, () => throw new InvalidOperationException("no generation in the resolution")).ResolveAsync(fx.Items, default);
        await new ComparisonRunner(options, settings, () => generator).RunAsync(fx.Items, resolved, default);

        var runs = _stopped.Where(a => a.TraceId == build!.TraceId && a.OperationName == MicroPromptTelemetry.GenerateSpan).ToList();
        Assert.Equal(8, runs.Count);
        Assert.Equal(
            ["a exec 1", "a exec 2", "a review 1", "a review 2", "b exec 1", "b exec 2", "b review 1", "b review 2"],
            runs.Select(a => $"{a.GetTagItem("gen_ai.request.model")} {a.GetTagItem("microprompt.repair")} {a.GetTagItem("microprompt.sample")}").Order());
    }

    [Fact]
    public void The_build_span_is_a_root_even_under_a_host_span_and_without_a_listener_the_host_context_is_untouched()
    {
        using var host = new Activity("msbuild-host").Start();

        using (var build = MicroPromptTelemetry.StartBuild("root", 0, "openai", locked: false, comparison: false))
        {
            Assert.NotNull(build);
            Assert.Null(build.Parent);
            Assert.Equal(default, build.ParentSpanId);
        }

        Activity.Current = host;
        _listener.Dispose(); // nobody listens any more
        Assert.Null(MicroPromptTelemetry.StartBuild("unheard", 0, "openai", locked: false, comparison: false));
        Assert.Same(host, Activity.Current);
    }
}
