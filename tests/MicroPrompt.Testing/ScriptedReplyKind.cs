namespace MicroPrompt.Testing;

/// <summary>What a <see cref="ScriptedReply"/> makes the server send.</summary>
public enum ScriptedReplyKind
{
    /// <summary>A well-formed chat completion in the request's protocol (JSON, SSE or NDJSON as the client asked).</summary>
    Completion,

    /// <summary>A well-formed completion envelope without any choice (Ollama: a final line that is never <c>done</c>).</summary>
    EmptyChoices,

    /// <summary>A completion whose body is cut off halfway, so it is not valid JSON.</summary>
    Truncated,

    /// <summary>An error body shaped the way the request's provider shapes errors, with the given status code.</summary>
    Error,

    /// <summary>Exactly the given status, content type and body.</summary>
    Raw,

    /// <summary>The connection is aborted without any response.</summary>
    Abort,
}
