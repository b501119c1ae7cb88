namespace MicroPrompt.Status;

/// <summary>The words of <see cref="ItemState"/> in output and JSON: up-to-date, stale, unresolved, hand-edited, conflict, failed.</summary>
public static class ItemStateNames
{
    public static string Of(ItemState state) => state switch
    {
        ItemState.UpToDate => "up-to-date",
        ItemState.Stale => "stale",
        ItemState.Unresolved => "unresolved",
        ItemState.HandEdited => "hand-edited",
        ItemState.Conflict => "conflict",
        _ => "failed",
    };
}
