namespace Bench.BugFix;

public static class Paging
{
    public static int PageCount(int itemCount, int pageSize)
    {
        if (pageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize));
        }

        return itemCount / pageSize + (itemCount % pageSize == 0 ? 0 : 1);
    }
}
