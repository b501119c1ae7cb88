using System.Collections.Concurrent;
using MicroPrompt.Compilation;
using MicroPrompt.Hashing;

namespace MicroPrompt.Comparison;

/// <summary>
/// Compiles each distinct (file, code, companions) once per build: in a comparison many runs give the same answer,
/// and the same answer always compiles the same way.
/// </summary>
internal sealed class MemoizingCompileChecker(ICompileChecker inner) : ICompileChecker
{
    private readonly ConcurrentDictionary<string, Lazy<CompileCheckResult>> _results = new(StringComparer.Ordinal);

    /// <summary>Compilations actually made (for tests).</summary>
    public int Compilations => _results.Count;

    public CompileCheckResult Check(CompileCheckRequest request)
    {
        var key = ContentHash.Sha256Hex(string.Join('\0', [request.FileName, request.Kind.ToString(), request.Code, .. request.CompanionSources]));
        return _results.GetOrAdd(key, _ => new Lazy<CompileCheckResult>(() => inner.Check(request), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
