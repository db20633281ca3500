using Gem.Monitor.Statistics;

namespace Gem.Monitor.Tests.Statistics;

public class DistributionsTests
{
    [Fact]
    public void NormalQuantile_RGolden_MatchesQnorm()
    {
        var g = Golden.Load("qnorm.csv");
        Assert.NotEmpty(g.Rows);
        foreach (string[] r in g.Rows)
        {
            Golden.Close(g.Number(r, "q"), Distributions.NormalQuantile(g.Number(r, "p")), 1e-12, "qnorm");
        }
    }

    [Fact]
    public void ChiSquareQuantile_RGolden_MatchesQchisq()
    {
        var g = Golden.Load("qchisq.csv");
        Assert.Equal(35, g.Rows.Count);
        foreach (string[] r in g.Rows)
        {
            Golden.Close(g.Number(r, "q"), Distributions.ChiSquareQuantile(g.Number(r, "p"), g.Number(r, "df")), 1e-9, "qchisq");
        }
    }

    [Theory]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.998, 3.090232306167813)]
    public void TwoSidedZ_PublishedLevels_ReturnsTextbookValues(double level, double z)
    {
        Assert.Equal(z, Distributions.TwoSidedZ(level), 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void NormalQuantile_OutsideOpenUnitInterval_Throws(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.NormalQuantile(p));
    }

    [Fact]
    public void LogGamma_IntegerArgument_IsLogFactorial()
    {
        Assert.Equal(Math.Log(3628800), Distributions.LogGamma(11), 1e-12);
        Assert.Equal(0.5 * Math.Log(Math.PI), Distributions.LogGamma(0.5), 1e-13);
    }
}
