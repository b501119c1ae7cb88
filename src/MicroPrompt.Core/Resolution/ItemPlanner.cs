using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Keys;
using MicroPrompt.Prompts;

namespace MicroPrompt.Resolution;

/// <summary>
/// Stage 1, plan: an item's model (item metadata &gt; front matter &gt; property), namespace, the versions of its
/// <c>requires</c> packages, and the key this build resolves it to.
/// </summary>
/// <remarks>
/// The key of a generation from scratch is the fresh key. An item whose resolution was an edit (its lock entry
/// records the code the edit started from) is up to date when the key of that same edit matches, so an unchanged
/// edited item never regenerates. A stale item that has previous code is regenerated as an edit of it (unless its
/// regeneration mode is <c>fresh</c>): its key then includes that code's hash.
/// </remarks>
internal sealed class ItemPlanner(ResolutionRun run)
{
    public PlannedItem? Plan(ResolutionItem item, PromptDocument document, IReadOnlyList<string> deps, List<MicroPromptDiagnostic> diagnostics)
    {
        var options = run.Options;
        var model = ItemPlanning.FirstNonEmpty(item.ModelOverride, document.Model, options.DefaultModel);
        if (model is null)
        {
            diagnostics.Add(GenerationMessages.NoModelForItem(item.ItemPath, item.FullPath));
            return null;
        }

        var ns = ItemPlanning.Namespace(options.Project, item, document);
        var packages = ItemPlanning.RequiredPackages(options.Project, document, (requirement, problem) => diagnostics.Add(GenerationMessages.RequiresNotReferenced(
            $"{requirement.Id} {requirement.Range.PrettyPrint()}", problem, item.FullPath, requirement.Span.Line, requirement.Span.Column)));
        if (packages is null)
        {
            return null;
        }

        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dep in deps)
        {
            used[dep] = run.CodeHashes[dep];
        }

        var inputs = ItemPlanning.Inputs(options.Project, document, ns, model, options.Repair, options.MaxPasses, packages, used, run.ExtraUsings);
        var prompt = GenerationKey.NormalizePrompt(document.Text); // once: the fresh key, the edit key and the prompt hash
        var freshKey = GenerationKey.Compute(inputs, prompt);
        run.Lock.Items.TryGetValue(item.ItemPath, out var previous);
        var key = freshKey;
        if (previous is { Base: { Length: > 0 } editBase })
        {
            // An edit stays resolved while nothing else changed: its key is the same edit's key.
            var editKey = GenerationKey.Compute(inputs with { BaseCodeHash = editBase }, prompt);
            key = editKey == previous.Key ? editKey : freshKey;
        }

        return new PlannedItem(item, document, model, ns, key, freshKey, GenerationKey.PromptHashOfNormalized(prompt), deps, inputs, previous);
    }

    /// <summary>
    /// The key of an edit of the previous resolution with this item's inputs (what a stale item in <c>edit</c> mode
    /// is generated under), or null when the item has no previous code to edit, or is up to date.
    /// </summary>
    public static string? EditKey(PlannedItem planned) =>
        planned.Previous is { CodeHash.Length: > 0 } previous && previous.Key != planned.Key
            ? GenerationKey.Compute(planned.Inputs with { BaseCodeHash = previous.CodeHash })
            : null;
}
