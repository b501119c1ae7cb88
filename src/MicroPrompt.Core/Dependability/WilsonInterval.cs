namespace MicroPrompt.Dependability;

/// <summary>
/// The Wilson score interval of a binomial proportion (k successes in n trials), the interval that stays inside 0–1 and
/// behaves at k = 0 and k = n where the normal approximation does not: with 5 of 5 correct the 95% lower bound is 0.566,
/// not 1.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The two-sided 95% normal quantile (Φ⁻¹(0.975)).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The lower bound of the two-sided interval at normal quantile <paramref name="z"/>; 0 when <paramref name="n"/> is 0.</summary>
    public static double LowerBound(int k, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (n == 0 || k == 0)
        {
            return 0;
        }

        var (centre, half, scale) = Parts(k, n, z);
        return Math.Max(0, (centre - half) / scale);
    }

    /// <summary>The upper bound of the two-sided interval; 1 when <paramref name="n"/> is 0.</summary>
    public static double UpperBound(int k, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (n == 0 || k == n)
        {
            return 1;
        }

        var (centre, half, scale) = Parts(k, n, z);
        return Math.Min(1, (centre + half) / scale);
    }

    private static (double Centre, double Half, double Scale) Parts(int k, int n, double z)
    {
        var p = (double)k / n;
        var z2 = z * z;
        return (p + z2 / (2.0 * n), z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)), 1 + z2 / n);
    }
}
