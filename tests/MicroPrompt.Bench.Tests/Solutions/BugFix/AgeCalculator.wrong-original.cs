// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class AgeCalculator
{
    /// <summary>Age in whole years on the given day.</summary>
    public static int YearsOld(DateOnly birthDate, DateOnly today) => today.Year - birthDate.Year;
}
