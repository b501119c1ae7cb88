using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;

namespace MicroPrompt.Resolution;

/// <summary>
/// The <c>uses</c> graph of a project's prompts: resolves references to items, reports missing ones and cycles,
/// and orders items in dependency levels (each level only uses items of earlier levels).
/// </summary>
internal sealed class PromptGraph
{
    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private PromptGraph(Dictionary<string, List<string>> dependencies, List<List<string>> levels, HashSet<string> broken)
    {
        Dependencies = dependencies;
        Levels = levels;
        Broken = broken;
    }

    /// <summary>Item path → the item paths it uses, in the order written.</summary>
    public IReadOnlyDictionary<string, List<string>> Dependencies { get; }

    /// <summary>Items in dependency levels, each level sorted ordinally by item path.</summary>
    public IReadOnlyList<List<string>> Levels { get; }

    /// <summary>Items that cannot be resolved because of a missing reference or a cycle.</summary>
    public IReadOnlySet<string> Broken { get; }

    public static PromptGraph Build(
        IReadOnlyList<ResolutionItem> items,
        IReadOnlyDictionary<string, PromptDocument> documents,
        List<MicroPromptDiagnostic> diagnostics)
    {
        var byFullPath = new Dictionary<string, ResolutionItem>(PathComparer);
        foreach (var item in items)
        {
            byFullPath[Path.GetFullPath(item.FullPath)] = item;
        }

        var dependencies = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var spans = new Dictionary<(string From, string To), SourceSpan>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var deps = new List<string>();
            dependencies[item.ItemPath] = deps;
            if (!documents.TryGetValue(item.ItemPath, out var document))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(item.FullPath)) ?? "";
            foreach (var reference in document.Uses)
            {
                var target = Path.GetFullPath(Path.Combine(folder, reference.Path));
                if (!byFullPath.TryGetValue(target, out var used))
                {
                    diagnostics.Add(FrontMatterMessages.UsesNotFound(reference.Path, target, item.FullPath, reference.Span.Line, reference.Span.Column));
                    broken.Add(item.ItemPath);
                    continue;
                }

                if (!deps.Contains(used.ItemPath, StringComparer.Ordinal))
                {
                    deps.Add(used.ItemPath);
                    spans[(item.ItemPath, used.ItemPath)] = reference.Span;
                }
            }
        }

        ReportCycles(items, dependencies, spans, broken, diagnostics);
        var levels = Order(items, documents, dependencies, broken);
        return new PromptGraph(dependencies, levels, broken);
    }

    private static void ReportCycles(
        IReadOnlyList<ResolutionItem> items,
        Dictionary<string, List<string>> dependencies,
        Dictionary<(string From, string To), SourceSpan> spans,
        HashSet<string> broken,
        List<MicroPromptDiagnostic> diagnostics)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 on stack, 2 done
        var stack = new List<string>();
        var fullPaths = items.ToDictionary(i => i.ItemPath, i => i.FullPath, StringComparer.Ordinal);

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in dependencies[node])
            {
                var nextState = state.GetValueOrDefault(next);
                if (nextState == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next).ToList();
                    foreach (var member in cycle)
                    {
                        broken.Add(member);
                    }

                    var span = spans[(node, next)];
                    diagnostics.Add(FrontMatterMessages.UsesCycle(cycle, fullPaths[node], span.Line, span.Column));
                }
                else if (nextState == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var item in items.OrderBy(i => i.ItemPath, StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(item.ItemPath) == 0)
            {
                Visit(item.ItemPath);
            }
        }
    }

    private static List<List<string>> Order(
        IReadOnlyList<ResolutionItem> items,
        IReadOnlyDictionary<string, PromptDocument> documents,
        Dictionary<string, List<string>> dependencies,
        HashSet<string> broken)
    {
        // Items that did not parse are not ordered (their errors are reported already); their dependents still are,
        // and report that a used prompt could not be resolved.
        var remaining = items.Select(i => i.ItemPath).Where(p => !broken.Contains(p) && documents.ContainsKey(p)).ToHashSet(StringComparer.Ordinal);
        // Broken items likewise: dependents are ordered after them and report the failed dependency (MP2005).
        var done = items.Select(i => i.ItemPath).Where(p => !documents.ContainsKey(p) || broken.Contains(p)).ToHashSet(StringComparer.Ordinal);
        var levels = new List<List<string>>();
        while (remaining.Count > 0)
        {
            var level = remaining.Where(p => dependencies[p].All(done.Contains)).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (level.Count == 0)
            {
                break; // only cycles remain; already reported
            }

            levels.Add(level);
            foreach (var p in level)
            {
                remaining.Remove(p);
                done.Add(p);
            }
        }

        return levels;
    }
}
