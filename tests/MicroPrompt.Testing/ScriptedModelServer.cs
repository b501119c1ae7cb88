using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MicroPrompt.Testing.Internal;

namespace MicroPrompt.Testing;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, random free port) that speaks the chat wire protocols of OpenAI, Azure OpenAI,
/// Ollama and Anthropic and answers each chat request with the next scripted reply. Every request is recorded.
/// </summary>
/// <remarks>
/// <para>Chat routes: <c>POST /v1/chat/completions</c> (OpenAI; JSON, or SSE when <c>"stream": true</c>),
/// <c>POST /openai/deployments/{deployment}/chat/completions</c> and <c>POST /openai/v1/chat/completions</c> (Azure OpenAI),
/// <c>POST /api/chat</c> (Ollama; NDJSON stream unless <c>"stream": false</c>), <c>POST /v1/messages</c> (Anthropic's
/// Messages API; JSON, or SSE events when <c>"stream": true</c>; errors as <c>{"type":"error","error":{…}}</c>).</para>
/// <para>Other routes answered without consuming a reply: <c>GET /v1/models</c>, <c>GET /openai/v1/models</c>,
/// <c>GET /api/tags</c>, <c>GET /api/version</c>, <c>GET /</c>. Anything else gets 404.</para>
/// <para>A chat request takes the next queued reply (<see cref="Enqueue(ScriptedReply[])"/>); when the queue is empty it asks
/// <see cref="Responder"/>; when there is none it answers 500 with a message saying no reply was scripted, and marks the
/// request <see cref="RecordedRequest.Unscripted"/>.</para>
/// </remarks>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<ScriptedReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Func<RecordedRequest, ScriptedReply>? _responder;
    private int _sequence;
    private int _disposed;

    private ScriptedModelServer()
    {
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash). Azure OpenAI and Ollama endpoint.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary><see cref="BaseUrl"/> as a <see cref="Uri"/>.</summary>
    public Uri BaseUri => new(BaseUrl);

    /// <summary>OpenAI-compatible endpoint: <see cref="BaseUrl"/> + <c>/v1</c>.</summary>
    public string OpenAIEndpoint => BaseUrl + "/v1";

    /// <summary>Anthropic endpoint (the API root; the client appends <c>/v1/messages</c>): same as <see cref="BaseUri"/>.</summary>
    public Uri AnthropicEndpoint => BaseUri;

    /// <summary>Azure OpenAI endpoint (the resource URL): same as <see cref="BaseUri"/>.</summary>
    public Uri AzureOpenAIEndpoint => BaseUri;

    /// <summary>Ollama endpoint: same as <see cref="BaseUri"/>.</summary>
    public Uri OllamaEndpoint => BaseUri;

    /// <summary>The TCP port listened on.</summary>
    public int Port { get; private set; }

    /// <summary>Model ids listed by <c>GET /v1/models</c> and <c>GET /api/tags</c>.</summary>
    public IReadOnlyList<string> AvailableModels { get; set; } = ["test-model"];

    /// <summary>
    /// Called for a chat request when the queue is empty; returns the reply to send. Runs on a server thread, possibly
    /// concurrently. An exception it throws becomes a 500 reply.
    /// </summary>
    public Func<RecordedRequest, ScriptedReply>? Responder
    {
        get => Volatile.Read(ref _responder);
        set => Volatile.Write(ref _responder, value);
    }

    /// <summary>A snapshot of every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>A snapshot of the chat requests received (those that consume a reply), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => Requests.Where(r => r.IsChat).ToArray();

    /// <summary>Number of requests received.</summary>
    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Number of chat requests received.</summary>
    public int ChatRequestCount => ChatRequests.Count;

    /// <summary>Number of queued replies not sent yet.</summary>
    public int PendingReplies
    {
        get
        {
            lock (_gate)
            {
                return _replies.Count;
            }
        }
    }

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    public static async Task<ScriptedModelServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new ScriptedModelServer();
        var (app, port) = await LoopbackHost.StartAsync(server.HandleAsync, cancellationToken).ConfigureAwait(false);
        server._app = app;
        server.Port = port;
        server.BaseUrl = $"http://127.0.0.1:{port}";
        return server;
    }

    /// <summary>Queues replies; each chat request takes the next one.</summary>
    public void Enqueue(params ScriptedReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _replies.Enqueue(reply ?? throw new ArgumentNullException(nameof(replies), "A scripted reply is null."));
            }
        }
    }

    /// <summary>Forgets recorded requests and queued replies and removes the <see cref="Responder"/>.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _replies.Clear();
            _sequence = 0;
        }

        Responder = null;
    }

    /// <summary>Stops the server; replies still waiting on a delay are cut short.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        RecordedRequest recorded;
        ScriptedReply? reply = null;
        lock (_gate)
        {
            recorded = RequestParser.Parse(++_sequence, request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body);
            _requests.Add(recorded);
            if (recorded.IsChat && _replies.Count > 0)
            {
                reply = _replies.Dequeue();
            }
        }

        if (!recorded.IsChat)
        {
            await StaticRoutes.WriteAsync(context, recorded, AvailableModels).ConfigureAwait(false);
            return;
        }

        if (reply is null)
        {
            var responder = Responder;
            if (responder is null)
            {
                recorded.Unscripted = true;
                var message = $"ScriptedModelServer: no scripted reply left for {recorded.Method} {recorded.Path} (request #{recorded.Sequence}). Enqueue one or set Responder.";
                await ReplyWriter.WriteErrorAsync(context, recorded, 500, message).ConfigureAwait(false);
                return;
            }

            try
            {
                reply = responder(recorded);
            }
            catch (Exception ex)
            {
                await ReplyWriter.WriteErrorAsync(context, recorded, 500, "ScriptedModelServer: Responder threw " + ex.GetType().Name + ": " + ex.Message).ConfigureAwait(false);
                return;
            }
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, linked.Token).ConfigureAwait(false);
            }

            await ReplyWriter.WriteAsync(context, recorded, reply, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The client gave up (timeout) or the server is stopping: nothing more to send.
            context.Abort();
        }
    }
}
