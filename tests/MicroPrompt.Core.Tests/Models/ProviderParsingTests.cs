using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Settings;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>One provider/endpoint parser: the build (ResolutionSettings) and the library (ProviderSettings) agree, and no message shows a secret.</summary>
public sealed class ProviderParsingTests
{
    private const string SecretEndpoint = "https://user:secret@host/v1?key=secret";

    private static ResolutionSettings Build(string? provider = null, string? endpoint = null) => ResolutionSettings.Read(new ResolutionParameters
    {
        ProjectDirectory = Path.GetTempPath(),
        OutputDirectory = Path.Combine(Path.GetTempPath(), "obj"),
        StoreDirectory = Path.Combine(Path.GetTempPath(), ".microprompt"),
        Provider = provider,
        Endpoint = endpoint,
    });

    [Theory]
    [InlineData("azure", ProviderNames.AzureOpenAI)]
    [InlineData("Azure-OpenAI", ProviderNames.AzureOpenAI)]
    [InlineData("azureopenai", ProviderNames.AzureOpenAI)]
    [InlineData(" OLLAMA ", ProviderNames.Ollama)]
    [InlineData("anthropic", ProviderNames.Anthropic)]
    [InlineData("", ProviderNames.OpenAI)]
    public void Every_alias_means_the_same_provider_in_the_task_and_the_core(string value, string expected)
    {
        var build = Build(provider: value, endpoint: "https://res.openai.azure.com/");
        var library = ProviderSettings.FromStrings(value, "https://res.openai.azure.com/", null);

        Assert.Empty(build.Problems);
        Assert.Equal(expected, build.ProviderName);
        Assert.Equal(expected, build.Options.ProviderName);
        Assert.Equal(expected, build.Provider.Provider);
        Assert.Equal(expected, library.Provider);
    }

    [Fact]
    public void An_unknown_provider_is_MP1002_with_one_text_in_the_task_and_the_core()
    {
        var build = Assert.Single(Build(provider: "bedrock").Problems);
        var library = Assert.Throws<MicroPromptException>(() => ProviderSettings.FromStrings("bedrock", null, null)).Diagnostic;
        var factory = Assert.Throws<MicroPromptException>(() => ChatClientFactory.Create(new ProviderSettings { Provider = "bedrock" }, "m", _ => null)).Diagnostic;

        Assert.Equal(DiagnosticCodes.UnknownProvider, build.Code);
        Assert.Equal(build.Message, library.Message);
        Assert.Equal(build.Message, factory.Message);
        Assert.Contains("'bedrock'", build.Message);
        Assert.Contains("MicroPromptProvider", build.Message);
        Assert.Contains("azure = azure-openai", build.Message);
    }

    [Theory]
    [InlineData(SecretEndpoint)]                               // valid: never shown in a message with its secrets
    [InlineData("ftp://user:secret@host/v1?key=secret")]      // parses, not http(s)
    [InlineData("user:secret@host/v1?key=secret")]            // not even a URL
    public void No_message_shows_an_endpoints_user_info_or_query(string endpoint)
    {
        var build = Build(endpoint: endpoint);
        if (endpoint == SecretEndpoint)
        {
            Assert.Empty(build.Problems);
            Assert.Equal("https://host/v1", EndpointDisplay.Of(build.Provider.Endpoint!));
            return;
        }

        var library = Assert.Throws<MicroPromptException>(() => ProviderSettings.FromStrings("openai", endpoint, null)).Diagnostic;
        var problem = Assert.Single(build.Problems);
        Assert.Equal(DiagnosticCodes.InvalidEndpoint, problem.Code);
        Assert.Equal(problem.Message, library.Message);
        Assert.Contains("MicroPromptEndpoint", problem.Message);
        Assert.Contains("host/v1", problem.Message);
        Assert.DoesNotContain("secret", problem.Message);
        Assert.DoesNotContain("user", problem.Message);
    }

    [Fact]
    public void An_endpoint_Uri_given_to_the_factory_is_shown_redacted_too()
    {
        var settings = new ProviderSettings { Provider = "openai", Endpoint = new Uri("ftp://user:secret@host/v1?key=secret") };

        var ex = Assert.Throws<MicroPromptException>(() => ChatClientFactory.Create(settings, "m", _ => "k"));

        Assert.Equal(DiagnosticCodes.InvalidEndpoint, ex.Diagnostic.Code);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Theory]
    [InlineData(SecretEndpoint, "https://host/v1")]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434")]
    [InlineData("user:pw@host:1/x?y#z", "host:1/x")]
    [InlineData("", "")]
    public void Redaction_cuts_user_info_and_query_from_any_text(string text, string shown) => Assert.Equal(shown, EndpointDisplay.Redact(text));

    [Fact]
    public void A_bad_telemetry_endpoint_is_shown_redacted()
    {
        MicroPrompt.Telemetry.TelemetryEndpoint.Resolve("ftp://user:secret@collector:4318?token=secret", null, out var problem);

        Assert.Equal(DiagnosticCodes.TelemetryEndpointInvalid, problem!.Code);
        Assert.Contains("collector:4318", problem.Message);
        Assert.DoesNotContain("secret", problem.Message);
    }
}
