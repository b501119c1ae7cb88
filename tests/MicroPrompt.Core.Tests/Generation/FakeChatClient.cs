using Microsoft.Extensions.AI;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>An <see cref="IChatClient"/> that answers from a queue of scripted replies and records every request.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly Queue<Func<CancellationToken, ChatResponse>> _replies = new();

    /// <summary>The messages of every call, copied at call time.</summary>
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public List<ChatOptions?> Options { get; } = [];

    public bool Disposed { get; private set; }

    public int Calls => Requests.Count;

    public FakeChatClient Reply(
        string text,
        long inputTokens = 0,
        long outputTokens = 0,
        ChatFinishReason? finishReason = null,
        string? modelId = null)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = finishReason ?? ChatFinishReason.Stop,
            ModelId = modelId,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
        };
        return Reply(response);
    }

    public FakeChatClient Reply(ChatResponse response) => Reply(_ => response);

    public FakeChatClient Reply(Func<CancellationToken, ChatResponse> reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add(messages.ToList());
        Options.Add(options);
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException($"FakeChatClient: no scripted reply left for call {Requests.Count}.");
        }

        return Task.FromResult(_replies.Dequeue()(cancellationToken));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The generator must not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() => Disposed = true;
}
