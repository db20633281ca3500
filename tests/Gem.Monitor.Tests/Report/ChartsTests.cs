using Gem.Monitor.Report;
using Gem.Monitor.Statistics;

namespace Gem.Monitor.Tests.Report;

public sealed class ChartsTests
{
    [Theory]
    [InlineData(0, 870, new double[] { 0, 200, 400, 600, 800 })]
    [InlineData(-0.3, 1.2, new double[] { -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1, 1.2 })]
    [InlineData(95, 412, new double[] { 100, 150, 200, 250, 300, 350, 400 })]
    public void NiceTicks_ARange_GivesRoundStepsInsideIt(double min, double max, double[] expected)
    {
        Assert.Equal(expected, Charts.NiceTicks(min, max));
    }

    [Fact]
    public void LogTicks_SixDecades_KeepsOnlyPowersOfTen()
    {
        Assert.Equal([1, 10, 100, 1000, 10_000, 100_000, 1_000_000], Charts.LogTicks(-0.1, 6.1));
        Assert.Equal([1000, 2000, 5000, 10_000], Charts.LogTicks(3, 4));
    }

    [Fact]
    public void Funnel_NonNegativeValuesWithWideLimits_StartsTheAxisAtZero()
    {
        ChartPoint[] points = [new(50, 10, "a"), new(5000, 150, "b"), new(200_000, 200, "c", Tag: "Regio")];
        string svg = Charts.Funnel("f", "T", points, 150, n => new FunnelLimit(n, 150 - (3000 / Math.Sqrt(n)), 150 + (3000 / Math.Sqrt(n)), 150 - (4500 / Math.Sqrt(n)), 150 + (4500 / Math.Sqrt(n))), "x", "y",
            colours: [new LegendEntry("#a50f15", "boven de 99,8%-grens")]);

        Assert.DoesNotContain(">-", svg, StringComparison.Ordinal);
        Assert.Contains(">0</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">boven de 99,8%-grens</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Regio</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_MissingYear_IsMarkedAndBreaksTheLine()
    {
        var values = new Dictionary<int, double> { [2019] = 200, [2020] = 220, [2022] = 250 };
        string svg = Charts.Trend("t", "T", [2019, 2020, 2021, 2022], [new ChartSeries("Regio", "#54278f", values, Bold: true)], "€", v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture), "geen cijfers");

        Assert.Contains("class=\"missing-year\"", svg, StringComparison.Ordinal);
        Assert.Contains(">geen cijfers</text>", svg, StringComparison.Ordinal);
        Assert.Equal(3, svg.Split("<circle", StringSplitOptions.None).Length - 1);
        Assert.Contains(">250</text>", svg, StringComparison.Ordinal); // the latest value written out
    }
}
