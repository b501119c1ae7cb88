using System.Text.Json;
using System.Text.RegularExpressions;

namespace MicroPrompt.Testing.Internal;

/// <summary>Turns a raw HTTP request into a <see cref="RecordedRequest"/>: protocol from the path, model and messages from the body.</summary>
internal static partial class RequestParser
{
    [GeneratedRegex("^/openai/deployments/(?<deployment>[^/]+)/chat/completions/?$", RegexOptions.IgnoreCase)]
    private static partial Regex AzureDeploymentChat();

    public static RecordedRequest Parse(
        int sequence,
        string method,
        string path,
        string queryString,
        IReadOnlyDictionary<string, string> headers,
        string body)
    {
        var protocol = ModelProtocol.Unknown;
        var isChat = false;
        string? deployment = null;
        var isPost = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);

        var azure = AzureDeploymentChat().Match(path);
        if (IsPath(path, "/v1/messages") || IsPath(path, "/v1/messages/count_tokens"))
        {
            protocol = ModelProtocol.Anthropic;
            isChat = isPost && IsPath(path, "/v1/messages");
        }
        else if (azure.Success)
        {
            protocol = ModelProtocol.AzureOpenAI;
            deployment = Uri.UnescapeDataString(azure.Groups["deployment"].Value);
            isChat = isPost;
        }
        else if (path.StartsWith("/openai/", StringComparison.OrdinalIgnoreCase))
        {
            protocol = ModelProtocol.AzureOpenAI;
            isChat = isPost && IsPath(path, "/openai/v1/chat/completions");
        }
        else if (path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase))
        {
            protocol = ModelProtocol.OpenAI;
            isChat = isPost && IsPath(path, "/v1/chat/completions");
        }
        else if (path.TrimEnd('/').EndsWith("/v1/chat/completions", StringComparison.OrdinalIgnoreCase)
            || path.TrimEnd('/').EndsWith("/openai/chat/completions", StringComparison.OrdinalIgnoreCase))
        {
            // OpenAI-compatible services under another root: OpenRouter /api/v1, Gemini /v1beta/openai, gateways' /x/v1.
            protocol = ModelProtocol.OpenAI;
            isChat = isPost;
        }
        else if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path == "/")
        {
            protocol = ModelProtocol.Ollama;
            isChat = isPost && IsPath(path, "/api/chat");
        }

        string? model = null;
        var stream = false;
        var messages = new List<RecordedMessage>();
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
                    {
                        model = m.GetString();
                    }

                    // Ollama streams unless the request says "stream": false; the OpenAI protocols only when it says true.
                    var hasStream = root.TryGetProperty("stream", out var s);
                    stream = protocol == ModelProtocol.Ollama
                        ? !hasStream || s.ValueKind != JsonValueKind.False
                        : hasStream && s.ValueKind == JsonValueKind.True;

                    // Anthropic sends the system prompt beside the messages: recorded as the first, "system" message.
                    if (protocol == ModelProtocol.Anthropic && root.TryGetProperty("system", out var system))
                    {
                        messages.Add(new RecordedMessage("system", Text(system)));
                    }

                    if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var message in list.EnumerateArray())
                        {
                            messages.Add(ParseMessage(message));
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: recorded as text only.
            }
        }
        else if (protocol == ModelProtocol.Ollama)
        {
            stream = true;
        }

        return new RecordedRequest(sequence, method, path, queryString, headers, body)
        {
            Protocol = protocol,
            IsChat = isChat,
            Model = model,
            Deployment = deployment,
            Stream = isChat && stream,
            Messages = messages,
        };
    }

    private static bool IsPath(string path, string expected)
        => string.Equals(path.TrimEnd('/'), expected, StringComparison.OrdinalIgnoreCase);

    private static RecordedMessage ParseMessage(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return new RecordedMessage("", message.ToString());
        }

        var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
        var content = message.TryGetProperty("content", out var c) ? Text(c) : "";
        return new RecordedMessage(role, content);
    }

    // A string, or an array of parts whose text parts are joined.
    private static string Text(JsonElement c) => c.ValueKind switch
    {
        JsonValueKind.String => c.GetString() ?? "",
        JsonValueKind.Array => string.Concat(c.EnumerateArray()
            .Where(part => part.ValueKind == JsonValueKind.Object
                && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(part => part.GetProperty("text").GetString())),
        JsonValueKind.Null => "",
        _ => c.ToString(),
    };
}
