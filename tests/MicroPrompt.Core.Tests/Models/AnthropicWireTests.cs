using System.Net;
using System.Text;
using System.Text.Json;
using MicroPrompt.Testing;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>The scripted server's Messages API (<c>POST /v1/messages</c>), spoken to with a plain <see cref="HttpClient"/>.</summary>
public sealed class AnthropicWireTests : IAsyncLifetime
{
    private ScriptedModelServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedModelServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_message_reply_has_content_stop_reason_and_usage_with_cache_tokens()
    {
        _server.Enqueue(ScriptedReply.Completion("hello", promptTokens: 3, completionTokens: 4).WithCacheTokens(creation: 5, read: 6));

        using var response = await PostAsync("""{"model":"claude-haiku-4-5","max_tokens":10,"system":"be brief","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var root = body.RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("claude-haiku-4-5", root.GetProperty("model").GetString());
        Assert.Equal("hello", root.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("end_turn", root.GetProperty("stop_reason").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(3, usage.GetProperty("input_tokens").GetInt32());
        Assert.Equal(4, usage.GetProperty("output_tokens").GetInt32());
        Assert.Equal(5, usage.GetProperty("cache_creation_input_tokens").GetInt32());
        Assert.Equal(6, usage.GetProperty("cache_read_input_tokens").GetInt32());

        var request = Assert.Single(_server.Requests);
        Assert.Equal(ModelProtocol.Anthropic, request.Protocol);
        Assert.True(request.IsChat);
        Assert.Equal([new RecordedMessage("system", "be brief"), new RecordedMessage("user", "hi")], request.Messages);
    }

    [Theory]
    [InlineData("stop", "end_turn")]
    [InlineData("length", "max_tokens")]
    [InlineData("content_filter", "refusal")]
    [InlineData("refusal", "refusal")]
    [InlineData("pause_turn", "pause_turn")]
    public async Task Finish_reasons_become_stop_reasons(string finish, string stopReason)
    {
        _server.Enqueue(ScriptedReply.Completion("x", finishReason: finish));

        using var response = await PostAsync("""{"model":"m","messages":[]}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(stopReason, body.RootElement.GetProperty("stop_reason").GetString());
    }

    [Theory]
    [InlineData(429, "rate_limit_error")]
    [InlineData(529, "overloaded_error")]
    [InlineData(401, "authentication_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(500, "api_error")]
    [InlineData(400, "invalid_request_error")]
    public async Task Errors_have_the_Messages_API_shape(int status, string type)
    {
        _server.Enqueue(status == 429 ? ScriptedReply.RateLimited(TimeSpan.FromSeconds(3)) : ScriptedReply.Error(status, "scripted"));

        using var response = await PostAsync("""{"model":"m","messages":[]}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(type, body.RootElement.GetProperty("error").GetProperty("type").GetString());
        if (status == 429)
        {
            Assert.Equal("3", response.Headers.GetValues("retry-after").Single());
        }
    }

    [Fact]
    public async Task Streaming_is_named_server_sent_events_from_message_start_to_message_stop()
    {
        _server.Enqueue(ScriptedReply.Completion("abcdef", completionTokens: 9));

        using var response = await PostAsync("""{"model":"m","stream":true,"messages":[]}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var names = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]).ToList();
        Assert.Equal("event: message_start", names[0]);
        Assert.Equal("event: message_stop", names[^1]);
        Assert.Equal(3, names.Count(n => n == "event: content_block_delta"));
        Assert.Contains("\"stop_reason\":\"end_turn\"", body);
        Assert.Contains("\"output_tokens\":9", body);
        Assert.True(Assert.Single(_server.Requests).Stream);
    }

    private Task<HttpResponseMessage> PostAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", "k");
        request.Headers.Add("anthropic-version", "2023-06-01");
        return _http.SendAsync(request);
    }
}
