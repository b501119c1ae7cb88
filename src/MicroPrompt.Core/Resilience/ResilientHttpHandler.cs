using Polly;

namespace MicroPrompt.Resilience;

/// <summary>
/// Runs every request through a <see cref="ModelCallPipeline"/>. The reply body is read inside the attempt, so a
/// connection that breaks mid-body, or a body that never finishes within the attempt timeout, is retried like any
/// other transient failure. The build's model calls are not streamed, so buffering costs nothing; a streamed reply
/// (<c>text/event-stream</c>, <c>application/x-ndjson</c>) is passed through unread.
/// </summary>
public sealed class ResilientHttpHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <param name="pipeline">The pipeline (shared by every client of one endpoint, so the breaker sees all their calls).</param>
    /// <param name="inner">The handler that sends; by default a new <see cref="SocketsHttpHandler"/>.</param>
    public ResilientHttpHandler(ResiliencePipeline<HttpResponseMessage> pipeline, HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        return await _pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.AttemptAsync(state.Request, token).ConfigureAwait(false),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken token)
    {
        var response = await base.SendAsync(request, token).ConfigureAwait(false);
        if (IsStream(response))
        {
            return response; // a streamed reply is read by its consumer, as it arrives
        }

        try
        {
            // net8.0 has no cancellable LoadIntoBufferAsync: a timeout or Ctrl+C disposes the response to stop the read.
            using (token.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (token.IsCancellationRequested && ex is not OperationCanceledException)
        {
            response.Dispose();
            throw new OperationCanceledException("The reply was not complete when the attempt was cancelled.", ex, token);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private static bool IsStream(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType is "text/event-stream" or "application/x-ndjson";
}
