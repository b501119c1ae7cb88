using System.Collections.Concurrent;
using MicroPrompt.Generation;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>An <see cref="IItemGenerator"/> answering by prompt title, recording every request.</summary>
internal sealed class FakeItemGenerator : IItemGenerator
{
    private readonly Func<GenerationRequest, GenerationOutcome> _answer;

    public FakeItemGenerator(Func<GenerationRequest, GenerationOutcome> answer) => _answer = answer;

    public ConcurrentQueue<GenerationRequest> Requests { get; } = new();

    public bool Disposed { get; private set; }

    public static GenerationOutcome Code(string code) => new()
    {
        Status = GenerationStatus.Succeeded, Code = code, Passes = 1, Usage = new UsageTotals(100, 50), Compiles = true, FirstCorrectPass = 1,
    };

    public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(_answer(request));
    }

    /// <summary>Answers <see cref="VerifyAsync"/> (null: verification not available, the default of the interface).</summary>
    public Func<GenerationRequest, string, GenerationOutcome?>? Verify { get; init; }

    public ConcurrentQueue<(GenerationRequest Request, string Code)> Verified { get; } = new();

    public Task<GenerationOutcome?> VerifyAsync(GenerationRequest request, string code, CancellationToken cancellationToken)
    {
        Verified.Enqueue((request, code));
        return Task.FromResult(Verify?.Invoke(request, code));
    }

    public void Dispose() => Disposed = true;
}
