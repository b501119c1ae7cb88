namespace MicroPrompt.Adoption;

/// <summary>What <see cref="HandEditAdopter.AdoptAsync"/> came to.</summary>
public enum AdoptionOutcome
{
    /// <summary>The hand edit verified and is now the item's resolution (origin <c>hand-edit</c>).</summary>
    Adopted,

    /// <summary>The item's code file matches its lock entry: there is no hand edit to adopt.</summary>
    NothingToAdopt,

    /// <summary>The hand edit did not verify (or the project did not resolve); nothing was written.</summary>
    Failed,
}
