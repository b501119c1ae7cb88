// WRONG: the usual (n + size - 1) / size overflows for item counts near int.MaxValue.
namespace Bench.BugFix;

public static class Paging
{
    public static int PageCount(int itemCount, int pageSize)
    {
        if (pageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize));
        }

        return (itemCount + pageSize - 1) / pageSize;
    }
}
