// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class BatchSaver
{
    /// <summary>Saves every item, one after another in order, and returns how many were saved.</summary>
    public static async Task<int> SaveAllAsync(IEnumerable<string> items, Func<string, Task> save)
    {
        var count = 0;
        foreach (var item in items)
        {
            save(item);
            count++;
        }

        await Task.CompletedTask;
        return count;
    }
}
