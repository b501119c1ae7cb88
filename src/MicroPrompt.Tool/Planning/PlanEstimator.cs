using MicroPrompt.Cost;
using MicroPrompt.Status;

namespace MicroPrompt.Tool.Planning;

/// <summary>
/// Turns a <see cref="ProjectStatus"/> into the next build's work in dependency order, each item priced with the
/// build's price table: input tokens of the composed request (<see cref="PlanRequests"/>) counted with a real tokenizer,
/// output tokens and passes from the item's last resolution (lock usage) or, without history, a size heuristic.
/// </summary>
public static class PlanEstimator
{
    /// <summary>Output tokens without history: the previous code's tokens, else 4 × the prompt's contract tokens, at least this.</summary>
    public const int MinimumHeuristicOutputTokens = 300;

    public static IReadOnlyList<PlannedWork> Estimate(ProjectStatus status, PriceTable prices, TokenCounter tokens)
    {
        var work = new List<PlannedWork>();
        var changing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in status.Items)
        {
            var action = item.State switch
            {
                ItemState.Unresolved => "generate",
                ItemState.Stale => "regenerate",
                ItemState.Failed => item.Entry is null ? "generate" : "regenerate",
                ItemState.Conflict => "conflict",
                _ when item.Dependencies.Any(changing.Contains) => "regenerated-if-its-code-changes",
                _ => "none",
            };
            if (action is "none")
            {
                continue;
            }

            changing.Add(item.Path);
            work.Add(action is "conflict" || item.Model is null ? Unpriced(item, action) : Priced(status, item, action, prices, tokens));
        }

        return work;
    }

    private static PlannedWork Priced(ProjectStatus status, ItemStatusEntry item, string action, PriceTable prices, TokenCounter tokens)
    {
        var model = item.Model!;
        var messages = PlanRequests.Compose(status, item);
        var input = tokens.CountMessages(model, messages);
        var usage = item.Entry?.Usage;
        long output;
        double passes;
        string estimate;
        if (usage is { Passes: > 0, OutputTokens: > 0 })
        {
            passes = usage.Passes;
            output = usage.OutputTokens;
            estimate = "history";
        }
        else
        {
            passes = 1;
            var contract = item.Document?.Contract ?? "";
            var previousCode = messages.Count > 0 && item.Entry is not null ? CodeSize(status, item, tokens) : 0;
            output = Math.Max(MinimumHeuristicOutputTokens, previousCode > 0 ? previousCode : 4 * tokens.Count(model, contract));
            estimate = "heuristic";
        }

        var inputTotal = (long)Math.Round(input * passes);
        return new PlannedWork
        {
            Path = item.Path, Action = action, State = ItemStateNames.Of(item.State), Reasons = item.Reasons, Model = model,
            InputTokens = inputTotal, OutputTokens = output, Passes = passes, OutputEstimate = estimate,
            Tokenizer = tokens.For(model).Name,
            EstimatedCostUsd = prices.Find(model)?.Cost(inputTotal, output),
        };
    }

    private static long CodeSize(ProjectStatus status, ItemStatusEntry item, TokenCounter tokens) =>
        item.Entry is { } entry && new Store.ResolvedStore(status.StoreDirectory).ReadCode(entry) is { Content: { } code }
            ? tokens.Count(item.Model!, code)
            : 0;

    private static PlannedWork Unpriced(ItemStatusEntry item, string action) => new()
    {
        Path = item.Path, Action = action, State = ItemStateNames.Of(item.State), Reasons = item.Reasons, Model = item.Model,
        EstimatedCostUsd = action == "conflict" ? 0 : null,
    };
}
