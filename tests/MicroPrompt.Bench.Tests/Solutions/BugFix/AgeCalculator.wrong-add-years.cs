// WRONG: compares with birthDate.AddYears(n), which makes a 29 February birthday count on 28 February.
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
        return today < birthDate.AddYears(years) ? years - 1 : years;
    }
}
