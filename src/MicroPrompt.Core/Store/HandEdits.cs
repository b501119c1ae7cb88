namespace MicroPrompt.Store;

/// <summary>
/// Tells a hand edit from an interrupted write (docs/lock-format.md): a code file that does not match its lock entry
/// is an interrupted write when its hash is the code hash of the user-cache generation of one of the item's keys
/// (the verified generation is cached before the code file is written); anything else is a hand edit.
/// </summary>
public static class HandEdits
{
    public static bool IsHandEdit(ResolvedCode read, UserCache? userCache, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.State != ResolvedCodeState.Mismatch)
        {
            return false;
        }

        if (userCache is null || read.ActualHash is not { Length: > 0 } actual)
        {
            return true;
        }

        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal))
        {
            if (userCache.TryGet(key, out var record, out _) && record is not null
                && string.Equals(record.CodeHash, actual, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
