using System.Text;
using Microsoft.AspNetCore.Http;

namespace MicroPrompt.Testing.Internal;

/// <summary>Writes a <see cref="ScriptedReply"/> to the response in the protocol of the recorded request.</summary>
internal static class ReplyWriter
{
    public static async Task WriteAsync(HttpContext context, RecordedRequest request, ScriptedReply reply, CancellationToken cancellationToken)
    {
        if (reply.Kind == ScriptedReplyKind.Abort)
        {
            request.Aborted = true;
            context.Abort();
            return;
        }

        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        switch (reply.Kind)
        {
            case ScriptedReplyKind.Raw:
                await WriteBodyAsync(context, request, reply.StatusCode ?? 200, reply.ContentType, reply.Body, cancellationToken).ConfigureAwait(false);
                return;
            case ScriptedReplyKind.Error:
                await WriteErrorAsync(context, request, reply.StatusCode ?? 500, reply.Content, cancellationToken).ConfigureAwait(false);
                return;
        }

        var status = reply.StatusCode ?? 200;
        var model = reply.Model ?? request.Model ?? request.Deployment ?? "test-model";
        var created = DateTimeOffset.UtcNow;
        var truncated = reply.Kind == ScriptedReplyKind.Truncated;
        var empty = reply.Kind == ScriptedReplyKind.EmptyChoices;

        if (request.Protocol == ModelProtocol.Ollama)
        {
            var lines = empty ? [OllamaWire.Empty(model, created)] : OllamaWire.Lines(reply, model, created, request.Stream).ToList();
            if (truncated)
            {
                await WriteBodyAsync(context, request, status, "application/x-ndjson", Half(string.Concat(lines)), cancellationToken).ConfigureAwait(false);
            }
            else if (request.Stream)
            {
                await WriteStreamAsync(context, request, status, "application/x-ndjson", lines, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteBodyAsync(context, request, status, "application/json; charset=utf-8", string.Concat(lines).TrimEnd('\n'), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (request.Protocol == ModelProtocol.Anthropic)
        {
            var messageId = "msg_scripted_" + request.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (request.Stream && !empty)
            {
                var events = AnthropicWire.StreamEvents(reply, model, messageId).ToList();
                if (truncated)
                {
                    await WriteBodyAsync(context, request, status, "text/event-stream", Half(string.Concat(events)), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await WriteStreamAsync(context, request, status, "text/event-stream", events, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var message = empty ? AnthropicWire.MessageWithoutContent(reply, model, messageId) : AnthropicWire.Message(reply, model, messageId);
            await WriteBodyAsync(context, request, status, "application/json", truncated ? Half(message) : message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var id = "chatcmpl-scripted-" + request.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var unixCreated = created.ToUnixTimeSeconds();
        if (request.Stream)
        {
            var events = OpenAIWire.StreamEvents(reply, model, id, unixCreated, empty).ToList();
            if (truncated)
            {
                await WriteBodyAsync(context, request, status, "text/event-stream", Half(string.Concat(events)), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteStreamAsync(context, request, status, "text/event-stream", events, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var json = empty ? OpenAIWire.EmptyChoices(reply, model, id, unixCreated) : OpenAIWire.Completion(reply, model, id, unixCreated);
        await WriteBodyAsync(context, request, status, "application/json", truncated ? Half(json) : json, cancellationToken).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, RecordedRequest request, int status, string message, CancellationToken cancellationToken = default)
    {
        var body = request.Protocol switch
        {
            ModelProtocol.Ollama => OllamaWire.Error(message),
            ModelProtocol.Anthropic => AnthropicWire.Error(status, message),
            _ => OpenAIWire.Error(status, message),
        };
        return WriteBodyAsync(context, request, status, "application/json", body, cancellationToken);
    }

    public static async Task WriteBodyAsync(HttpContext context, RecordedRequest request, int status, string contentType, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        request.ResponseStatus = status;
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteStreamAsync(HttpContext context, RecordedRequest request, int status, string contentType, IEnumerable<string> parts, CancellationToken cancellationToken)
    {
        request.ResponseStatus = status;
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var part in parts)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(part), cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Half(string text) => text[..(text.Length / 2)];
}
