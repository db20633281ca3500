using Gem.Monitor.Statistics;

namespace Gem.Monitor.Tests.Statistics;

public class PoissonGammaSmootherTests
{
    [Fact]
    public void Smooth_RGolden_MatchesMomentsPriorAndPosterior()
    {
        var g = Golden.Load("eb_poisson_gamma.csv");
        PoissonGammaFit fit = PoissonGammaSmoother.Smooth(
            [.. g.Rows.Select(r => g.Number(r, "observed"))],
            [.. g.Rows.Select(r => g.Number(r, "exposure"))]);
        Golden.Close(g.Number(g.Rows[0], "mean"), fit.Mean, 1e-9, "mean");
        Golden.Close(g.Number(g.Rows[0], "shape"), fit.Shape, 1e-9, "shape");
        Golden.Close(g.Number(g.Rows[0], "rate"), fit.Rate, 1e-9, "rate");
        for (int i = 0; i < g.Rows.Count; i++)
        {
            Golden.Close(g.Number(g.Rows[i], "smoothed"), fit.Areas[i].Smoothed, 1e-9, "smoothed");
            Golden.Close(g.Number(g.Rows[i], "lower"), fit.Areas[i].Lower, 1e-6, "lower");
            Golden.Close(g.Number(g.Rows[i], "upper"), fit.Areas[i].Upper, 1e-6, "upper");
        }
    }

    [Fact]
    public void Smooth_SmallArea_ShrinksMoreThanLargeArea()
    {
        // Same crude rate 0.5 (national ≈ 0.1): the area with exposure 4 moves further to the mean than the one with 400.
        PoissonGammaFit fit = PoissonGammaSmoother.Smooth([2, 200, 10, 12, 9, 11, 50], [4, 400, 100, 100, 100, 100, 500]);
        double shrinkSmall = fit.Areas[0].Crude - fit.Areas[0].Smoothed;
        double shrinkLarge = fit.Areas[1].Crude - fit.Areas[1].Smoothed;
        Assert.True(shrinkSmall > shrinkLarge && shrinkLarge >= 0);
    }

    [Fact]
    public void Smooth_NoExtraPoissonVariation_ReturnsTheMeanEverywhere()
    {
        PoissonGammaFit fit = PoissonGammaSmoother.Smooth([10, 10, 10], [100, 100, 100]);
        Assert.True(double.IsPositiveInfinity(fit.Shape));
        Assert.All(fit.Areas, static a => Assert.Equal(0.1, a.Smoothed, 12));
    }

    [Fact]
    public void Smooth_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => PoissonGammaSmoother.Smooth([1], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonGammaSmoother.Smooth([1, 2], [1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonGammaSmoother.Smooth([-1, 2], [1, 1]));
    }
}
