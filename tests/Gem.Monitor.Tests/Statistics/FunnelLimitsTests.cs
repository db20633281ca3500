using Gem.Monitor.Statistics;

namespace Gem.Monitor.Tests.Statistics;

public class FunnelLimitsTests
{
    [Fact]
    public void Proportion_RGolden_MatchesWilsonLimits()
    {
        var g = Golden.Load("funnel_proportion.csv");
        Assert.Equal(24, g.Rows.Count);
        foreach (string[] r in g.Rows)
        {
            var (lo, hi) = FunnelLimits.Proportion(g.Number(r, "target"), g.Number(r, "n"), g.Number(r, "level"));
            Golden.Close(g.Number(r, "lower"), lo, 1e-6, "wilson lower");
            Golden.Close(g.Number(r, "upper"), hi, 1e-6, "wilson upper");
        }
    }

    [Fact]
    public void Rate_RGolden_MatchesExactPoissonLimits()
    {
        var g = Golden.Load("funnel_rate.csv");
        foreach (string[] r in g.Rows)
        {
            var (lo, hi) = FunnelLimits.Rate(g.Number(r, "target"), g.Number(r, "n"), g.Number(r, "level"));
            Golden.Close(g.Number(r, "lower"), lo, 1e-6, "rate lower");
            Golden.Close(g.Number(r, "upper"), hi, 1e-6, "rate upper");
        }
    }

    [Fact]
    public void Mean_RGolden_MatchesNormalLimits()
    {
        var g = Golden.Load("funnel_mean.csv");
        foreach (string[] r in g.Rows)
        {
            var (lo, hi) = FunnelLimits.Mean(g.Number(r, "target"), g.Number(r, "sd"), g.Number(r, "n"), g.Number(r, "level"));
            Golden.Close(g.Number(r, "lower"), lo, 1e-9, "mean lower");
            Golden.Close(g.Number(r, "upper"), hi, 1e-9, "mean upper");
        }
    }

    [Fact]
    public void Proportion_WilsonAt25Of100_MatchesPublishedInterval()
    {
        // Wilson score 95% interval for 25/100, as R's prop.test(25, 100, correct = FALSE): 0.1754521136 to 0.3430446355.
        var (lo, hi) = FunnelLimits.Proportion(0.25, 100, 0.95);
        Assert.Equal(0.1754521136, lo, 8);
        Assert.Equal(0.3430446355, hi, 8);
    }

    [Fact]
    public void ProportionLimits_LargerDenominator_NarrowsTheFunnel()
    {
        FunnelLimit small = FunnelLimits.ProportionLimits(0.1, 50);
        FunnelLimit large = FunnelLimits.ProportionLimits(0.1, 5000);
        Assert.True(small.Upper998 > small.Upper95 && small.Upper95 > large.Upper95 && large.Upper95 > 0.1);
        Assert.True(small.Lower998 < small.Lower95 && small.Lower95 < large.Lower95 && large.Lower95 < 0.1);
    }

    [Theory]
    [InlineData(0.30, FunnelPosition.Above998)]
    [InlineData(0.13, FunnelPosition.Above95)]
    [InlineData(0.10, FunnelPosition.Within95)]
    [InlineData(0.075, FunnelPosition.Below95)]
    [InlineData(0.01, FunnelPosition.Below998)]
    public void Classify_ValueAgainstProportionFunnel_ReturnsBand(double value, FunnelPosition expected)
    {
        Assert.Equal(expected, FunnelLimits.Classify(value, FunnelLimits.ProportionLimits(0.1, 1000)));
    }

    [Fact]
    public void Proportion_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.Proportion(1.2, 10, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.Proportion(0.2, 0, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.Rate(0.2, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.Mean(1, -1, 10, 0.95));
    }
}
