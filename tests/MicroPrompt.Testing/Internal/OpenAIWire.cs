using System.Text.Json.Nodes;

namespace MicroPrompt.Testing.Internal;

/// <summary>Renders scripted replies in the OpenAI chat completions wire format (also used by Azure OpenAI).</summary>
internal static class OpenAIWire
{
    public static string Completion(ScriptedReply reply, string model, string id, long created) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = reply.FinishReason,
        }),
        ["usage"] = Usage(reply),
        ["system_fingerprint"] = "fp_scripted",
    }.ToJsonString();

    public static string EmptyChoices(ScriptedReply reply, string model, string id, long created) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(),
        ["usage"] = Usage(reply),
    }.ToJsonString();

    /// <summary>The SSE events of a streamed completion: role, content pieces, finish, usage, <c>[DONE]</c>.</summary>
    public static IEnumerable<string> StreamEvents(ScriptedReply reply, string model, string id, long created, bool emptyChoices)
    {
        if (!emptyChoices)
        {
            yield return Chunk(id, created, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
            foreach (var piece in Pieces(reply.Content))
            {
                yield return Chunk(id, created, model, new JsonObject { ["content"] = piece }, null);
            }

            yield return Chunk(id, created, model, new JsonObject(), reply.FinishReason);
        }

        var usage = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(),
            ["usage"] = Usage(reply),
        };
        yield return Event(usage.ToJsonString());
        yield return "data: [DONE]\n\n";
    }

    public static string Error(int status, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status switch { 401 or 403 => "invalid_request_error", 429 => "rate_limit_exceeded", >= 500 => "server_error", _ => "invalid_request_error" },
            ["param"] = null,
            ["code"] = status switch { 401 => "invalid_api_key", 404 => "model_not_found", 429 => "rate_limit_exceeded", _ => null },
        },
    }.ToJsonString();

    /// <summary>Splits text into up to three pieces so streamed replies really arrive in several chunks.</summary>
    internal static IEnumerable<string> Pieces(string content)
    {
        if (content.Length < 3)
        {
            if (content.Length > 0)
            {
                yield return content;
            }

            yield break;
        }

        var third = content.Length / 3;
        yield return content[..third];
        yield return content[third..(2 * third)];
        yield return content[(2 * third)..];
    }

    private static JsonObject Usage(ScriptedReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };

    private static string Chunk(string id, long created, string model, JsonObject delta, string? finishReason) => Event(new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
    }.ToJsonString());

    private static string Event(string json) => "data: " + json + "\n\n";
}
