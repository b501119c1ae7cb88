// WRONG: turns the silent overflow into an OverflowException instead of summing in a wider type.
namespace Bench.BugFix;

public static class Stats
{
    public static double Average(int[] values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sum = 0;
        foreach (var value in values)
        {
            sum = checked(sum + value);
        }

        return (double)sum / values.Length;
    }
}
