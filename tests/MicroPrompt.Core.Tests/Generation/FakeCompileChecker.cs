using MicroPrompt.Compilation;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>An <see cref="ICompileChecker"/> that answers from scripted results and records every request.</summary>
internal sealed class FakeCompileChecker : ICompileChecker
{
    private readonly Queue<CompileCheckResult> _results = new();

    public List<CompileCheckRequest> Requests { get; } = [];

    /// <summary>Answer given when the queue is empty (null: fail the test).</summary>
    public CompileCheckResult? Default { get; set; }

    public FakeCompileChecker Succeeds()
    {
        _results.Enqueue(new CompileCheckResult([]));
        return this;
    }

    public FakeCompileChecker Fails(params CompileError[] errors)
    {
        _results.Enqueue(new CompileCheckResult(errors));
        return this;
    }

    public CompileCheckResult Check(CompileCheckRequest request)
    {
        Requests.Add(request);
        if (_results.Count > 0)
        {
            return _results.Dequeue();
        }

        return Default ?? throw new InvalidOperationException($"FakeCompileChecker: no scripted result for check {Requests.Count}.");
    }
}
