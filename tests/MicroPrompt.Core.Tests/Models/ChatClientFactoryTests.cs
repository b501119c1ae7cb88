using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>Configuration errors of <see cref="ChatClientFactory"/> and <see cref="ProviderSettings"/>, and key handling.</summary>
public sealed class ChatClientFactoryTests
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    [Fact]
    public void Unknown_provider_is_MP1002_listing_the_valid_ones()
    {
        var ex = Assert.Throws<MicroPromptException>(() => ChatClientFactory.Create(new ProviderSettings { Provider = "anthropic-ish" }, "m", NoVariables));

        Assert.Equal(DiagnosticCodes.UnknownProvider, ex.Diagnostic.Code);
        Assert.Contains("anthropic-ish", ex.Message);
        foreach (var name in ProviderNames.All)
        {
            Assert.Contains(name, ex.Message);
        }
    }

    [Theory]
    [InlineData("OpenAI", ProviderNames.OpenAI)]
    [InlineData(" Azure-OpenAI ", ProviderNames.AzureOpenAI)]
    [InlineData("azure", ProviderNames.AzureOpenAI)]
    [InlineData("OLLAMA", ProviderNames.Ollama)]
    [InlineData("", ProviderNames.OpenAI)]
    [InlineData(null, ProviderNames.OpenAI)]
    [InlineData("bedrock", null)]
    public void Provider_names_normalize(string? input, string? expected) => Assert.Equal(expected, ProviderNames.Normalize(input));

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void Endpoint_that_is_not_absolute_http_is_MP1003(string endpoint)
    {
        var ex = Assert.Throws<MicroPromptException>(() => ProviderSettings.FromStrings("ollama", endpoint, null));

        Assert.Equal(DiagnosticCodes.InvalidEndpoint, ex.Diagnostic.Code);
        Assert.Contains("MicroPromptEndpoint", ex.Message);
    }

    [Fact]
    public void Relative_endpoint_Uri_is_MP1003_at_creation()
    {
        var settings = new ProviderSettings { Provider = "ollama", Endpoint = new Uri("api/chat", UriKind.Relative) };

        var ex = Assert.Throws<MicroPromptException>(() => ChatClientFactory.Create(settings, "m", NoVariables));

        Assert.Equal(DiagnosticCodes.InvalidEndpoint, ex.Diagnostic.Code);
    }

    [Fact]
    public void FromStrings_applies_values_and_treats_empty_as_unset()
    {
        var settings = ProviderSettings.FromStrings("Azure", "https://res.openai.azure.com/", " MY_KEY ", TimeSpan.FromSeconds(5));
        var defaults = ProviderSettings.FromStrings("", "", "");

        Assert.Equal(ProviderNames.AzureOpenAI, settings.Provider);
        Assert.Equal(new Uri("https://res.openai.azure.com/"), settings.Endpoint);
        Assert.Equal("MY_KEY", settings.ApiKeyVariable);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Timeout);
        Assert.Equal(ProviderNames.OpenAI, defaults.Provider);
        Assert.Null(defaults.Endpoint);
        Assert.Null(defaults.ApiKeyVariable);
        Assert.Equal(TimeSpan.FromSeconds(120), defaults.Timeout); // MicroPromptTimeoutSeconds' one default (was a second one, 100 s)
    }

    [Fact]
    public void Azure_without_endpoint_is_MP1003()
    {
        var ex = Assert.Throws<MicroPromptException>(() =>
            ChatClientFactory.Create(new ProviderSettings { Provider = "azure-openai" }, "deployment", _ => "a-key"));

        Assert.Equal(DiagnosticCodes.InvalidEndpoint, ex.Diagnostic.Code);
    }

    [Theory]
    [InlineData(null, "AZURE_OPENAI_API_KEY")]
    [InlineData("MY_AZURE_KEY", "MY_AZURE_KEY")]
    public void Azure_without_key_is_MP1004_naming_the_variable(string? variable, string expectedName)
    {
        var settings = new ProviderSettings { Provider = "azure-openai", Endpoint = new Uri("https://res.openai.azure.com/"), ApiKeyVariable = variable };
        const string otherSecret = "sk-other-variable-value";

        var ex = Assert.Throws<MicroPromptException>(() =>
            ChatClientFactory.Create(settings, "deployment", name => name == expectedName ? "" : otherSecret));

        Assert.Equal(DiagnosticCodes.ApiKeyMissing, ex.Diagnostic.Code);
        Assert.Contains($"'{expectedName}'", ex.Message);
        Assert.DoesNotContain(otherSecret, ex.Message);
    }

    [Theory]
    [InlineData(null, "OPENAI_API_KEY")]
    [InlineData("MY_OPENAI_KEY", "MY_OPENAI_KEY")]
    public void Public_OpenAI_without_key_is_MP1004_naming_the_variable(string? variable, string expectedName)
    {
        var ex = Assert.Throws<MicroPromptException>(() =>
            ChatClientFactory.Create(new ProviderSettings { ApiKeyVariable = variable }, "gpt-4.1-mini", NoVariables));

        Assert.Equal(DiagnosticCodes.ApiKeyMissing, ex.Diagnostic.Code);
        Assert.Contains($"'{expectedName}'", ex.Message);
        Assert.Contains("api.openai.com", ex.Message);
    }

    [Fact]
    public void Public_OpenAI_with_key_creates_a_client_without_calling_it()
    {
        using var client = ChatClientFactory.Create(new ProviderSettings(), "gpt-4.1-mini", name => name == "OPENAI_API_KEY" ? "sk-x" : null);

        var metadata = client.GetService<ChatClientMetadata>();
        Assert.Equal("gpt-4.1-mini", metadata?.DefaultModelId);
        Assert.Equal("api.openai.com", metadata?.ProviderUri?.Host);
    }

    [Fact]
    public void Missing_model_is_MP1001()
    {
        var ex = Assert.Throws<MicroPromptException>(() => ChatClientFactory.Create(new ProviderSettings { Provider = "ollama" }, " ", NoVariables));

        Assert.Equal(DiagnosticCodes.NoModel, ex.Diagnostic.Code);
    }

    [Fact]
    public async Task Custom_OpenAI_endpoint_without_key_sends_the_placeholder()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("ok"));
        var settings = new ProviderSettings { Endpoint = new Uri(server.OpenAIEndpoint), Resilience = ModelCallResilience.NoRetries };
        using var client = ChatClientFactory.Create(settings, "local-model", NoVariables);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("ok", response.Text);
        Assert.Equal("Bearer " + ChatClientFactory.PlaceholderApiKey, Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Default_key_variable_is_read_for_OpenAI()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("ok"));
        var settings = new ProviderSettings { Endpoint = new Uri(server.OpenAIEndpoint), Resilience = ModelCallResilience.NoRetries };
        using var client = ChatClientFactory.Create(settings, "m", name => name == "OPENAI_API_KEY" ? "sk-default-var" : null);

        await client.GetResponseAsync("hi");

        Assert.Equal("Bearer sk-default-var", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Ollama_endpoint_with_path_prefix_keeps_it()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var settings = new ProviderSettings { Provider = "ollama", Endpoint = new Uri(server.BaseUrl + "/proxy"), Resilience = ModelCallResilience.NoRetries };
        using var client = ChatClientFactory.Create(settings, "m", NoVariables);

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("hi"));

        Assert.Equal("/proxy/api/chat", Assert.Single(server.Requests).Path);
    }
}
