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
        if ((today.Month, today.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0)
        {
            years--;
        }

        return years;
    }
}
