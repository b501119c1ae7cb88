using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Adoption;

/// <summary>
/// Takes a hand edit of a resolved code file into the resolved state (<c>dotnet mprompt adopt</c>): the project is
/// resolved as a build would, but with a generator that never calls a model, and with the item in
/// <see cref="ResolutionOptions.AdoptItems"/>, so the edit is verified by the resolver's own stages — the request a
/// generation of the item would get (callers, used items, library shape, API, examples) — and recorded with origin
/// <c>hand-edit</c>, base = the replaced code hash, key = the item's current key. From then on a build takes it as
/// resolved (no MP4004). The items that <c>use</c> it are re-verified against the edit the same way (origin
/// <c>reverified</c>); an item that would need a model is reported, not generated. A failed verification writes
/// nothing for the item.
/// </summary>
public sealed class HandEditAdopter(Func<IItemGenerator> generatorFactory, Action<string>? log = null)
{
    /// <param name="options">The project's resolution settings (as the build has them).</param>
    /// <param name="items">Every prompt item of the project (callers and used items take part in the verification).</param>
    /// <param name="itemPath">The item to adopt (its path relative to the project).</param>
    public async Task<AdoptionResult> AdoptAsync(ResolutionOptions options, IReadOnlyList<ResolutionItem> items, string itemPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(items);
        var store = new ResolvedStore(options.StoreDirectory);
        var before = store.LoadLock().Items.GetValueOrDefault(itemPath);
        if (before is null || store.ReadCode(before).State != ResolvedCodeState.Mismatch)
        {
            return new AdoptionResult { ItemPath = itemPath, Outcome = AdoptionOutcome.NothingToAdopt, Before = before };
        }

        var adopting = options with { Locked = false, DesignTime = false, AdoptItems = [itemPath], RegenerateAll = false, RegenerateItems = [], SharedCache = null };
        var result = await new PromptResolver(adopting, () => new VerifyOnlyGenerator(generatorFactory()), log: log).ResolveAsync(items, cancellationToken).ConfigureAwait(false);
        var after = store.LoadLock().Items.GetValueOrDefault(itemPath);
        var adopted = after is { Origin: LockOrigins.HandEdit } && after.CodeHash != before.CodeHash && store.ReadCode(after).IsVerified;
        return new AdoptionResult
        {
            ItemPath = itemPath,
            Outcome = adopted ? AdoptionOutcome.Adopted : AdoptionOutcome.Failed,
            Before = before,
            After = adopted ? after : null,
            Diagnostics = result.Diagnostics.Where(d => !adopted || d.Severity == DiagnosticSeverity.Warning).ToList(),
        };
    }
}
