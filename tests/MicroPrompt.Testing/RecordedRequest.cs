namespace MicroPrompt.Testing;

/// <summary>One HTTP request a <see cref="ScriptedModelServer"/> received, with what it answered.</summary>
/// <remarks>
/// Header values are recorded verbatim, including <c>Authorization</c> and <c>api-key</c>, so tests can assert which key
/// a client sent. Keep test keys fake.
/// </remarks>
public sealed class RecordedRequest
{
    private int _responseStatus;
    private int _aborted;

    internal RecordedRequest(
        int sequence,
        string method,
        string path,
        string queryString,
        IReadOnlyDictionary<string, string> headers,
        string body)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        QueryString = queryString;
        Headers = headers;
        Body = body;
    }

    /// <summary>1-based position of this request among all the server received since start or <see cref="ScriptedModelServer.Reset"/>.</summary>
    public int Sequence { get; }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>Path without query string, e.g. <c>/v1/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>Query string including the leading <c>?</c>, or empty.</summary>
    public string QueryString { get; }

    /// <summary>Request headers by case-insensitive name; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body as text.</summary>
    public string Body { get; }

    /// <summary>Which provider protocol the path belongs to.</summary>
    public ModelProtocol Protocol { get; internal init; }

    /// <summary>Whether this was a chat request (the kind that consumes a scripted reply).</summary>
    public bool IsChat { get; internal init; }

    /// <summary>The <c>model</c> field of the body, if any.</summary>
    public string? Model { get; internal init; }

    /// <summary>The Azure deployment from the path <c>/openai/deployments/{deployment}/…</c>, if any.</summary>
    public string? Deployment { get; internal init; }

    /// <summary>Whether the body asked for a streamed reply (<c>"stream": true</c>; Ollama streams unless it says false).</summary>
    public bool Stream { get; internal init; }

    /// <summary>The chat messages of the body, in order.</summary>
    public IReadOnlyList<RecordedMessage> Messages { get; internal init; } = [];

    /// <summary>The <c>Authorization</c> header, if sent.</summary>
    public string? Authorization => Header("Authorization");

    /// <summary>The <c>api-key</c> header (Azure OpenAI key authentication), if sent.</summary>
    public string? ApiKey => Header("api-key");

    /// <summary>The <c>x-api-key</c> header (Anthropic key authentication), if sent.</summary>
    public string? XApiKey => Header("x-api-key");

    /// <summary>The <c>anthropic-version</c> header, if sent.</summary>
    public string? AnthropicVersion => Header("anthropic-version");

    /// <summary>The HTTP status the server sent; 0 while not answered yet or when the connection was aborted.</summary>
    public int ResponseStatus
    {
        get => Volatile.Read(ref _responseStatus);
        internal set => Volatile.Write(ref _responseStatus, value);
    }

    /// <summary>Whether the server aborted the connection instead of answering.</summary>
    public bool Aborted
    {
        get => Volatile.Read(ref _aborted) != 0;
        internal set => Volatile.Write(ref _aborted, value ? 1 : 0);
    }

    /// <summary>Whether this chat request found no scripted reply (the server answered 500).</summary>
    public bool Unscripted { get; internal set; }

    /// <summary>A header's value by case-insensitive name, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The content of the last message with the given role, or <see langword="null"/>.</summary>
    public string? LastMessage(string role = "user")
        => Messages.LastOrDefault(m => string.Equals(m.Role, role, StringComparison.OrdinalIgnoreCase))?.Content;

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Path}{QueryString} → {(Aborted ? "aborted" : ResponseStatus.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
}
