using MicroPrompt.Generation;
using MicroPrompt.Hashing;

namespace MicroPrompt.Judging;

/// <summary>
/// Judges each distinct answer once per build (model comparison runs): the key is the item, the code, the judge
/// model, and the model and repair mode that produced the code. The run that makes the judge call carries its tokens;
/// every later run with the same key reuses the verdict with no tokens (<see cref="GenerationOutcome.JudgeMemoized"/>).
/// The generating model and mode are part of the key so that each leaderboard and repair-study row pays for its own
/// judge calls whatever order concurrent runs finish in. Concurrent requests for one key wait for the first; a call
/// that throws (a cancellation) is forgotten, so the next request judges again.
/// </summary>
internal sealed class JudgeMemo
{
    private readonly Comparison.AsyncMemo<(double? Score, UsageTotals Usage)> _verdicts = new();

    /// <summary>Judge calls actually made (for tests).</summary>
    public int Calls => _verdicts.Count;

    public static string Key(GenerationRequest request, string code, string judgeModel) =>
        ContentHash.Sha256Hex(string.Join('\0', request.ItemPath, request.Namespace, judgeModel, request.Model, request.Repair.ToString(), ContentHash.Sha256Hex(code)));

    /// <returns>The verdict, its tokens (zero when reused) and whether it was reused.</returns>
    public async Task<(double? Score, UsageTotals Usage, bool Reused)> JudgeAsync(
        string key, Func<Task<(double? Score, UsageTotals Usage)>> judge, CancellationToken cancellationToken)
    {
        var ((score, usage), computed) = await _verdicts.GetAsync(key, judge, cancellationToken).ConfigureAwait(false);
        return (score, computed ? usage : UsageTotals.Zero, !computed);
    }
}
