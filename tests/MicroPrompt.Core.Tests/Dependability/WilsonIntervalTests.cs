using MicroPrompt.Dependability;

namespace MicroPrompt.Core.Tests.Dependability;

public sealed class WilsonIntervalTests
{
    // Published 95% Wilson score intervals (e.g. R binom::binom.confint(method = "wilson")), to 4 decimals.
    [Theory]
    [InlineData(0, 5, 0.0, 0.4345)]
    [InlineData(5, 5, 0.5655, 1.0)]
    [InlineData(4, 5, 0.3755, 0.9638)]
    [InlineData(1, 5, 0.0362, 0.6245)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(99, 100, 0.9455, 0.9982)]
    public void Matches_known_bounds(int k, int n, double lower, double upper)
    {
        Assert.Equal(lower, WilsonInterval.LowerBound(k, n), 4);
        Assert.Equal(upper, WilsonInterval.UpperBound(k, n), 4);
    }

    [Fact]
    public void All_correct_is_never_certain_and_more_samples_raise_the_bound()
    {
        Assert.Equal(1 / (1 + WilsonInterval.Z95 * WilsonInterval.Z95 / 5), WilsonInterval.LowerBound(5, 5), 12);
        Assert.True(WilsonInterval.LowerBound(20, 20) > WilsonInterval.LowerBound(5, 5));
        Assert.Equal(0, WilsonInterval.LowerBound(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.LowerBound(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.LowerBound(-1, 5));
    }
}
