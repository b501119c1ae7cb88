using System.Globalization;
using MicroPrompt.History;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>
/// <c>dotnet mprompt log &lt;item&gt; [--patch]</c>: the item's resolutions, newest first, from the store's git history,
/// the working tree and the user cache (<see cref="ItemHistory"/>). Exit 0; 2 without git or outside a repository.
/// </summary>
public sealed class LogCommand : Command<LogSettings>
{
    public override int Execute(CommandContext context, LogSettings settings, CancellationToken cancellationToken)
    {
        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var item = ItemArgument.Resolve(inputs, settings.Item);
        var history = ItemArgument.Guard(() => ItemHistory.Read(ItemArgument.History(inputs, item)));
        var entries = history.Entries;
        var patches = entries.Select((e, i) => settings.Patch && i + 1 < entries.Count ? history.Patch(entries[i + 1], e) : ((string, string)?)null).ToList();
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(new LogJson(inputs.ProjectFile, item.ItemPath, entries.Select((e, i) => LogJson.Entry.Of(e, patches[i])).ToList()));
            return ExitCodes.NothingToDo;
        }

        if (entries.Count == 0)
        {
            output.Line($"'{item.ItemPath}' has no resolution yet (nothing committed, nothing in the user cache).");
            return ExitCodes.NothingToDo;
        }

        if (!settings.Patch)
        {
            output.Table(
                ["#", "When", "Where", "Model", "Origin", "Prompt", "Code", "Passes", "Tokens in/out", "Cost", "Grade"],
                entries.Select(e => (IReadOnlyList<string>)[
                    e.Index.ToString(CultureInfo.InvariantCulture), e.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Where(e),
                    e.Model, e.Origin ?? "", Short(e.PromptHash), Short(e.CodeHash), e.Passes.ToString(CultureInfo.InvariantCulture),
                    $"{e.InputTokens}/{e.OutputTokens}", e.CostUsd is { } cost ? cost.ToString("0.######", CultureInfo.InvariantCulture) + " USD" : "?", Grade(e)]));
            return ExitCodes.NothingToDo;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            output.Line($"#{e.Index} {Where(e)}  {e.When:yyyy-MM-dd HH:mm}  {e.Model}  {e.Origin}  prompt {Short(e.PromptHash)}  code {Short(e.CodeHash)}  {e.Subject}");
            if (patches[i] is not { } patch)
            {
                output.Line("  (the first resolution)");
                output.Line("");
                continue;
            }

            var (prompt, code) = patch;
            output.Line(prompt.Length == 0 ? "  (prompt unchanged or unknown)" : prompt.TrimEnd());
            output.Line(code.Length == 0 ? "  (code unchanged or unknown)" : code.TrimEnd());
            output.Line("");
        }

        return ExitCodes.NothingToDo;
    }

    private static string Where(HistoryEntry e) => e.Source switch
    {
        HistorySource.Commit => e.Revision![..Math.Min(7, e.Revision!.Length)],
        HistorySource.Working => "working",
        _ => "cache",
    };

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string Grade(HistoryEntry e) => e.Grade is not { } g ? "" :
        $"{(g.Compiles ? "compiles" : "does not compile")}, examples {g.ExamplesPassed}/{g.ExamplesTotal}{(g.JudgeScore is { } s ? $", judge {s:0.00}" : "")}";
}
