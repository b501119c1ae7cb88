using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MicroPrompt.Core.Tests.Generation;
using MicroPrompt.Core.Tests.Models;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Telemetry;
using MicroPrompt.Testing;
using MicroPrompt.Testing.Otlp;

namespace MicroPrompt.Core.Tests.Telemetry;

/// <summary>
/// The OTLP/HTTP export against a real receiver on loopback that decodes the protobuf: a generation's spans (build,
/// verify, the model call with the GenAI conventions) and metrics arrive with their attributes and without content unless
/// asked for; a collector that is down or silent costs a bounded wait and a warning, never the build.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private const string PromptMarker = "Make a URL slug";
    private const string CodeMarker = "public static class Slug";

    private ScriptedModelServer _model = null!;
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _receiver = await OtlpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task A_generation_exports_build_verify_and_model_call_spans_and_token_metrics_without_content()
    {
        var model = "otel-model-" + Guid.NewGuid().ToString("N")[..8];
        _model.Enqueue(ScriptedReply.Completion(GenerationSamples.Fenced(GenerationSamples.SlugFile), promptTokens: 120, completionTokens: 45));

        var export = TelemetryExport.Start(Options());
        await GenerateAsync(model, includeContent: export.IncludeContent);
        var problem = export.Stop();

        Assert.Null(problem);
        var spans = _receiver.Spans;
        var build = Assert.Single(spans, s => s.Name == MicroPromptTelemetry.BuildSpan && (string?)s.Attribute("microprompt.project") == model);
        Assert.Equal("", build.ParentSpanId);
        Assert.Equal("microprompt", build.Resource["service.name"]);
        Assert.Equal("1.2.3", build.Resource["service.version"]);
        Assert.Equal("TelemetryTests", build.Resource["microprompt.project"]);
        Assert.Equal(MicroPromptTelemetry.SourceName, build.Scope);

        var mine = spans.Where(s => s.TraceId == build.TraceId).ToList();
        var verify = Assert.Single(mine, s => s.Name == MicroPromptTelemetry.VerifySpan);
        Assert.Equal(build.SpanId, verify.ParentSpanId);
        Assert.Equal("Prompts/Slug.mprompt", verify.Attribute("microprompt.item"));
        Assert.Equal("compile", verify.Attribute("microprompt.verify.step"));
        Assert.Equal(true, verify.Attribute("microprompt.compiles"));

        var chat = Assert.Single(mine, s => s.Scope == MicroPromptTelemetry.ModelCallSourceName);
        Assert.Equal(build.SpanId, chat.ParentSpanId);
        Assert.Equal("chat " + model, chat.Name);
        Assert.Equal(model, chat.Attribute("gen_ai.request.model"));
        Assert.Equal("chat", chat.Attribute("gen_ai.operation.name"));
        Assert.Equal("openai", chat.Attribute("gen_ai.provider.name"));
        Assert.Equal(120L, chat.Attribute("gen_ai.usage.input_tokens"));
        Assert.Equal(45L, chat.Attribute("gen_ai.usage.output_tokens"));

        // Never the prompt's text, the code or the key by default.
        Assert.All(mine, s =>
        {
            Assert.DoesNotContain(PromptMarker, s.AllText());
            Assert.DoesNotContain(CodeMarker, s.AllText());
            Assert.DoesNotContain(TestProvider.Key, s.AllText());
        });

        var tokens = _receiver.Metrics.Where(m => m.Name == "gen_ai.client.token.usage" && (string?)m.Attribute("gen_ai.request.model") == model).ToList();
        Assert.Equal(120, tokens.Single(m => (string?)m.Attribute("gen_ai.token.type") == "input").Value);
        Assert.Equal(45, tokens.Single(m => (string?)m.Attribute("gen_ai.token.type") == "output").Value);
        Assert.Contains(_receiver.Metrics, m => m.Name == "gen_ai.client.operation.duration" && (string?)m.Attribute("gen_ai.request.model") == model);
        Assert.Contains(_receiver.Requests, r => r.StartsWith("POST /v1/traces application/x-protobuf", StringComparison.Ordinal));
        Assert.Contains(_receiver.Requests, r => r.StartsWith("POST /v1/metrics application/x-protobuf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_content_included_the_model_call_span_carries_the_messages()
    {
        var model = "otel-content-" + Guid.NewGuid().ToString("N")[..8];
        _model.Enqueue(ScriptedReply.Completion(GenerationSamples.Fenced(GenerationSamples.SlugFile)));

        var export = TelemetryExport.Start(Options() with { IncludeContent = true });
        await GenerateAsync(model, includeContent: export.IncludeContent);
        Assert.Null(export.Stop());

        var chat = Assert.Single(_receiver.Spans, s => s.Scope == MicroPromptTelemetry.ModelCallSourceName && (string?)s.Attribute("gen_ai.request.model") == model);
        Assert.Contains(PromptMarker, chat.AllText());
        Assert.Contains(CodeMarker, chat.AllText());
    }

    [Fact]
    public async Task An_unreachable_collector_is_a_bounded_wait_and_an_MP1051_warning()
    {
        var export = TelemetryExport.Start(new TelemetryOptions { Endpoint = new Uri($"http://127.0.0.1:{TestProvider.ClosedPort()}"), FlushTimeout = TimeSpan.FromSeconds(2) });
        using (MicroPromptTelemetry.StartBuild("unreachable", 1, "openai", locked: false, comparison: false))
        {
            await Task.Yield();
        }

        var clock = Stopwatch.StartNew();
        var problem = export.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"stopping took {clock.Elapsed}");
        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCodes.TelemetryExportFailed, problem.Code);
        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Contains("127.0.0.1", problem.Message);
    }

    [Fact]
    public async Task A_collector_that_never_answers_cannot_hold_the_build_longer_than_the_flush_timeouts()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
            }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var export = TelemetryExport.Start(new TelemetryOptions { Endpoint = new Uri($"http://127.0.0.1:{port}"), FlushTimeout = TimeSpan.FromSeconds(1) });
        using (MicroPromptTelemetry.StartBuild("silent", 1, "openai", locked: false, comparison: false))
        {
            await Task.Yield();
        }

        var clock = Stopwatch.StartNew();
        var problem = export.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"stopping took {clock.Elapsed}");
        Assert.Equal(DiagnosticCodes.TelemetryExportFailed, problem?.Code);
        silent.Stop();
        accepted.ForEach(c => c.Dispose());
        await accepting;
    }

    private TelemetryOptions Options() => new()
    {
        Endpoint = new Uri(_receiver.Endpoint),
        ProjectName = "TelemetryTests",
        ServiceVersion = "1.2.3",
        FlushTimeout = TimeSpan.FromSeconds(5),
    };

    // The build span, and under it one generation through the real OpenAI client with the telemetry middleware.
    private async Task GenerateAsync(string model, bool includeContent)
    {
        var settings = new ProviderSettings
        {
            Provider = ProviderNames.OpenAI,
            Endpoint = new Uri(_model.OpenAIEndpoint),
            ApiKeyVariable = TestProvider.KeyVariable,
            Resilience = ModelCallResilience.NoRetries,
        };
        using var client = ChatClientFactory.WithTelemetry(TestProvider.Create(settings, model), includeContent);
        var checker = new FakeCompileChecker().Succeeds();
        using var build = MicroPromptTelemetry.StartBuild(model, 1, "openai", locked: false, comparison: false);
        var sample = GenerationSamples.Request();
        var request = new GenerationRequest
        {
            Prompt = sample.Prompt, ItemPath = sample.ItemPath, Namespace = sample.Namespace, Model = model, Project = sample.Project,
            CompanionSources = sample.CompanionSources, Repair = sample.Repair, MaxPasses = sample.MaxPasses,
        };
        var outcome = await new CodeGenerator(_ => client, checker).GenerateAsync(request, CancellationToken.None);
        Assert.Equal(GenerationStatus.Succeeded, outcome.Status);
    }
}
