// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class Stats
{
    /// <summary>The mean of the readings; an empty array is an ArgumentException.</summary>
    public static double Average(int[] values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        int sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return (double)sum / values.Length;
    }
}
