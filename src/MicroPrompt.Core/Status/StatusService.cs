using MicroPrompt.Diagnostics;
using MicroPrompt.Keys;
using MicroPrompt.Prompts;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Status;

/// <summary>
/// Where each item stands, computed with the resolver's own planner (<see cref="ItemPlanner"/>: the same keys, the
/// same edit-key rule) against the lock: no model call, no network, no write. The items an item uses count with the
/// code hash their lock entry records (what the build would use when they are up to date).
/// </summary>
public static class StatusService
{
    /// <param name="options">The engine settings (from <c>ResolutionSettings</c>).</param>
    /// <param name="items">The project's <c>MicroPrompt</c> items.</param>
    /// <param name="reportDirectory">Where the last build's report.json is (null: no report is read).</param>
    public static ProjectStatus Compute(ResolutionOptions options, IReadOnlyList<ResolutionItem> items, string? reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(items);
        var run = new ResolutionRun(options, _ => { });
        var diagnostics = new List<MicroPromptDiagnostic>();
        var failedLastBuild = LastBuildReport.FailedItems(reportDirectory);
        var parserOptions = new PromptParserOptions { MaxBytes = options.MaxPromptBytes };
        var results = new Dictionary<string, ItemStatusEntry>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var parsed = PromptParser.ParseFile(item.FullPath, parserOptions);
            if (parsed.Success && parsed.Document is not null)
            {
                run.Documents[item.ItemPath] = parsed.Document;
                continue;
            }

            diagnostics.AddRange(parsed.Diagnostics);
            results[item.ItemPath] = Failed(item.ItemPath, parsed.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "the prompt does not parse");
        }

        var graph = PromptGraph.Build(items, run.Documents, diagnostics);
        foreach (var broken in graph.Broken)
        {
            results.TryAdd(broken, Failed(broken, "its uses: graph is broken (a missing item or a cycle)"));
        }

        var planner = new ItemPlanner(run);
        var byPath = items.ToDictionary(i => i.ItemPath, StringComparer.Ordinal);
        var ordered = new List<ItemStatusEntry>();
        foreach (var itemPath in graph.Levels.SelectMany(level => level))
        {
            if (results.ContainsKey(itemPath) || !run.Documents.TryGetValue(itemPath, out var document))
            {
                continue;
            }

            var deps = graph.Dependencies[itemPath];
            foreach (var dep in deps.Where(d => !run.CodeHashes.ContainsKey(d)))
            {
                // A used item without a committed resolution: its future code is unknown, so the user is stale on it.
                run.CodeHashes[dep] = "";
            }

            var own = new List<MicroPromptDiagnostic>();
            var planned = planner.Plan(byPath[itemPath], document, deps, own);
            diagnostics.AddRange(own);
            var entry = planned is null
                ? Failed(itemPath, own.FirstOrDefault()?.Message ?? "it cannot be planned")
                : Classify(run, planned, failedLastBuild.Contains(itemPath));
            results[itemPath] = entry;
            if (entry.Entry is { } lockEntry)
            {
                run.CodeHashes[itemPath] = lockEntry.CodeHash;
            }
        }

        // Dependency order first, then the items that could not enter the graph, in project order.
        ordered.AddRange(graph.Levels.SelectMany(l => l).Where(results.ContainsKey).Select(p => results[p]));
        ordered.AddRange(items.Select(i => i.ItemPath).Where(p => !ordered.Any(o => o.Path == p) && results.ContainsKey(p)).Select(p => results[p]));
        return new ProjectStatus { Items = ordered, Diagnostics = diagnostics, Run = run, StoreDirectory = options.StoreDirectory };
    }

    private static ItemStatusEntry Classify(ResolutionRun run, PlannedItem planned, bool failedLastBuild)
    {
        var entry = planned.Previous;
        var common = new ItemStatusEntry
        {
            Path = planned.ItemPath, State = ItemState.UpToDate, Model = planned.Model, Key = planned.Key,
            Dependencies = planned.Dependencies, Entry = entry, Planned = planned,
        };
        if (entry is null)
        {
            return With(common, failedLastBuild ? ItemState.Failed : ItemState.Unresolved, [], failedLastBuild ? "the last build failed to resolve it" : null);
        }

        var current = entry.Key == planned.Key;
        var read = run.Store.ReadCode(entry);
        var handEdited = HandEdits.IsHandEdit(read, run.UserCache, [entry.Key, planned.Key, planned.FreshKey, ItemPlanner.EditKey(planned) ?? ""]);
        if (current)
        {
            return handEdited ? With(common, ItemState.HandEdited, [], $"{entry.CodeFile} no longer matches its hash in lock.json") : common;
        }

        var reasons = KeyInputHashes.Changed(entry.Inputs, KeyInputHashes.Of(planned.Inputs));
        var note = entry.Inputs is null ? "its lock entry predates recorded key inputs (lock v1): the reasons list every input" : null;
        if (handEdited)
        {
            return With(common, ItemState.Conflict, reasons, $"{entry.CodeFile} was edited by hand and its inputs changed");
        }

        return failedLastBuild
            ? With(common, ItemState.Failed, reasons, "the last build failed to resolve it")
            : With(common, ItemState.Stale, reasons, note);
    }

    private static ItemStatusEntry With(ItemStatusEntry entry, ItemState state, IReadOnlyList<string> reasons, string? note) =>
        entry with { State = state, Reasons = reasons, Note = note };

    private static ItemStatusEntry Failed(string itemPath, string note) => new() { Path = itemPath, State = ItemState.Failed, Note = note };
}
