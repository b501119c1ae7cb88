using System.Text.Json.Nodes;

namespace MicroPrompt.Testing.Internal;

/// <summary>Renders scripted replies in Anthropic's Messages API wire format (<c>POST /v1/messages</c>; JSON, or SSE events).</summary>
internal static class AnthropicWire
{
    /// <summary>The Messages API's <c>stop_reason</c> for a scripted finish reason (OpenAI's names map; others pass through).</summary>
    public static string StopReason(string finishReason) => finishReason switch
    {
        "stop" => "end_turn",
        "length" => "max_tokens",
        "content_filter" => "refusal",
        _ => finishReason,
    };

    public static string Message(ScriptedReply reply, string model, string id) => MessageObject(reply, model, id, withContent: true).ToJsonString();

    /// <summary>A message envelope without its required <c>content</c>: what a broken gateway sends.</summary>
    public static string MessageWithoutContent(ScriptedReply reply, string model, string id) => MessageObject(reply, model, id, withContent: false).ToJsonString();

    /// <summary>The SSE events of a streamed message: start, one text block in several deltas, stop reason and usage, stop.</summary>
    public static IEnumerable<string> StreamEvents(ScriptedReply reply, string model, string id)
    {
        var start = MessageObject(reply, model, id, withContent: false);
        start["content"] = new JsonArray();
        start["stop_reason"] = null;
        start["usage"] = Usage(reply, outputTokens: 1);
        yield return Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start });
        yield return Event("content_block_start", new JsonObject
        {
            ["type"] = "content_block_start",
            ["index"] = 0,
            ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
        });
        yield return Event("ping", new JsonObject { ["type"] = "ping" });
        foreach (var piece in OpenAIWire.Pieces(reply.Content))
        {
            yield return Event("content_block_delta", new JsonObject
            {
                ["type"] = "content_block_delta",
                ["index"] = 0,
                ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
            });
        }

        yield return Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 });
        yield return Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(reply.FinishReason), ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.CompletionTokens },
        });
        yield return Event("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    /// <summary>An error body: <c>{"type":"error","error":{"type":…,"message":…}}</c> with the type the API uses for the status.</summary>
    public static string Error(int status, string message) => new JsonObject
    {
        ["type"] = "error",
        ["error"] = new JsonObject
        {
            ["type"] = status switch
            {
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                413 => "request_too_large",
                429 => "rate_limit_error",
                529 => "overloaded_error",
                >= 500 => "api_error",
                _ => "invalid_request_error",
            },
            ["message"] = message,
        },
        ["request_id"] = "req_scripted",
    }.ToJsonString();

    private static JsonObject MessageObject(ScriptedReply reply, string model, string id, bool withContent)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
        };
        if (withContent)
        {
            message["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Content });
        }

        message["stop_reason"] = StopReason(reply.FinishReason);
        message["stop_sequence"] = null;
        message["usage"] = Usage(reply, reply.CompletionTokens);
        return message;
    }

    // input_tokens excludes the cache tokens, as the API reports them.
    private static JsonObject Usage(ScriptedReply reply, int outputTokens) => new()
    {
        ["input_tokens"] = reply.PromptTokens,
        ["cache_creation_input_tokens"] = reply.CacheCreationTokens,
        ["cache_read_input_tokens"] = reply.CacheReadTokens,
        ["output_tokens"] = outputTokens,
    };

    private static string Event(string name, JsonObject data) => "event: " + name + "\ndata: " + data.ToJsonString() + "\n\n";
}
