using MicroPrompt.Adoption;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.History;
using MicroPrompt.Models;
using MicroPrompt.Store;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>
/// <c>dotnet mprompt absorb &lt;item&gt; [--write]</c>: adopts the item's hand edit (as <c>adopt</c>), then asks the
/// project's model (its provider, MICROPROMPT_* settings) to amend the prompt so it describes the hand-edited
/// behaviour (<see cref="PromptAmender"/>). Never silent: the amended prompt goes to <c>&lt;item&gt;.mprompt.proposed</c>
/// for review (the prompt itself only with <c>--write</c>), and its diff is shown. Exit 0 when amended (or nothing to
/// adopt), 1 when the hand edit failed verification, 2 on errors (the model call among them).
/// </summary>
public sealed class AbsorbCommand : AsyncCommand<AbsorbSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AbsorbSettings settings, CancellationToken cancellationToken)
    {
        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var item = ItemArgument.Resolve(inputs, settings.Item);
        var store = new ResolvedStore(inputs.Settings.Options.StoreDirectory);
        var entry = store.LoadLock().Items.GetValueOrDefault(item.ItemPath);
        var original = entry is null ? null : OriginalCode(inputs, entry);
        var adoption = await AdoptCommand.Adopt(inputs, item.ItemPath, cancellationToken).ConfigureAwait(false);
        var output = ToolOutput.For(settings);
        if (adoption.Outcome != AdoptionOutcome.Adopted)
        {
            if (settings.Json)
            {
                output.WriteJson(new AbsorbJson(inputs.ProjectFile, item.ItemPath, AdoptCommand.Json(inputs, adoption), null, false, null));
            }
            else
            {
                AdoptCommand.Describe(output, adoption);
            }

            return AdoptCommand.ExitCode(adoption);
        }

        var prompt = File.ReadAllText(item.FullPath);
        var edited = store.ReadCode(adoption.After!).Code;
        string amended;
        try
        {
            using var client = ChatClientFactory.Create(inputs.Settings.Provider, adoption.Before!.Model);
            amended = await PromptAmender.AmendAsync(client, item.FullPath, prompt, original, edited, cancellationToken).ConfigureAwait(false);
        }
        catch (MicroPromptException ex)
        {
            throw new ToolException($"{ex.Diagnostic.Code}: {ex.Diagnostic.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or System.ClientModel.ClientResultException)
        {
            var problem = GeneratorFactory.Classify(ex, inputs.Settings.Provider, adoption.Before!.Model);
            throw new ToolException($"The hand edit was adopted, but the prompt could not be amended: {(problem is null ? ex.Message : $"{problem.Code}: {problem.Message}")}");
        }

        var target = settings.Write ? item.FullPath : item.FullPath + ".proposed";
        File.WriteAllText(target, amended);
        var diff = PromptDiff.Unified(prompt, amended, Path.GetFileName(item.ItemPath));
        if (settings.Json)
        {
            output.WriteJson(new AbsorbJson(inputs.ProjectFile, item.ItemPath, AdoptCommand.Json(inputs, adoption), target, settings.Write, diff));
        }
        else
        {
            AdoptCommand.Describe(output, adoption);
            output.Line(settings.Write
                ? $"Amended the prompt {item.ItemPath} (review the diff; the next build regenerates the item from it):"
                : $"Proposed an amended prompt in {Path.GetRelativePath(inputs.ProjectDirectory, target)} (review it, then replace {item.ItemPath} with it, or run absorb --write):");
            output.Line(diff.Length == 0 ? "(the model left the prompt unchanged)" : diff.TrimEnd());
        }

        return ExitCodes.NothingToDo;
    }

    /// <summary>The code the hand edit replaced: the user cache's record of the entry, else the committed file in git.</summary>
    private static string? OriginalCode(ProjectInputs inputs, LockEntry entry)
    {
        if (inputs.Settings.Options.UserCacheDirectory is { } cache && new UserCache(cache).TryGet(entry.Key, out var record, out _)
            && record is not null && record.CodeHash == entry.CodeHash)
        {
            return record.Code;
        }

        try
        {
            var git = GitRepository.Open(inputs.Settings.Options.StoreDirectory);
            var committed = git.Show("HEAD", git.RelativePath(Path.Combine(inputs.Settings.Options.StoreDirectory, entry.CodeFile)));
            return committed is not null && ContentHashOf(committed) == entry.CodeHash ? committed : null;
        }
        catch (MicroPromptException)
        {
            return null; // no git: the model sees the edited code without the diff
        }
    }

    private static string ContentHashOf(string text) => Hashing.ContentHash.Sha256Hex(text);
}
