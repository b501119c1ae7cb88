using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.Keys;
using MicroPrompt.Store;

namespace MicroPrompt.History;

/// <summary>
/// An item's resolutions, newest first (<c>dotnet mprompt log</c>): the uncommitted one in the working tree's lock,
/// every commit that changed the item's lock entry (each <c>lock.json</c> read whole by the store's own reader, so
/// version 1 and 2 locks alike), and the user cache's generations of the item that never reached a commit
/// (<see cref="ItemGenerationIndex"/>). Prompt and code texts of old resolutions come from git, else the user cache.
/// </summary>
public sealed class ItemHistory
{
    private readonly HistoryContext _context;
    private readonly GitRepository _git;
    private readonly Dictionary<int, GenerationRecord> _cached = [];

    private ItemHistory(HistoryContext context, GitRepository git)
    {
        _context = context;
        _git = git;
    }

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    /// <summary>The entry <c>HEAD</c> records (the committed resolution), or null when the item was never committed.</summary>
    public HistoryEntry? Committed { get; private set; }

    /// <exception cref="Diagnostics.MicroPromptException">MP4030: no git, or the project is not in a git repository.</exception>
    public static ItemHistory Read(HistoryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var history = new ItemHistory(context, GitRepository.Open(context.StoreDirectory));
        history.Load();
        return history;
    }

    /// <summary>What the history was read for.</summary>
    public HistoryContext Context => _context;

    /// <summary>
    /// The entry named by <paramref name="spec"/>: its <see cref="HistoryEntry.Index"/> in <c>log</c> (1 = newest), a
    /// commit id or prefix, or any revision git knows (HEAD~1, a tag) that changed the entry.
    /// </summary>
    /// <exception cref="Diagnostics.MicroPromptException">MP4031: no such entry.</exception>
    public HistoryEntry Find(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        spec = spec.Trim();
        if (int.TryParse(spec, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && Entries.FirstOrDefault(e => e.Index == index) is { } byIndex)
        {
            return byIndex;
        }

        var commit = _git.Resolve(spec);
        return Entries.FirstOrDefault(e => e.Revision is not null && (e.Revision == commit || (spec.Length >= 4 && e.Revision.StartsWith(spec, StringComparison.OrdinalIgnoreCase))))
            ?? throw new Diagnostics.MicroPromptException(HistoryMessages.RevisionUnknown(spec, _context.ItemPath, Entries.Count, _context.PromptPath));
    }

    /// <summary>The prompt text the entry was resolved from, when git or the user cache still has it.</summary>
    public string? PromptText(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var candidate = entry.Source switch
        {
            HistorySource.Commit => _git.Show(entry.Revision!, _git.RelativePath(_context.PromptPath)),
            HistorySource.Working => File.Exists(_context.PromptPath) ? File.ReadAllText(_context.PromptPath) : null,
            _ => null,
        };
        if (candidate is not null && GenerationKey.PromptHash(candidate) == entry.PromptHash)
        {
            return candidate;
        }

        return _context.UserCacheDirectory is { } cache ? new PromptSnapshots(cache).TryGet(entry.PromptHash) : null;
    }

    /// <summary>The code of the entry (as committed, as in the working tree's store, or as cached), or null when gone.</summary>
    public string? CodeText(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Source switch
        {
            HistorySource.Commit when entry.CodeFile is { } file => _git.Show(entry.Revision!, _git.RelativePath(Path.Combine(_context.StoreDirectory, file))),
            HistorySource.Working when entry.CodeFile is { } file => ReadWorking(file),
            HistorySource.Cache => _cached.GetValueOrDefault(entry.Index)?.Code,
            _ => null,
        };
    }

    /// <summary>The unified diffs (prompt, code) from <paramref name="older"/> to <paramref name="newer"/>; "" when equal or unknown.</summary>
    public (string Prompt, string Code) Patch(HistoryEntry older, HistoryEntry newer)
    {
        var name = Path.GetFileName(_context.ItemPath);
        var (oldPrompt, newPrompt) = (PromptText(older), PromptText(newer));
        var (oldCode, newCode) = (CodeText(older), CodeText(newer));
        var codeName = Path.GetFileName(newer.CodeFile ?? name);
        return (
            oldPrompt is null || newPrompt is null ? "" : PromptDiff.Unified(oldPrompt, newPrompt, name),
            oldCode is null || newCode is null ? "" : TextDiff.Unified(oldCode, newCode, codeName));
    }

    private string? ReadWorking(string codeFile)
    {
        var path = Path.Combine(_context.StoreDirectory, codeFile);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private void Load()
    {
        var lockPath = Path.Combine(_context.StoreDirectory, ResolvedStore.LockFileName);
        var found = new List<(HistorySource Source, GitCommit? Commit, LockEntry Entry, GenerationRecord? Record)>();
        LockEntry? previous = null;
        foreach (var commit in _git.Log(_git.RelativePath(lockPath)).Reverse())
        {
            var text = _git.Show(commit.Id, _git.RelativePath(lockPath));
            var entry = text is null ? null : LockAt(text, lockPath);
            if (entry is not null && (previous is null || !Same(previous, entry)))
            {
                found.Add((HistorySource.Commit, commit, entry, null));
            }

            previous = entry ?? previous;
        }

        var committed = found.Count > 0 ? found[^1] : default;
        if (new ResolvedStore(_context.StoreDirectory).LoadLock().Items.GetValueOrDefault(_context.ItemPath) is { } working
            && (committed.Entry is null || !Same(committed.Entry, working)))
        {
            found.Add((HistorySource.Working, null, working, null));
        }

        if (_context.UserCacheDirectory is { } cacheDirectory)
        {
            var cache = new UserCache(cacheDirectory);
            foreach (var (key, promptHash) in new ItemGenerationIndex(cacheDirectory).Keys(_context.ProjectDirectory, _context.ItemPath).Distinct())
            {
                if (cache.TryGet(key, out var record, out _) && record is not null
                    && !found.Any(f => f.Entry.Key == record.Key && f.Entry.CodeHash == record.CodeHash))
                {
                    found.Add((HistorySource.Cache, null, LockEntry.Of(record, promptHash, codeFile: "", inputs: null), record)); // the prompt hash comes from the index: a record does not keep one
                }
            }
        }

        var ordered = found
            .OrderByDescending(f => f.Source == HistorySource.Working)
            .ThenByDescending(f => When(f.Entry, f.Commit))
            .ToList();
        Entries = ordered.Select((f, i) => ToEntry(i + 1, f.Source, f.Commit, f.Entry, f.Record)).ToList();
        Committed = committed.Entry is null ? null : Entries.FirstOrDefault(e => e.Source == HistorySource.Commit && e.Revision == committed.Commit!.Id);
    }

    private LockEntry? LockAt(string text, string lockPath)
    {
        try
        {
            return LockFileFormat.Parse(text.TrimStart('\uFEFF'), lockPath, _ => true).Items.GetValueOrDefault(_context.ItemPath);
        }
        catch (Diagnostics.MicroPromptException)
        {
            return null; // a commit with a broken lock has no resolution to show
        }
    }

    private HistoryEntry ToEntry(int index, HistorySource source, GitCommit? commit, LockEntry entry, GenerationRecord? record)
    {
        if (record is not null)
        {
            _cached[index] = record;
        }

        return new HistoryEntry
        {
            Index = index, Source = source, Revision = commit?.Id, Subject = commit?.Subject, When = When(entry, commit),
            Model = entry.ReportedModel ?? entry.Model, Origin = entry.Origin, Key = entry.Key, PromptHash = entry.PromptHash,
            CodeHash = entry.CodeHash, Base = entry.Base, Passes = entry.Usage.Passes, InputTokens = entry.Usage.InputTokens,
            OutputTokens = entry.Usage.OutputTokens, Grade = entry.Grade, CodeFile = string.IsNullOrEmpty(entry.CodeFile) ? null : entry.CodeFile,
            CostUsd = _context.Prices.Cost(entry.Model, new UsageTotals(entry.Usage.InputTokens, entry.Usage.OutputTokens)),
        };
    }

    private static DateTimeOffset When(LockEntry entry, GitCommit? commit) =>
        entry.GeneratedAt != default ? entry.GeneratedAt : commit?.When ?? default;

    private static bool Same(LockEntry a, LockEntry b) => a.Key == b.Key && a.CodeHash == b.CodeHash;
}
