// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class Paging
{
    /// <summary>How many pages are needed to show <paramref name="itemCount"/> items, <paramref name="pageSize"/> per page.</summary>
    public static int PageCount(int itemCount, int pageSize)
    {
        if (pageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize));
        }

        return itemCount / pageSize + 1;
    }
}
