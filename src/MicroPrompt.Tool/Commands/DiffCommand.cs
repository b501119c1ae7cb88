using MicroPrompt.History;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>
/// <c>dotnet mprompt diff &lt;item&gt; [FROM TO]</c>: the committed resolution (HEAD) against the working one — the
/// prompt file and the store's code file on disk, hand edits included — or two <c>log</c> entries, prompt then code.
/// Exit 0 when identical, 1 when they differ, 2 on errors (no git, unknown entry).
/// </summary>
public sealed class DiffCommand : Command<DiffSettings>
{
    public override int Execute(CommandContext context, DiffSettings settings, CancellationToken cancellationToken)
    {
        if ((settings.From is null) != (settings.To is null))
        {
            throw new ToolException("Give two log entries (diff <item> <from> <to>), or none to diff the committed resolution against the working one.");
        }

        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var item = ItemArgument.Resolve(inputs, settings.Item);
        var diff = ItemArgument.Guard(() =>
        {
            var history = ItemHistory.Read(ItemArgument.History(inputs, item));
            return settings.From is null
                ? ItemDiff.WorkingAgainstCommitted(history)
                : ItemDiff.Between(history, history.Find(settings.From), history.Find(settings.To!));
        });
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(new DiffJson(inputs.ProjectFile, item.ItemPath, diff.From, diff.To, diff.Prompt, diff.Code, diff.IsEmpty));
        }
        else if (diff.IsEmpty)
        {
            output.Line($"'{item.ItemPath}': no difference between {diff.From} and {diff.To}.");
        }
        else
        {
            output.Line($"'{item.ItemPath}': {diff.From} → {diff.To}");
            output.Line(diff.Prompt.Length == 0 ? "(prompt unchanged)" : diff.Prompt.TrimEnd());
            output.Line(diff.Code.Length == 0 ? "(code unchanged)" : diff.Code.TrimEnd());
        }

        return diff.IsEmpty ? ExitCodes.NothingToDo : ExitCodes.WorkToDo;
    }
}
