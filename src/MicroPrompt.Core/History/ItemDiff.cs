using MicroPrompt.Generation;
using MicroPrompt.Store;

namespace MicroPrompt.History;

/// <summary>
/// <c>dotnet mprompt diff</c>: two resolutions of an item, prompt and code, as unified diffs. By default the committed
/// one (HEAD's lock entry, its prompt and code as committed) against the working tree (the prompt file and the store's
/// code file on disk, hand edits included); or two <see cref="ItemHistory"/> entries.
/// </summary>
/// <param name="From">What the diff starts from ("HEAD", "working", or a log entry as "#2 (3f2a1c9)").</param>
/// <param name="To">What it goes to.</param>
/// <param name="Prompt">The prompt's unified diff ("" when equal).</param>
/// <param name="Code">The code's unified diff ("" when equal).</param>
public sealed record ItemDiff(string From, string To, string Prompt, string Code)
{
    public bool IsEmpty => Prompt.Length == 0 && Code.Length == 0;

    /// <summary>The committed resolution against the working tree's files; an item never committed diffs from nothing.</summary>
    public static ItemDiff WorkingAgainstCommitted(ItemHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var context = history.Context;
        var name = Path.GetFileName(context.ItemPath);
        var committed = history.Committed;
        var codeFile = committed?.CodeFile ?? ResolvedStore.CodeFileFor(context.ItemPath);
        var promptBefore = committed is null ? "" : history.PromptText(committed) ?? "";
        var codeBefore = committed is null ? "" : history.CodeText(committed) ?? "";
        var promptNow = ReadOrEmpty(context.PromptPath);
        var codeNow = ReadOrEmpty(Path.Combine(context.StoreDirectory, codeFile));
        return new ItemDiff(
            committed is null ? "nothing committed" : "HEAD",
            "working",
            PromptDiff.Unified(promptBefore, promptNow, name),
            TextDiff.Unified(codeBefore, codeNow, Path.GetFileName(codeFile)));
    }

    /// <summary>From log entry <paramref name="from"/> to log entry <paramref name="to"/>.</summary>
    public static ItemDiff Between(ItemHistory history, HistoryEntry from, HistoryEntry to)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (prompt, code) = history.Patch(from, to);
        return new ItemDiff(Name(from), Name(to), prompt, code);
    }

    private static string Name(HistoryEntry entry) =>
        $"#{entry.Index} ({(entry.Revision is { } rev ? rev[..Math.Min(7, rev.Length)] : entry.Source.ToString().ToLowerInvariant())})";

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
