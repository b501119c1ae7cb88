using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;

namespace MicroPrompt.Cost;

/// <summary>
/// <c>MicroPromptMaxCostUsd</c>: the dollars a build may spend on model calls (generation, repair and judge). The
/// resolver asks <see cref="CanStart"/> before each generation and reports each outcome to <see cref="Spend"/>; once
/// the spending reaches the limit no new generation starts (generations already in flight finish, so with
/// <c>MicroPromptMaxConcurrency</c> &gt; 1 a build can overshoot by what those cost). Thread-safe.
/// </summary>
public sealed class GenerationBudget
{
    private readonly object _gate = new();
    private decimal _spent;

    public GenerationBudget(decimal maxUsd, PriceTable prices)
    {
        MaxUsd = maxUsd;
        Prices = prices ?? throw new ArgumentNullException(nameof(prices));
    }

    public decimal MaxUsd { get; }

    public PriceTable Prices { get; }

    /// <summary>Dollars spent so far in this build.</summary>
    public decimal Spent
    {
        get
        {
            lock (_gate)
            {
                return _spent;
            }
        }
    }

    /// <summary>
    /// Null when a generation with <paramref name="model"/> (judged by <paramref name="judgeModel"/>) may start; else
    /// the diagnostic code and reason why not: the budget is spent (MP3002), or a price is unknown so the budget could
    /// not be enforced (MP3003).
    /// </summary>
    public (string Code, string Reason)? Refuse(string model, string? judgeModel)
    {
        foreach (var m in new[] { model, judgeModel })
        {
            if (m is not null && Prices.Find(m) is null)
            {
                return BudgetMessages.Unenforceable(m);
            }
        }

        var spent = Spent;
        return spent >= MaxUsd
            ? BudgetMessages.Spent(MaxUsd, spent)
            : null;
    }

    /// <summary>Whether a generation may start (see <see cref="Refuse"/>).</summary>
    public bool CanStart(string model, string? judgeModel) => Refuse(model, judgeModel) is null;

    /// <summary>Adds what a generation cost (its calls at <paramref name="model"/>'s price, the judge's at the judge's).</summary>
    public void Spend(string model, UsageTotals usage, string? judgeModel, UsageTotals judgeUsage)
    {
        var cost = (Prices.Cost(model, usage) ?? 0m) + (Prices.Cost(judgeModel ?? model, judgeUsage) ?? 0m);
        lock (_gate)
        {
            _spent += cost;
        }
    }
}
