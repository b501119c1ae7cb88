namespace MicroPrompt.Api;

/// <summary>
/// Which public API changes break callers: every removal and change that the item's <c>## Contract</c> did not make
/// the same way. A removal is the contract's when the previous contract declared the member (or type) and the new one
/// no longer does; a change is the contract's when the previous contract declared the previous member and the new one
/// declares the new signature (and, if the identity changed, no longer the previous one). An addition never breaks.
/// Contracts match by type path and member identity without namespaces, like the contract check.
/// </summary>
public static class ApiCompatibility
{
    /// <summary>The removals and changes of <paramref name="changes"/> that the contract change does not cover, in their order.</summary>
    public static IReadOnlyList<ApiChange> Breaking(IReadOnlyList<ApiChange> changes, string? oldContract, string? newContract)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var before = Declarations(oldContract);
        var after = Declarations(newContract);
        return changes.Where(c => c.Kind != ApiChangeKind.Added && !Covered(c, before, after)).ToList();
    }

    private static bool Covered(ApiChange change, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        // A change read back from JSON has no identities: it cannot be matched, so it counts as breaking.
        if (change.OldContractKey is not { } oldKey || !before.ContainsKey(oldKey))
        {
            return false;
        }

        return change.Kind switch
        {
            ApiChangeKind.Removed => !after.ContainsKey(oldKey),
            ApiChangeKind.Changed => change.NewContractKey is { } newKey
                && after.TryGetValue(newKey, out var shape)
                && string.Equals(shape, change.NewShape, StringComparison.Ordinal)
                && (newKey == oldKey || !after.ContainsKey(oldKey)),
            _ => false,
        };
    }

    /// <summary>Each type and member a contract declares, by contract identity, with its shape.</summary>
    private static Dictionary<string, string> Declarations(string? contract)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(contract))
        {
            return declared;
        }

        foreach (var type in ApiSurface.Read(contract, contract: true))
        {
            declared.TryAdd(type.Entry.ContractKey, type.Entry.Shape);
            foreach (var member in type.Members)
            {
                declared.TryAdd(member.ContractKey, member.Shape);
            }
        }

        return declared;
    }
}
