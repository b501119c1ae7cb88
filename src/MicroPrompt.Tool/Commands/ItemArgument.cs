using MicroPrompt.Diagnostics;
using MicroPrompt.History;
using MicroPrompt.Resolution;
using MicroPrompt.Tool.Inputs;

namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>ITEM</c> argument of <c>log</c>, <c>diff</c>, <c>adopt</c> and <c>absorb</c>: one of the project's items.</summary>
internal static class ItemArgument
{
    /// <summary>
    /// The item named by <paramref name="name"/>: its path relative to the project, a path relative to the current folder,
    /// its file name or its name without <c>.mprompt</c> (case-insensitive).
    /// </summary>
    /// <exception cref="ToolException">Missing, unknown or ambiguous.</exception>
    public static ResolutionItem Resolve(ProjectInputs inputs, string? name)
    {
        var items = inputs.Settings.Items;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ToolException($"Name an item: one of {List(items)}.");
        }

        var full = Path.GetFullPath(name);
        var matches = items.Where(i => string.Equals(Path.GetFullPath(i.FullPath), full, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0)
        {
            var wanted = name.Replace('\\', '/');
            matches = items.Where(i =>
                string.Equals(i.ItemPath, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Path.GetFileName(i.ItemPath), wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Path.GetFileNameWithoutExtension(i.ItemPath), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ToolException($"'{name}' is not an item of {Path.GetFileName(inputs.ProjectFile)}: one of {List(items)}."),
            _ => throw new ToolException($"'{name}' names several items ({List(matches)}): give its path."),
        };
    }

    /// <summary>The history context of an item of the project.</summary>
    public static HistoryContext History(ProjectInputs inputs, ResolutionItem item) => new()
    {
        ProjectDirectory = inputs.ProjectDirectory,
        StoreDirectory = inputs.Settings.Options.StoreDirectory,
        ItemPath = item.ItemPath,
        UserCacheDirectory = inputs.Settings.Options.UserCacheDirectory,
        Prices = inputs.Settings.Prices,
    };

    /// <summary>Runs <paramref name="body"/>, reporting a core error (MPxxxx) as a tool error (exit code 2).</summary>
    public static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (MicroPromptException ex)
        {
            throw new ToolException($"{ex.Diagnostic.Code}: {ex.Diagnostic.Message}");
        }
    }

    private static string List(IEnumerable<ResolutionItem> items)
    {
        var names = items.Select(i => i.ItemPath).ToList();
        return names.Count == 0 ? "(the project has no items)" : string.Join(", ", names);
    }
}
