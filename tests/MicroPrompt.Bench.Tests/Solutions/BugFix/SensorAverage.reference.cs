namespace Bench.BugFix;

public static class Stats
{
    public static double Average(int[] values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return (double)sum / values.Length;
    }
}
