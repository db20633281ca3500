using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Gem.Web.Tests.Monitor;

/// <summary>The monitor's charts read without the table: sane axes, a colour legend, named region points, a trend over the years.</summary>
public sealed partial class MonitorChartTests(MonitorWebFixture fixture) : IClassFixture<MonitorWebFixture>
{
    [GeneratedRegex("<text [^>]*text-anchor=\"end\">([^<]*)</text>")] private static partial Regex EndAnchoredText();
    [GeneratedRegex("<text x=\"([0-9.]+)\" [^>]*text-anchor=\"middle\">([^<]*)</text>")] private static partial Regex MiddleText();

    private async Task<string> MonitorAsync()
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/monitor");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Svg(string html, string id)
    {
        var at = html.IndexOf($"<svg id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "missing svg " + id);
        return html[at..(html.IndexOf("</svg>", at, StringComparison.Ordinal) + 6)];
    }

    [Fact]
    public async Task Funnel_SpendingCannotBeNegative_HasNoTickBelowZeroAndRoundTicks()
    {
        var funnel = Svg(await MonitorAsync(), "funnel-ggz");

        var yTicks = EndAnchoredText().Matches(funnel).Select(m => m.Groups[1].Value).Where(t => t.Length > 0 && (char.IsDigit(t[0]) || t[0] == '-')).ToList();
        Assert.NotEmpty(yTicks);
        Assert.DoesNotContain(yTicks, t => t.StartsWith('-'));
        foreach (var tick in yTicks)
        {
            var value = double.Parse(tick, NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL"));
            Assert.True(value % 100 == 0 || value % 50 == 0 || value % 20 == 0, $"tick {tick} is not round");
        }
    }

    [Fact]
    public async Task Funnel_AxisLabels_StayInsideTheDrawing()
    {
        var funnel = Svg(await MonitorAsync(), "funnel-ggz");

        // The long y-axis label is written above the plot, not rotated into a 316-unit tall column.
        Assert.DoesNotContain("rotate(-90)", funnel, StringComparison.Ordinal);
        Assert.Contains(">€ per verzekerdejaar (rekening houdend met leeftijd en geslacht)</text>", funnel, StringComparison.Ordinal);
        // No centred tick label sits so close to the right edge (640) that it would be cut off.
        foreach (Match m in MiddleText().Matches(funnel))
        {
            var x = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(x + (m.Groups[2].Value.Length * 3.5) <= 640, $"'{m.Groups[2].Value}' at {x} runs past the edge");
        }
    }

    [Fact]
    public async Task Funnel_HasAColourLegendAndNamesTheRegionsPoints()
    {
        var funnel = Svg(await MonitorAsync(), "funnel-ggz");

        var legend = funnel[funnel.IndexOf("<g class=\"legend\"", StringComparison.Ordinal)..];
        foreach (var words in new[] { "boven de 99,8%-grens", "boven de 95%-grens", "binnen de grenzen", "onder de 95%-grens", "onder de 99,8%-grens", "Noordwest-Veluwe: de regio als geheel" })
            Assert.Contains(">" + words + "</text>", legend, StringComparison.Ordinal);
        var tags = funnel[funnel.IndexOf("<g class=\"tags\"", StringComparison.Ordinal)..];
        foreach (var name in new[] { "Elburg", "Ermelo", "Harderwijk", "Nunspeet", "Oldebroek", "Putten", "Noordwest-Veluwe" })
            Assert.Contains(">" + name + "</text>", tags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_ShowsEveryYearAndSaysInWordsThat2021IsMissing()
    {
        var html = await MonitorAsync();
        var trend = Svg(html, "trend-ggz");

        for (var year = 2014; year <= 2022; year++) Assert.Contains($">{year}</text>", trend, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(trend, "class=\"missing-year\""));
        Assert.Contains(">geen cijfers</text>", trend, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(trend, "<path d=\"M").Count); // the region and the nation
        Assert.Equal(2, Regex.Matches(Regex.Match(trend, "<path d=\"([^\"]+)\"").Groups[1].Value, "M").Count); // broken at 2021
        Assert.Contains("Geen cijfers voor 2021: dat jaar zit niet in de Vektis-bestanden", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"table-trend\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_ScrollBoxes_AreReachableByKeyboardAndNamed()
    {
        var html = await MonitorAsync();

        var boxes = Regex.Matches(html, "<div class=\"table-wrap\"[^>]*>").Select(m => m.Value).ToList();
        Assert.True(boxes.Count >= 4, $"{boxes.Count} scroll boxes");
        Assert.All(boxes, b => Assert.Matches("tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\"", b));
    }
}
