using System.Globalization;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using MicroPrompt.Tool.Planning;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt plan</c>: what the next unlocked build would generate, in order, with its estimated cost.</summary>
public sealed class PlanCommand : Command<ToolSettings>
{
    public override int Execute(CommandContext context, ToolSettings settings, CancellationToken cancellationToken)
    {
        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var status = ProjectStatusLoader.Compute(inputs);
        var work = PlanEstimator.Estimate(status, inputs.Settings.Prices, new TokenCounter());
        var certain = work.Where(w => w.Action is "generate" or "regenerate").ToList();
        decimal? total = certain.Any(w => w.EstimatedCostUsd is null) ? null : certain.Sum(w => w.EstimatedCostUsd ?? 0);
        var max = inputs.Settings.MaxCostUsd;
        var exceeds = max is { } m && certain.Sum(w => w.EstimatedCostUsd ?? 0) > m;
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(new PlanJson(inputs.ProjectFile, work, total, max, exceeds));
        }
        else
        {
            output.Table(
                ["#", "Item", "Action", "Why", "Model", "In tokens", "Out tokens", "Passes", "Est. USD"],
                work.Select((w, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(CultureInfo.InvariantCulture), w.Path, w.Action, string.Join(", ", w.Reasons), w.Model ?? "",
                    w.InputTokens?.ToString(CultureInfo.InvariantCulture) ?? "", w.OutputTokens is { } o ? $"{o} ({w.OutputEstimate})" : "",
                    w.Passes?.ToString(CultureInfo.InvariantCulture) ?? "", Usd(w.EstimatedCostUsd)]));
            output.Line(work.Count == 0 ? "Nothing to generate: every item is up to date." : $"Estimated total: {Usd(total)} for {certain.Count} generation(s)"
                + (work.Any(w => w.Action == "regenerated-if-its-code-changes") ? "; items marked 'regenerated-if-its-code-changes' are re-verified first and cost more only if that fails" : "")
                + ". Input tokens: " + string.Join("; ", work.Where(w => w.Tokenizer is not null).Select(w => w.Tokenizer).Distinct()) + ".");
            if (work.Any(w => w.Action == "conflict"))
            {
                output.Line("Conflicts (hand edit and changed inputs) stop the build with MP4020 until resolved.");
            }

            if (exceeds)
            {
                output.Line($"MicroPromptMaxCostUsd is {max!.Value.ToString(CultureInfo.InvariantCulture)}: the build would stop before spending the estimated total.");
            }
        }

        return work.Count == 0 ? ExitCodes.NothingToDo : ExitCodes.WorkToDo;
    }

    private static string Usd(decimal? value) => value is { } v ? "$" + v.ToString("0.000000", CultureInfo.InvariantCulture) : "unknown";
}
