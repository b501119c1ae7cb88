using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;
using MicroPrompt.Testing.Otlp;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>OpenTelemetry export from a real `dotnet build` of the packed SDK to a loopback OTLP/HTTP receiver.</summary>
public sealed class TelemetryBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task A_build_with_OTEL_EXPORTER_OTLP_ENDPOINT_exports_its_spans_and_metrics_without_content_and_a_dead_collector_is_only_a_warning()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        await using var receiver = await OtlpReceiver.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        project.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint;
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        var build = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false", "-p:MicroPromptModel=gpt-4.1-mini", "-p:MicroPromptJudge=true", "-v:detailed");

        Assert.True(build.Succeeded, build.ToString());
        Assert.Matches("heavy components loaded: .*OpenTelemetry", build.Output);
        Assert.DoesNotContain("MP1051", build.Output);                              // the receiver took everything
        var spans = receiver.Spans;
        var dump = string.Join("\n", spans.Select(s => $"{s.SpanId} <- {s.ParentSpanId} {s}"));
        var root = Assert.Single(spans, s => s.Name == "microprompt.build");
        Assert.Equal("App", root.Attribute("microprompt.project"));
        Assert.Equal(2L, root.Attribute("microprompt.items"));
        Assert.Equal(2L, root.Attribute("microprompt.generated"));
        Assert.Equal("microprompt", root.Resource["service.name"]);
        Assert.All(spans, s => Assert.Equal(root.TraceId, s.TraceId));
        foreach (var item in new[] { "Text/Slug.mprompt", "Greeting.mprompt" })
        {
            Assert.Contains(spans, s => s.Name == "microprompt.resolve" && (string?)s.Attribute("microprompt.item") == item && (string?)s.Attribute("microprompt.status") == "miss");
            var generate = Assert.Single(spans, s => s.Name == "microprompt.generate" && (string?)s.Attribute("microprompt.item") == item);
            Assert.Equal("succeeded", generate.Attribute("microprompt.status"));
            Assert.Equal("gpt-4.1-mini", generate.Attribute("gen_ai.request.model"));
            Assert.Contains(spans, s => s.Name == "microprompt.verify" && (string?)s.Attribute("microprompt.item") == item && s.ParentSpanId == generate.SpanId);
            var judge = spans.FirstOrDefault(s => s.Name == "microprompt.judge" && (string?)s.Attribute("microprompt.item") == item && s.ParentSpanId == generate.SpanId);
            Assert.True(judge is not null, dump);
            Assert.Contains(spans, s => s.Name == "chat gpt-4.1-mini" && s.ParentSpanId == judge.SpanId);     // the judge's model call
            Assert.Contains(spans, s => s.Name == "chat gpt-4.1-mini" && s.ParentSpanId == generate.SpanId && s.Attribute("gen_ai.usage.input_tokens") is long);
        }

        // Token and cost metrics per model (gpt-4.1-mini is priced); never prompt text, code or the key.
        var metrics = receiver.Metrics;
        Assert.Contains(metrics, m => m.Name == "microprompt.tokens" && (string?)m.Attribute("gen_ai.request.model") == "gpt-4.1-mini" && (string?)m.Attribute("gen_ai.token.type") == "input" && m.Value > 0);
        Assert.Contains(metrics, m => m.Name == "microprompt.cost" && m.Unit == "USD" && (string?)m.Attribute("gen_ai.request.model") == "gpt-4.1-mini" && m.Value > 0);
        Assert.Contains(metrics, m => m.Name == "microprompt.items" && (string?)m.Attribute("microprompt.status") == "generated" && m.Value == 2);
        Assert.Contains(metrics, m => m.Name == "gen_ai.client.token.usage");
        Assert.All(spans, s =>
        {
            Assert.DoesNotContain("Make a URL slug", s.AllText());
            Assert.DoesNotContain("StringBuilder", s.AllText());
            Assert.DoesNotContain(TestProject.ApiKey, s.AllText());
        });

        // A no-op build (target up to date) loads no task, so it exports nothing, whatever the variable says.
        var before = receiver.Requests.Count;
        var noop = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false", "-p:MicroPromptModel=gpt-4.1-mini", "-p:MicroPromptJudge=true");
        Assert.True(noop.Succeeded, noop.ToString());
        Assert.Equal(before, receiver.Requests.Count);

        // A collector that is down: the build still succeeds, with one MP1051 warning, and does not hang.
        server.Reset();
        server.Responder = QuickProject.CorrectScript().Respond;
        var started = DateTime.UtcNow;
        var dead = await project.BuildAsync(endpoint, "-p:MicroPromptLocked=false", "-p:MicroPromptModel=gpt-4.1-mini", "-p:MicroPromptRegenerate=true",
            $"-p:MicroPromptOtlpEndpoint=http://127.0.0.1:{ClosedPort()}");
        Assert.True(dead.Succeeded, dead.ToString());
        Assert.Contains("warning MP1051", dead.Output);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_bad_MicroPromptOtlpEndpoint_or_MicroPromptOtlpIncludeContent_is_an_error_with_its_code()
    {
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint("http://127.0.0.1:9"), "-p:MicroPromptLocked=false",
            "-p:MicroPromptOtlpEndpoint=localhost:4318", "-p:MicroPromptOtlpIncludeContent=yes");

        Assert.False(build.Succeeded);
        Assert.Contains("error MP1050", build.Output);
        Assert.Contains("MicroPromptOtlpEndpoint", build.Output);
        Assert.Contains("error MP1005", build.Output);
        Assert.Contains("MicroPromptOtlpIncludeContent", build.Output);
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
