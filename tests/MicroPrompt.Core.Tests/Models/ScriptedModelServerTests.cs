using System.Net;
using System.Text;
using System.Text.Json;
using MicroPrompt.Testing;

namespace MicroPrompt.Core.Tests.Models;

/// <summary>The scripted server itself, spoken to with a plain <see cref="HttpClient"/>.</summary>
public sealed class ScriptedModelServerTests : IAsyncLifetime
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
    public void Listens_on_loopback_with_a_port()
    {
        Assert.StartsWith("http://127.0.0.1:", _server.BaseUrl);
        Assert.True(_server.Port > 0);
        Assert.Equal(_server.BaseUrl + "/v1", _server.OpenAIEndpoint);
    }

    [Fact]
    public async Task Chat_without_scripted_reply_is_500_and_marked_unscripted()
    {
        using var response = await PostAsync("/v1/chat/completions", """{"model":"m","messages":[]}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("no scripted reply", await response.Content.ReadAsStringAsync());
        var request = Assert.Single(_server.Requests);
        Assert.True(request.Unscripted);
        Assert.Equal(500, request.ResponseStatus);
    }

    [Fact]
    public async Task Replies_are_sent_in_order_then_the_responder_answers()
    {
        _server.Enqueue(ScriptedReply.Completion("first"), ScriptedReply.Completion("second"));
        _server.Responder = r => ScriptedReply.Completion("echo: " + r.LastMessage());

        var texts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync("/v1/chat/completions", $$"""{"model":"m","messages":[{"role":"user","content":"q{{i}}"}]}""");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            texts.Add(json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!);
        }

        Assert.Equal(["first", "second", "echo: q2"], texts);
        Assert.Equal([1, 2, 3], _server.Requests.Select(r => r.Sequence));
        Assert.Equal(0, _server.PendingReplies);
    }

    [Fact]
    public async Task Records_headers_body_and_content_parts()
    {
        _server.Enqueue(ScriptedReply.Completion("ok"));
        using var message = new HttpRequestMessage(HttpMethod.Post, "/openai/deployments/dep-1/chat/completions?api-version=2024-10-21")
        {
            Content = new StringContent("""{"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]}""", Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("api-key", "k-1");
        using var response = await _http.SendAsync(message);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(ModelProtocol.AzureOpenAI, request.Protocol);
        Assert.Equal("dep-1", request.Deployment);
        Assert.Equal("?api-version=2024-10-21", request.QueryString);
        Assert.Equal("k-1", request.ApiKey);
        Assert.Equal("k-1", request.Header("API-KEY"));
        Assert.Equal([new RecordedMessage("user", "ab")], request.Messages);
        Assert.Contains("\"dep-1\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Azure_v1_and_unknown_paths_are_told_apart()
    {
        _server.Enqueue(ScriptedReply.Completion("v1"));

        using var v1 = await PostAsync("/openai/v1/chat/completions", """{"model":"gpt","messages":[{"role":"user","content":"q"}]}""");
        using var other = await PostAsync("/v2/chat/completions", "{}");

        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var requests = _server.Requests;
        Assert.Equal((ModelProtocol.AzureOpenAI, true, "gpt"), (requests[0].Protocol, requests[0].IsChat, requests[0].Model));
        Assert.Equal((ModelProtocol.Unknown, false), (requests[1].Protocol, requests[1].IsChat));
    }

    [Fact]
    public async Task Raw_reply_sends_status_headers_and_body_verbatim()
    {
        _server.Enqueue(ScriptedReply.RateLimited(TimeSpan.FromSeconds(7)), ScriptedReply.Raw(200, "<html>", "text/html"));

        using var limited = await PostAsync("/v1/chat/completions", "{}");
        using var html = await PostAsync("/v1/chat/completions", "{}");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("7", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("<html>", await html.Content.ReadAsStringAsync());
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Truncated_reply_is_not_valid_json()
    {
        _server.Enqueue(ScriptedReply.Truncated());

        using var response = await PostAsync("/v1/chat/completions", "{}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task OpenAI_streaming_is_server_sent_events_ending_in_done()
    {
        _server.Enqueue(ScriptedReply.Completion("abcdef", promptTokens: 3, completionTokens: 4));

        using var response = await PostAsync("/v1/chat/completions", """{"model":"m","stream":true,"messages":[]}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.Contains("\"finish_reason\":\"stop\"", body);
        Assert.Contains("\"completion_tokens\":4", body);
        Assert.True(Assert.Single(_server.Requests).Stream);
    }

    [Fact]
    public async Task Ollama_streams_ndjson_unless_stream_is_false()
    {
        _server.Enqueue(ScriptedReply.Completion("abcdef"), ScriptedReply.Completion("whole"));

        using var streamed = await PostAsync("/api/chat", """{"model":"llama","messages":[{"role":"user","content":"x"}]}""");
        using var single = await PostAsync("/api/chat", """{"model":"llama","stream":false,"messages":[]}""");

        var lines = (await streamed.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 2);
        Assert.All(lines[..^1], l => Assert.Contains("\"done\":false", l));
        Assert.Contains("\"done\":true", lines[^1]);
        using var whole = JsonDocument.Parse(await single.Content.ReadAsStringAsync());
        Assert.Equal("whole", whole.RootElement.GetProperty("message").GetProperty("content").GetString());
        Assert.True(whole.RootElement.GetProperty("done").GetBoolean());
        Assert.Equal([true, false], _server.Requests.Select(r => r.Stream));
    }

    [Fact]
    public async Task Static_routes_do_not_consume_replies()
    {
        _server.Enqueue(ScriptedReply.Completion("kept"));
        _server.AvailableModels = ["a", "b"];

        var models = await _http.GetStringAsync("/v1/models");
        var tags = await _http.GetStringAsync("/api/tags");
        var version = await _http.GetStringAsync("/api/version");
        using var unknown = await _http.GetAsync("/nothing/here");

        Assert.Contains("\"id\":\"b\"", models);
        Assert.Contains("\"name\":\"a\"", tags);
        Assert.Contains("version", version);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, _server.PendingReplies);
        Assert.Equal(4, _server.RequestCount);
        Assert.Equal(0, _server.ChatRequestCount);
    }

    [Fact]
    public async Task Abort_drops_the_connection()
    {
        _server.Enqueue(ScriptedReply.Abort());

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync("/v1/chat/completions", "{}"));

        Assert.True(Assert.Single(_server.Requests).Aborted);
    }

    [Fact]
    public async Task Delay_holds_the_reply()
    {
        _server.Enqueue(ScriptedReply.Completion("slow").After(TimeSpan.FromMilliseconds(400)));
        var started = DateTime.UtcNow;

        using var response = await PostAsync("/v1/chat/completions", "{}");

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(350));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_requests_replies_and_responder()
    {
        _server.Enqueue(ScriptedReply.Completion("x"), ScriptedReply.Completion("y"));
        _server.Responder = _ => ScriptedReply.Completion("z");
        using (await PostAsync("/v1/chat/completions", "{}"))
        {
        }

        _server.Reset();

        Assert.Equal(0, _server.RequestCount);
        Assert.Equal(0, _server.PendingReplies);
        Assert.Null(_server.Responder);
        using var response = await PostAsync("/v1/chat/completions", "{}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, Assert.Single(_server.Requests).Sequence);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        _server.Responder = r => ScriptedReply.Completion(r.LastMessage() ?? "");

        var tasks = Enumerable.Range(0, 20).Select(i => PostAsync("/v1/chat/completions", $$"""{"messages":[{"role":"user","content":"{{i}}"}]}""")).ToArray();
        var responses = await Task.WhenAll(tasks);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(20, _server.ChatRequestCount);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i.ToString()).Order(), _server.Requests.Select(r => r.LastMessage()!).Order());
        Assert.Equal(Enumerable.Range(1, 20), _server.Requests.Select(r => r.Sequence).Order());
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json)
        => _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
