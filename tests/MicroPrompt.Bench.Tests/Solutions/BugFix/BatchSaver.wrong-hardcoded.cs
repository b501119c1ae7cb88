// WRONG: returns the first example's count without saving anything.
namespace Bench.BugFix;

public static class BatchSaver
{
    public static Task<int> SaveAllAsync(IEnumerable<string> items, Func<string, Task> save) => Task.FromResult(3);
}
