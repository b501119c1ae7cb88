namespace Bench.BugFix;

public static class SortedSearch
{
    public static int IndexOf(int[] sorted, int value)
    {
        var low = 0;
        var high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle] == value)
            {
                return middle;
            }

            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
