using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Status;

/// <summary>
/// The messages the next build would send for an item: the same <see cref="GenerationRequest"/> as the generation
/// stage builds (<see cref="ItemGeneration"/>: companions, used items, the previous code as edit base) composed by
/// <see cref="PromptComposer.Compose"/>, with the committed code of the other items as what they resolve to.
/// </summary>
public static class PlanRequests
{
    /// <summary>The composed messages (role, text) of the item's first pass, or empty when it cannot be planned.</summary>
    public static IReadOnlyList<(string Role, string Text)> Compose(ProjectStatus status, ItemStatusEntry item)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(item);
        if (status.Run is not { } run || item.Planned is not { } planned)
        {
            return [];
        }

        lock (run)
        {
            if (run.Code.IsEmpty)
            {
                foreach (var other in status.Items)
                {
                    if (other.Entry is { } entry && other.Planned is { } p && run.Store.ReadCode(entry) is { IsVerified: true } read)
                    {
                        run.Resolve(other.Path, p.Namespace, read.Code, entry.CodeHash);
                    }
                }
            }

            foreach (var dep in planned.Dependencies.Where(d => !run.Code.ContainsKey(d)))
            {
                run.Resolve(dep, status.Items.FirstOrDefault(i => i.Path == dep)?.Planned?.Namespace ?? planned.Namespace, "");
            }

            var generation = new ItemGeneration(run, () => throw new InvalidOperationException("a plan never generates"), new ResolutionRecorder(run), (_, _) => null);
            var previous = generation.PreviousResolutionOf(planned);
            var companions = run.Code.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            var request = generation.Request(planned, companions, previous);
            return PromptComposer.Compose(request, PublicApiExtractor.Extract)
                .Select(m => (m.Role.Value, m.Text ?? ""))
                .ToList();
        }
    }
}
