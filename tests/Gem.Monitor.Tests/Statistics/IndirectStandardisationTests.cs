using Gem.Monitor.Statistics;

namespace Gem.Monitor.Tests.Statistics;

public class IndirectStandardisationTests
{
    [Fact]
    public void ExactPoissonLimits_TenEvents_MatchPublishedTable()
    {
        // Exact 95% limits for a Poisson count of 10: 4.7954 and 18.3904 (e.g. Breslow & Day 1987, Table;
        // PHE "Technical guide: confidence intervals").
        (double lo, double hi) = IndirectStandardisation.ExactPoissonLimits(10, 0.95);
        Assert.Equal(4.7954, lo, 4);
        Assert.Equal(18.3904, hi, 4);
    }

    [Fact]
    public void Standardise_HandBuiltStrata_ExpectedIsSumOfPopulationTimesRate()
    {
        // Two age bands: 1000 young at national rate 0.01, 500 old at 0.04 → E = 10 + 20 = 30; O = 45.
        StandardisedRatio r = IndirectStandardisation.Standardise(45, [1000, 500], [0.01, 0.04]);
        Assert.Equal(30, r.Expected, 12);
        Assert.Equal(1.5, r.Ratio, 12);
        Assert.True(r.Lower < 1.5 && r.Upper > 1.5);
        Assert.True(r.Lower > 1.0); // 45 against 30 expected is significantly high
    }

    [Fact]
    public void Ratio_RGolden_MatchesExactAndByarLimits()
    {
        var g = Golden.Load("poisson_ratio.csv");
        Assert.Equal(32, g.Rows.Count);
        foreach (string[] row in g.Rows)
        {
            double o = g.Number(row, "observed"), e = g.Number(row, "expected"), level = g.Number(row, "level");
            StandardisedRatio exact = IndirectStandardisation.Ratio(o, e, level, RatioInterval.ExactPoisson);
            StandardisedRatio byar = IndirectStandardisation.Ratio(o, e, level, RatioInterval.Byar);
            Golden.Close(g.Number(row, "exact_lower"), exact.Lower, 1e-6, "exact lower");
            Golden.Close(g.Number(row, "exact_upper"), exact.Upper, 1e-6, "exact upper");
            Golden.Close(g.Number(row, "byar_lower"), byar.Lower, 1e-6, "byar lower");
            Golden.Close(g.Number(row, "byar_upper"), byar.Upper, 1e-6, "byar upper");
        }
    }

    [Fact]
    public void Standardise_MismatchedStrata_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndirectStandardisation.Standardise(3, [1, 2], [0.1]));
    }

    [Theory]
    [InlineData(-1, 5, 0.95)]
    [InlineData(3, 0, 0.95)]
    [InlineData(3, 5, 1.0)]
    [InlineData(double.NaN, 5, 0.95)]
    public void Ratio_InvalidInput_Throws(double observed, double expected, double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndirectStandardisation.Ratio(observed, expected, level));
    }
}
