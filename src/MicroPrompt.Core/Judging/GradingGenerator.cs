using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Quality;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace MicroPrompt.Judging;

/// <summary>
/// Grades what an inner <see cref="IItemGenerator"/> produced: once the code is correct (it compiles and passes every
/// example) it runs the static checks (<see cref="CodeQualityChecker"/>) and asks the judge model once for a robustness
/// score (<see cref="RobustnessEvaluator"/>). Failures and refusals pass through untouched. A judge that fails or
/// replies nonsense gives no score, never a failed item; the judge's tokens are reported in
/// <see cref="GenerationOutcome.JudgeUsage"/>.
/// </summary>
public sealed class GradingGenerator : IItemGenerator
{
    private readonly IItemGenerator _inner;
    private readonly Func<string, IChatClient> _clientForModel;
    private readonly GradingOptions _options;
    private readonly CodeQualityChecker _checker;
    private readonly IEvaluator _evaluator = new RobustnessEvaluator();
    private readonly Action<string> _log;

    /// <param name="inner">Generates and verifies the code; disposed with this generator.</param>
    /// <param name="clientForModel">The chat client for the judge model (not disposed here).</param>
    /// <param name="options">Judge on/off and the judge model.</param>
    /// <param name="checker">The static checker; a new one by default.</param>
    /// <param name="log">Informational messages (e.g. why a judge gave no score).</param>
    public GradingGenerator(IItemGenerator inner, Func<string, IChatClient> clientForModel, GradingOptions options, CodeQualityChecker? checker = null, Action<string>? log = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _clientForModel = clientForModel ?? throw new ArgumentNullException(nameof(clientForModel));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _checker = checker ?? new CodeQualityChecker();
        _log = log ?? (_ => { });
    }

    /// <summary>Judges each distinct answer once (model comparison runs); null judges every answer.</summary>
    internal JudgeMemo? Memo { get; init; }

    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var outcome = await _inner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != GenerationStatus.Succeeded || outcome.Code is null)
        {
            return outcome;
        }

        var findings = _options.StaticChecks ? Check(request, outcome.Code) : [];
        var correct = outcome.Compiles && (outcome.ExamplesTotal == 0 || outcome.ExamplesPassed == outcome.ExamplesTotal);
        if (!_options.Judge || !correct)
        {
            return outcome with { Findings = [.. outcome.Findings, .. findings] };
        }

        var judgeModel = string.IsNullOrWhiteSpace(_options.JudgeModel) ? request.Model : _options.JudgeModel!.Trim();
        var code = outcome.Code;
        double? score;
        UsageTotals usage;
        var reused = false;
        if (Memo is { } memo)
        {
            (score, usage, reused) = await memo.JudgeAsync(
                JudgeMemo.Key(request, code, judgeModel), () => JudgeAsync(request, code, judgeModel, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (score, usage) = await JudgeAsync(request, code, judgeModel, cancellationToken).ConfigureAwait(false);
        }

        return outcome with
        {
            Findings = [.. outcome.Findings, .. findings],
            JudgeScore = score,
            JudgeModel = judgeModel,
            JudgeUsage = usage,
            JudgeMemoized = reused,
        };
    }

    /// <inheritdoc />
    public Task<GenerationOutcome?> VerifyAsync(GenerationRequest request, string code, CancellationToken cancellationToken)
        => _inner.VerifyAsync(request, code, cancellationToken);

    public void Dispose() => _inner.Dispose();

    private IReadOnlyList<MicroPromptDiagnostic> Check(GenerationRequest request, string code)
    {
        try
        {
            return _checker.Check(new CodeQualityRequest
            {
                Code = code,
                FileName = CodeGenerator.GeneratedFileName(request.ItemPath),
                Prompt = request.Prompt,
                Project = request.Project,
                CompanionSources = request.CompanionSources,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log($"MicroPrompt: the static checks of '{request.ItemPath}' could not run ({ex.GetType().Name}: {ex.Message}).");
            return [];
        }
    }

    private async Task<(double? Score, UsageTotals Usage)> JudgeAsync(GenerationRequest request, string code, string judgeModel, CancellationToken cancellationToken)
    {
        UsageCountingChatClient? counting = null;
        using var activity = Telemetry.MicroPromptTelemetry.StartStage(Telemetry.MicroPromptTelemetry.JudgeSpan, request.ItemPath, judgeModel);
        try
        {
            counting = new UsageCountingChatClient(_clientForModel(judgeModel));
            var result = await _evaluator.EvaluateAsync(
                [],
                new ChatResponse(new ChatMessage(ChatRole.Assistant, code)),
                new ChatConfiguration(counting),
                [new CodeSpecificationContext(request.Prompt.Text)],
                cancellationToken).ConfigureAwait(false);
            var metric = result.Get<NumericMetric>(RobustnessEvaluator.RobustnessMetricName);
            if (metric.Value is null)
            {
                var why = string.Join(" ", (metric.Diagnostics ?? []).Select(d => d.Message));
                _log($"MicroPrompt: the judge '{judgeModel}' gave no score for '{request.ItemPath}': {why}");
            }

            activity?.SetTag("microprompt.judge.score", metric.Value);
            return (metric.Value, counting.Usage);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // E.g. no client for the judge model: no score, the item stays generated.
            _log($"MicroPrompt: the judge '{judgeModel}' could not score '{request.ItemPath}' ({ex.GetType().Name}: {ex.Message}).");
            return (null, counting?.Usage ?? UsageTotals.Zero);
        }
    }
}
