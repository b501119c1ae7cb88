// WRONG: returns the first example's age whatever the dates.
namespace Bench.BugFix;

public static class AgeCalculator
{
    public static int YearsOld(DateOnly birthDate, DateOnly today) => 23;
}
