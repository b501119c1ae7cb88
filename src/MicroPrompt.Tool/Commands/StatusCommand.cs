using MicroPrompt.Status;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt status</c>: every item's state against the resolved state. No model call, no network.</summary>
public sealed class StatusCommand : Command<StatusSettings>
{
    public override int Execute(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var status = ProjectStatusLoader.Compute(inputs);
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(new StatusJson(inputs.ProjectFile, status.Items.Select(StatusJson.Item.Of).ToList()));
        }
        else
        {
            var headers = settings.Verbose ? new[] { "Item", "State", "Why", "Model", "Key", "Note" } : ["Item", "State", "Why"];
            output.Table(headers, status.Items.Select(i => (IReadOnlyList<string>)(settings.Verbose
                ? [i.Path, ItemStateNames.Of(i.State), string.Join(", ", i.Reasons), i.Model ?? "", i.Key ?? "", i.Note ?? ""]
                : [i.Path, ItemStateNames.Of(i.State), Why(i)])));
            if (settings.Verbose)
            {
                Assumptions(output, status);
            }

            output.Line(Summary(status));
        }

        return status.NeedsWork ? ExitCodes.WorkToDo : ExitCodes.NothingToDo;
    }

    /// <summary>Under the table: each item's recorded assumptions, one per line (too long for a table cell).</summary>
    private static void Assumptions(ToolOutput output, ProjectStatus status)
    {
        foreach (var item in status.Items.Where(i => i.Assumptions.Count > 0))
        {
            output.Line($"Assumptions of {item.Path}:");
            foreach (var assumption in item.Assumptions)
            {
                output.Line("  - " + assumption);
            }
        }
    }

    private static string Why(ItemStatusEntry item) =>
        item.Reasons.Count > 0 ? string.Join(", ", item.Reasons) : item.Note ?? "";

    private static string Summary(ProjectStatus status)
    {
        if (status.Items.Count == 0)
        {
            return "No MicroPrompt items.";
        }

        var counts = status.Items.GroupBy(i => i.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ItemStateNames.Of(g.Key)}");
        return $"{status.Items.Count} item(s): {string.Join(", ", counts)}.";
    }
}
