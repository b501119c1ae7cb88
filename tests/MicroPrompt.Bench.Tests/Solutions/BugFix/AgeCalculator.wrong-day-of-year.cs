// WRONG: compares DayOfYear, which shifts by one after 28 February in leap years (born 1 March 2001 is not 23 on 29 February 2024)
namespace Bench.BugFix;

public static class AgeCalculator
{
    public static int YearsOld(DateOnly birthDate, DateOnly today)
    {
        if (today < birthDate)
        {
            throw new ArgumentException("The day is before the birth date.", nameof(today));
        }

        var years = today.Year - birthDate.Year;
        if (today.DayOfYear < birthDate.DayOfYear)
        {
            years--;
        }

        return years;
    }
}
