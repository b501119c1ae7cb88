using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Anthropic.Exceptions;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using OllamaSharp.Models.Exceptions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MicroPrompt.Models;

/// <summary>
/// Maps what the provider clients (OpenAI, Azure OpenAI, OllamaSharp, Anthropic) throw to diagnostics: MP1010 unreachable, MP1011 HTTP error (401/403: the key),
/// MP1012 unreadable reply, MP1013 unknown model or deployment, MP1014 timeout (MP2006 when the caller cancelled).
/// Messages name the endpoint (without user info or query) and the key <em>variable</em>, never a key.
/// </summary>
public static class ProviderErrors
{
    private const int MaxServerMessageLength = 300;

    /// <summary>
    /// The diagnostic for an exception thrown by a client from <see cref="ChatClientFactory.Create"/>, or
    /// <see langword="null"/> when the exception is not a provider failure (a bug to report as such).
    /// </summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="settings">The settings the client was created with.</param>
    /// <param name="model">The model (deployment) that was called.</param>
    /// <param name="cancellationToken">The caller's token: when it is cancelled, a cancellation is reported as MP2006, not a timeout.</param>
    public static MicroPromptDiagnostic? Classify(Exception exception, ProviderSettings settings, string model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(settings);
        var provider = ProviderResolution.ResolveForMessages(settings);
        var where = $"{provider.DisplayEndpoint} (provider {provider.Name})";

        var chain = Chain(exception).ToList();
        if (chain.OfType<MicroPromptException>().FirstOrDefault() is { } known)
        {
            return known.Diagnostic;
        }

        if (cancellationToken.IsCancellationRequested && chain.Any(e => e is OperationCanceledException))
        {
            return ModelServiceMessages.Cancelled(model, where);
        }

        if (chain.OfType<BrokenCircuitException>().Any())
        {
            return ModelServiceMessages.CircuitOpen(where);
        }

        if (chain.OfType<TimeoutRejectedException>().FirstOrDefault() is { } rejected)
        {
            return ModelServiceMessages.TimedOutAfterRetries(model, where, rejected.Timeout);
        }

        foreach (var ex in chain)
        {
            switch (ex)
            {
                case ClientResultException { Status: > 0 } result:
                    return ForStatus(result.Status, ServerMessage(result), provider, where, model);
                case AnthropicApiException anthropic:
                    return ForStatus((int)anthropic.StatusCode, Shorten(anthropic.ApiMessage), provider, where, model);
                case HttpRequestException { StatusCode: { } status }:
                    return ForStatus((int)status, null, provider, where, model);
                case OllamaException ollama:
                    return ForStatus(400, Shorten(ollama.Message), provider, where, model);
            }
        }

        if (chain.Any(e => e is OperationCanceledException or TimeoutException))
        {
            return ModelServiceMessages.TimedOut(model, where);
        }

        if (chain.OfType<HttpRequestException>().FirstOrDefault() is { HttpRequestError: HttpRequestError.InvalidResponse })
        {
            return BadResponse(where, model, "the reply was not valid HTTP");
        }

        if (chain.Any(e => e is HttpRequestException or SocketException or IOException))
        {
            var http = chain.OfType<HttpRequestException>().FirstOrDefault();
            var connecting = http is null
                || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                    or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            return ModelServiceMessages.Unreachable(where, model, connecting);
        }

        if (chain.FirstOrDefault(IsFormatError) is { } format)
        {
            return BadResponse(where, model, Describe(format));
        }

        return null;
    }

    private static MicroPromptDiagnostic ForStatus(int status, string? serverMessage, ResolvedProvider provider, string where, string model)
    {
        var reason = Enum.IsDefined(typeof(HttpStatusCode), status) ? $"HTTP {status} {(HttpStatusCode)status}" : $"HTTP {status}";
        switch (status)
        {
            case 401 or 403:
                // Never echo the server's text here: some providers quote part of the key they rejected.
                return ModelServiceMessages.Refused(where, model, reason, provider.KeyVariable);
            case 404:
                var what = provider.Name == ProviderNames.AzureOpenAI ? "deployment" : "model";
                var hint = provider.Name switch
                {
                    ProviderNames.AzureOpenAI => "Check the deployment name (the model name is the deployment) and that MicroPromptEndpoint is the resource URL.",
                    ProviderNames.Ollama => $"Run 'ollama pull {model}' on the server, or check the model name.",
                    ProviderNames.Anthropic => "Check the model id (e.g. claude-haiku-4-5), and that MicroPromptEndpoint is the API root (requests go to {endpoint}/v1/messages).",
                    _ => "Check the model name, and that MicroPromptEndpoint is the API root (OpenAI-compatible endpoints usually end in /v1).",
                };
                return ModelServiceMessages.UnknownModel(Capitalize(what), model, where, reason, Suffix(serverMessage), hint);
            case 429:
                return ModelServiceMessages.RateLimited(where, model, reason, Suffix(serverMessage));
            case 529:
                return ModelServiceMessages.Overloaded(where, model, Suffix(serverMessage));
            default:
                return ModelServiceMessages.HttpError(where, model, reason, Suffix(serverMessage), status >= 500);
        }
    }

    private static MicroPromptDiagnostic BadResponse(string where, string model, string detail) => ModelServiceMessages.BadResponse(where, model, detail);

    private static bool IsFormatError(Exception ex)
        => ex is JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException or IndexOutOfRangeException or KeyNotFoundException
            or AnthropicInvalidDataException;

    private static string Describe(Exception ex) => ex switch
    {
        JsonException => "not valid JSON",
        ArgumentOutOfRangeException or IndexOutOfRangeException => "no choices in the reply",
        _ => Shorten(ex.Message) ?? ex.GetType().Name,
    };

    /// <summary>The error text of an OpenAI-shaped error body (<c>{"error":{"message":…}}</c>), if any.</summary>
    private static string? ServerMessage(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null)
            {
                return null;
            }

            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return Shorten(error.GetString());
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return Shorten(message.GetString());
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ObjectDisposedException)
        {
            // Not an error body we understand: the status alone is reported.
        }

        return null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }

                yield break;
            }

            yield return ex;
        }
    }

    private static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = text.Trim().ReplaceLineEndings(" ");
        return line.Length > MaxServerMessageLength ? line[..MaxServerMessageLength] + "…" : line;
    }

    private static string Suffix(string? serverMessage) => serverMessage is null ? "." : $": {serverMessage.TrimEnd('.')}.";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
