// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class SortedSearch
{
    /// <summary>The index of <paramref name="value"/> in the ascending array, or -1 when it is absent.</summary>
    public static int IndexOf(int[] sorted, int value)
    {
        var low = 0;
        var high = sorted.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
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
