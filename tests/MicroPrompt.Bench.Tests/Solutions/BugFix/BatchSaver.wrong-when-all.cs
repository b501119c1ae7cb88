// WRONG: awaits the saves, but all at once with Task.WhenAll instead of one after another.
namespace Bench.BugFix;

public static class BatchSaver
{
    public static async Task<int> SaveAllAsync(IEnumerable<string> items, Func<string, Task> save)
    {
        var list = items.ToList();
        await Task.WhenAll(list.Select(save));
        return list.Count;
    }
}
