using System.Text.Json.Nodes;

namespace MicroPrompt.Testing.Internal;

/// <summary>Renders scripted replies in Ollama's <c>/api/chat</c> wire format (one JSON object per line).</summary>
internal static class OllamaWire
{
    /// <summary>The lines of a reply: content pieces (streaming only) and the final <c>done</c> line.</summary>
    public static IEnumerable<string> Lines(ScriptedReply reply, string model, DateTimeOffset created, bool stream)
    {
        if (stream)
        {
            foreach (var piece in OpenAIWire.Pieces(reply.Content))
            {
                yield return Line(model, created, piece, done: false);
            }
        }

        var final = new JsonObject
        {
            ["model"] = model,
            ["created_at"] = created.ToString("O"),
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = stream ? "" : reply.Content },
            ["done_reason"] = reply.FinishReason,
            ["done"] = true,
            ["total_duration"] = 1_000_000,
            ["load_duration"] = 1_000,
            ["prompt_eval_count"] = reply.PromptTokens,
            ["prompt_eval_duration"] = 1_000,
            ["eval_count"] = reply.CompletionTokens,
            ["eval_duration"] = 1_000,
        };
        yield return final.ToJsonString() + "\n";
    }

    /// <summary>A line that carries no message and never says <c>done</c>: Ollama's nearest thing to an empty choice list.</summary>
    public static string Empty(string model, DateTimeOffset created) => new JsonObject
    {
        ["model"] = model,
        ["created_at"] = created.ToString("O"),
        ["done"] = false,
    }.ToJsonString() + "\n";

    public static string Error(string message) => new JsonObject { ["error"] = message }.ToJsonString();

    private static string Line(string model, DateTimeOffset created, string content, bool done) => new JsonObject
    {
        ["model"] = model,
        ["created_at"] = created.ToString("O"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done"] = done,
    }.ToJsonString() + "\n";
}
