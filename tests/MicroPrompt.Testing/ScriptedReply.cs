namespace MicroPrompt.Testing;

/// <summary>
/// One reply a <see cref="ScriptedModelServer"/> sends to one chat request. Build it with the static factories and refine it
/// with <c>with</c> expressions or the <c>With…</c>/<see cref="After"/> helpers:
/// <code>server.Enqueue(ScriptedReply.Completion("hello", promptTokens: 12, completionTokens: 3).After(TimeSpan.FromSeconds(1)));</code>
/// Protocol-shaped kinds (<see cref="ScriptedReplyKind.Completion"/>, <see cref="ScriptedReplyKind.EmptyChoices"/>,
/// <see cref="ScriptedReplyKind.Truncated"/>, <see cref="ScriptedReplyKind.Error"/>) are rendered in whatever protocol the
/// request used (OpenAI, Azure OpenAI, Ollama or Anthropic; streaming or not).
/// </summary>
public sealed record ScriptedReply
{
    /// <summary>What the server sends.</summary>
    public ScriptedReplyKind Kind { get; init; }

    /// <summary>The assistant text of a completion (also the error message of <see cref="ScriptedReplyKind.Error"/>).</summary>
    public string Content { get; init; } = "";

    /// <summary>Prompt (input) tokens reported in the usage.</summary>
    public int PromptTokens { get; init; } = 10;

    /// <summary>Completion (output) tokens reported in the usage.</summary>
    public int CompletionTokens { get; init; } = 20;

    /// <summary>Anthropic only: <c>cache_creation_input_tokens</c> reported in the usage (input tokens written to the prompt cache).</summary>
    public int CacheCreationTokens { get; init; }

    /// <summary>Anthropic only: <c>cache_read_input_tokens</c> reported in the usage (input tokens read from the prompt cache).</summary>
    public int CacheReadTokens { get; init; }

    /// <summary>
    /// Finish reason reported: <c>stop</c>, <c>length</c>, <c>content_filter</c>, … (Anthropic: <c>end_turn</c>,
    /// <c>max_tokens</c>, <c>refusal</c> respectively; any other value is sent as the <c>stop_reason</c> as is).
    /// </summary>
    public string FinishReason { get; init; } = "stop";

    /// <summary>Model id to report; <see langword="null"/> echoes the request's model (or deployment).</summary>
    public string? Model { get; init; }

    /// <summary>HTTP status; <see langword="null"/> means 200 for completions and 500 for errors.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Body sent verbatim by <see cref="ScriptedReplyKind.Raw"/>.</summary>
    public string Body { get; init; } = "";

    /// <summary>Content type sent by <see cref="ScriptedReplyKind.Raw"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers (for example <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the server waits before replying (the wait ends early when the client disconnects).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A completion carrying <paramref name="content"/> as the assistant message.</summary>
    public static ScriptedReply Completion(
        string content,
        int promptTokens = 10,
        int completionTokens = 20,
        string finishReason = "stop",
        string? model = null)
        => new()
        {
            Kind = ScriptedReplyKind.Completion,
            Content = content,
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            FinishReason = finishReason,
            Model = model,
        };

    /// <summary>A completion the provider's content filter stopped (finish reason <c>content_filter</c>).</summary>
    public static ScriptedReply ContentFiltered(string content = "") => Completion(content, finishReason: "content_filter");

    /// <summary>An Anthropic refusal: <c>stop_reason</c> <c>refusal</c> (other protocols: finish reason <c>refusal</c>).</summary>
    public static ScriptedReply Refusal(string content = "") => Completion(content, finishReason: "refusal");

    /// <summary>A 200 response with a valid envelope but no choices (Anthropic: a message without <c>content</c>).</summary>
    public static ScriptedReply EmptyChoices() => new() { Kind = ScriptedReplyKind.EmptyChoices };

    /// <summary>A 200 response whose body is a completion cut off halfway.</summary>
    public static ScriptedReply Truncated(string content = "this reply is cut off") => new() { Kind = ScriptedReplyKind.Truncated, Content = content };

    /// <summary>An error response shaped like the provider's (<c>{"error":{"message":…}}</c> or Ollama's <c>{"error":"…"}</c>).</summary>
    public static ScriptedReply Error(int statusCode, string message = "scripted error")
        => new() { Kind = ScriptedReplyKind.Error, StatusCode = statusCode, Content = message };

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header in whole seconds.</summary>
    public static ScriptedReply RateLimited(TimeSpan retryAfter)
        => Error(429, "Rate limit reached; scripted.").WithHeader("Retry-After", ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Anthropic's 529 Overloaded (<c>overloaded_error</c>); other protocols get a 529 in their error shape.</summary>
    public static ScriptedReply Overloaded(string message = "Overloaded") => Error(529, message);

    /// <summary>Exactly this status, body and content type.</summary>
    public static ScriptedReply Raw(int statusCode, string body, string contentType = "application/json")
        => new() { Kind = ScriptedReplyKind.Raw, StatusCode = statusCode, Body = body, ContentType = contentType };

    /// <summary>A 200 response with an HTML page (what a proxy or login page sends).</summary>
    public static ScriptedReply Html(int statusCode = 200)
        => Raw(statusCode, "<!DOCTYPE html><html><head><title>Gateway</title></head><body><h1>Please sign in</h1></body></html>", "text/html; charset=utf-8");

    /// <summary>The server aborts the connection without replying.</summary>
    public static ScriptedReply Abort() => new() { Kind = ScriptedReplyKind.Abort };

    /// <summary>This reply, sent after waiting <paramref name="delay"/>.</summary>
    public ScriptedReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>This reply with one more response header.</summary>
    public ScriptedReply WithHeader(string name, string value)
        => this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>This reply with Anthropic prompt-cache usage (<c>cache_creation_input_tokens</c>, <c>cache_read_input_tokens</c>).</summary>
    public ScriptedReply WithCacheTokens(int creation, int read) => this with { CacheCreationTokens = creation, CacheReadTokens = read };

    /// <summary>This reply with another HTTP status code.</summary>
    public ScriptedReply WithStatus(int statusCode) => this with { StatusCode = statusCode };
}
