using MicroPrompt.Compilation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Dependability;

/// <summary>
/// The <see cref="ProbeSubject"/> of each item as its samples were compiled: the other items' resolved code alongside,
/// and, for a <c>uses</c> dependency with no resolved code, its contract stub (as the comparison runner plans it).
/// </summary>
internal static class ProbeSubjects
{
    public static Dictionary<string, ProbeSubject> Build(ResolutionOptions options, IReadOnlyList<ResolutionItem> items, ResolutionResult resolved)
    {
        var documents = resolved.Documents;
        var graph = PromptGraph.Build(items, documents, []);
        var known = items.Where(i => documents.ContainsKey(i.ItemPath)).ToList();
        var namespaces = known.ToDictionary(i => i.ItemPath, i => ItemPlanning.Namespace(options.Project, i, documents[i.ItemPath]), StringComparer.Ordinal);
        var subjects = new Dictionary<string, ProbeSubject>(StringComparer.Ordinal);
        foreach (var item in known.Where(i => !graph.Broken.Contains(i.ItemPath)))
        {
            var document = documents[item.ItemPath];
            var deps = graph.Dependencies[item.ItemPath];
            var stubs = deps
                .Where(d => !resolved.Code.ContainsKey(d) && documents.TryGetValue(d, out var dd) && !string.IsNullOrWhiteSpace(dd.Contract))
                .Select(d => ContractStubBuilder.Build(documents[d].Contract!, namespaces[d], d));
            subjects[item.ItemPath] = new ProbeSubject
            {
                ItemPath = item.ItemPath,
                Prompt = document,
                Namespace = namespaces[item.ItemPath],
                Project = ItemPlanning.ProjectFor(options.Project, document),
                CompanionSources = resolved.Code.Where(kv => kv.Key != item.ItemPath).Select(kv => kv.Value)
                    .Concat(stubs).OrderBy(c => c, StringComparer.Ordinal).ToList(),
                UsedNamespaces = deps.Select(d => namespaces[d]).Distinct(StringComparer.Ordinal).ToList(),
            };
        }

        return subjects;
    }
}
