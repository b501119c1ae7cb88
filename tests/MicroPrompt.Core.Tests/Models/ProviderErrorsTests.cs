using System.Net;
using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using OllamaSharp.Models.Exceptions;

namespace MicroPrompt.Core.Tests.Models;

/// <summary><see cref="ProviderErrors.Classify"/> on exceptions built by hand (the real clients are covered in <see cref="ProviderClientTests"/>).</summary>
public sealed class ProviderErrorsTests
{
    private static readonly ProviderSettings OpenAI = new()
    {
        Endpoint = new Uri("https://user:pa55word@llm.example.com/v1?token=abc"),
        ApiKeyVariable = "MY_KEY",
    };

    [Fact]
    public void Endpoint_is_shown_without_user_info_or_query()
    {
        var diagnostic = ProviderErrors.Classify(new HttpRequestException("refused", null, null), OpenAI, "m");

        Assert.Equal(DiagnosticCodes.ProviderUnreachable, diagnostic?.Code);
        Assert.Contains("https://llm.example.com/v1", diagnostic!.Message);
        Assert.DoesNotContain("pa55word", diagnostic.Message);
        Assert.DoesNotContain("token=abc", diagnostic.Message);
    }

    [Fact]
    public void Timeout_without_caller_cancellation_is_MP1014()
    {
        var exception = new TaskCanceledException("timed out", new TimeoutException());

        Assert.Equal(DiagnosticCodes.ProviderTimeout, ProviderErrors.Classify(exception, OpenAI, "m")?.Code);
    }

    [Fact]
    public void Cancellation_by_the_caller_is_MP2006()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Equal(DiagnosticCodes.Cancelled, ProviderErrors.Classify(new OperationCanceledException(cts.Token), OpenAI, "m", cts.Token)?.Code);
    }

    [Fact]
    public void A_MicroPromptException_keeps_its_diagnostic()
    {
        var inner = MicroPromptDiagnostic.Error(DiagnosticCodes.ApiKeyMissing, "x");

        Assert.Same(inner, ProviderErrors.Classify(new InvalidOperationException("wrap", new MicroPromptException(inner)), OpenAI, "m"));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, DiagnosticCodes.ProviderHttpError)]
    [InlineData(HttpStatusCode.Forbidden, DiagnosticCodes.ProviderHttpError)]
    [InlineData(HttpStatusCode.NotFound, DiagnosticCodes.ProviderUnknownModel)]
    [InlineData(HttpStatusCode.BadGateway, DiagnosticCodes.ProviderHttpError)]
    public void Http_status_of_HttpRequestException_is_mapped(HttpStatusCode status, string code)
    {
        var diagnostic = ProviderErrors.Classify(new HttpRequestException("x", null, status), OpenAI, "m");

        Assert.Equal(code, diagnostic?.Code);
        Assert.Contains(((int)status).ToString(), diagnostic!.Message);
    }

    [Fact]
    public void Unauthorized_names_the_key_variable()
    {
        var diagnostic = ProviderErrors.Classify(new HttpRequestException("x", null, HttpStatusCode.Unauthorized), OpenAI, "m");

        Assert.Contains("'MY_KEY'", diagnostic!.Message);
    }

    [Fact]
    public void Ollama_bad_request_carries_the_server_message()
    {
        var settings = new ProviderSettings { Provider = "ollama" };

        var diagnostic = ProviderErrors.Classify(new OllamaException("model is too large for memory"), settings, "big");

        Assert.Equal(DiagnosticCodes.ProviderHttpError, diagnostic?.Code);
        Assert.Contains("model is too large for memory", diagnostic!.Message);
        Assert.Contains("http://127.0.0.1:11434", diagnostic.Message);
    }

    [Fact]
    public void Json_error_is_MP1012()
        => Assert.Equal(DiagnosticCodes.ProviderBadResponse, ProviderErrors.Classify(new JsonException("bad"), OpenAI, "m")?.Code);

    [Fact]
    public void Unrelated_exception_is_not_classified()
        => Assert.Null(ProviderErrors.Classify(new NotSupportedException("bug"), OpenAI, "m"));

    [Fact]
    public void Unknown_provider_settings_do_not_make_Classify_throw()
    {
        var diagnostic = ProviderErrors.Classify(new TimeoutException(), new ProviderSettings { Provider = "nope" }, "m");

        Assert.Equal(DiagnosticCodes.ProviderTimeout, diagnostic?.Code);
        Assert.Contains("nope", diagnostic!.Message);
    }
}
