namespace Bench.BugFix;

public static class BatchSaver
{
    public static async Task<int> SaveAllAsync(IEnumerable<string> items, Func<string, Task> save)
    {
        var count = 0;
        foreach (var item in items)
        {
            await save(item).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
