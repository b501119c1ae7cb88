using MicroPrompt.Generation;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Judging;

/// <summary>Sums the token usage of the calls made through it. Never disposes the inner client (it belongs to the caller).</summary>
internal sealed class UsageCountingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private long _input;
    private long _output;

    public UsageTotals Usage => new(Interlocked.Read(ref _input), Interlocked.Read(ref _output));

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _input, response.Usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref _output, response.Usage?.OutputTokenCount ?? 0);
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        // The inner client is shared; leave it alone.
    }
}
