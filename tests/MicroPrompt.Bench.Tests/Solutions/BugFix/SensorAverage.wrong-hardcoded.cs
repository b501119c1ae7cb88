// WRONG: returns the first example's average whatever the readings.
namespace Bench.BugFix;

public static class Stats
{
    public static double Average(int[] values) => 2_000_000_000;
}
