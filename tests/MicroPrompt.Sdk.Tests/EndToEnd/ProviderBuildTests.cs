using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>Providers other than the default through a real `dotnet build` of the packed SDK.</summary>
public sealed class ProviderBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task An_anthropic_build_generates_through_the_Messages_API_and_counts_cache_tokens_and_prices_them()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var script = QuickProject.CorrectScript();
        server.Responder = request => script.Respond(request).WithCacheTokens(creation: 10, read: 1000);
        using var project = QuickProject.Create(sdk);
        project.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null; // telemetry off, whatever the machine says

        var build = await project.BuildAsync(new ScriptedEndpoint(server.BaseUrl, "anthropic"), "-p:MicroPromptLocked=false", "-p:MicroPromptModel=claude-haiku-4-5", "-v:detailed");

        Assert.True(build.Succeeded, build.ToString());
        Assert.Matches("heavy components loaded: .*Anthropic", build.Output);
        Assert.DoesNotMatch("heavy components loaded: .*OpenTelemetry", build.Output); // no endpoint set: no OpenTelemetry, even when generating
        Assert.Equal("Hello, Grace Hopper! Your handle is grace-hopper.", (await project.RunAsync("Grace Hopper")).Output.Trim());
        Assert.NotEmpty(server.ChatRequests);
        Assert.All(server.ChatRequests, r =>
        {
            Assert.Equal(ModelProtocol.Anthropic, r.Protocol);
            Assert.Equal("/v1/messages", r.Path);
            Assert.Equal(TestProject.ApiKey, r.XApiKey);        // from MicroPromptApiKeyVariable, in x-api-key
            Assert.Null(r.Authorization);
            Assert.False(string.IsNullOrEmpty(r.AnthropicVersion));
            Assert.Equal("claude-haiku-4-5", r.Model);
        });
        Assert.DoesNotContain(TestProject.ApiKey, build.Output);

        // Input tokens include the prompt-cache writes and reads; claude-haiku-4-5 is priced ($1 in, $5 out per million).
        var generations = server.ChatRequests.Count(r => !ModelScript.IsJudge(r));
        var judged = server.ChatRequests.Count(ModelScript.IsJudge);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt", "report.json")));
        var totals = report.RootElement.GetProperty("totals");
        var input = generations * (100 + 1010) + judged * (40 + 1010);
        var output = generations * 50 + judged * 10;
        Assert.Equal(input, totals.GetProperty("inputTokens").GetInt64());
        Assert.Equal(output, totals.GetProperty("outputTokens").GetInt64());
        Assert.Equal((input * 1m + output * 5m) / 1_000_000m, totals.GetProperty("costUsd").GetDecimal());
        Assert.Equal("anthropic", report.RootElement.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task An_unknown_provider_lists_anthropic_among_the_known_ones()
    {
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint("http://127.0.0.1:9", "claude-ish"), "-p:MicroPromptLocked=false");

        Assert.False(build.Succeeded);
        Assert.Contains("MP1002", build.Output);
        Assert.Contains("anthropic", build.Output);
    }

    [Fact]
    public async Task Bad_settings_are_MP_errors_naming_the_property_and_an_endpoints_secrets_are_never_shown()
    {
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint("ftp://user:secret@host/v1?key=secret", "azure"), "-p:MicroPromptLocked=maybe");

        Assert.False(build.Succeeded);
        Assert.DoesNotContain("MSB4030", build.Output); // a bool task parameter used to fail in MSBuild, without an MP code
        Assert.Contains("error MP1005: MicroPromptLocked is 'maybe'; expected true or false.", build.Output);
        Assert.Contains("error MP1003", build.Output);
        Assert.Contains("ftp://host/v1", build.Output);
        Assert.DoesNotContain("secret", build.Output);
        Assert.DoesNotContain("MP1002", build.Output); // azure is an alias of azure-openai in the task as in the core
    }
}
