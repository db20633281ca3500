using Gem.Core.Dashboard;
using Gem.Web.Dashboard;

namespace Gem.Web.Tests.Dashboard;

public sealed class DashboardCsvAndSvgTests
{
    [Fact]
    public void Write_NamesWithCommaQuoteOrFormula_AreQuotedAndDefused()
    {
        var table = new DashboardTable("groups", ["Persons"],
        [
            new DashboardRow("=HYPERLINK(\"x\")", [new Figure(FigureKind.Count, 15)]),
            new DashboardRow("Praktijk \"De Hooiberg\", Oldebroek", [Figure.Small()]),
        ]);

        var csv = DashboardCsv.Write(table, k => k, r => r.Label);

        Assert.Equal("Label,Persons\r\n\"'=HYPERLINK(\"\"x\"\")\",15\r\n\"Praktijk \"\"De Hooiberg\"\", Oldebroek\",< 10\r\n", csv);
    }

    [Theory]
    [InlineData("-0.156", "-0.156")]
    [InlineData("-12", "-12")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("-1E-05", "-1E-05")]
    [InlineData("-Infinity", "'-Infinity")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=1", "'=1")]
    public void Quote_NegativeNumbersStayNumbers_OnlyTextIsDefused(string value, string expected)
    {
        Assert.Equal(expected, Gem.Web.Hosting.CsvCell.Quote(value));
    }

    [Fact]
    public void Bars_SuppressedRow_HasTextButNoBar()
    {
        var svg = DashboardSvg.Bars("c", "Titel", "Beschrijving", [("A", new Figure(FigureKind.Count, 20)), ("B", Figure.Small()), ("C", Figure.Hidden)]);

        Assert.Equal(1, svg.Split("<rect", StringSplitOptions.None).Length - 1);
        Assert.Contains("<title id=\"c-t\">Titel</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">&lt; 10</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">x</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_MeanAndInterval_DrawsDotWhiskerAndZeroLineOnOneScale()
    {
        var svg = DashboardSvg.Intervals("r", "Herstel", "Verandering", [("Hoop", new Figure(FigureKind.Mean, 1, 0.5, 1.5)), ("Zin", new Figure(FigureKind.Mean, -1, -1.5, -0.5)), ("Klein", Figure.Small())]);

        Assert.Equal(2, svg.Split("<circle", StringSplitOptions.None).Length - 1);
        // Scale -1.5..1.5 padded by 5%: zero sits in the middle of the 258-wide plot that starts at 4 (labels sit above the rows).
        Assert.Contains("<line x1=\"133\" x2=\"133\"", svg, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"211.2\"", svg, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"54.8\"", svg, StringComparison.Ordinal);
        Assert.Contains(">&lt; 10</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_PageFormat_WritesTheFigureInThePagesLanguage()
    {
        var svg = DashboardSvg.Intervals("r", "Herstel", "Verandering", [("Hoop", new Figure(FigureKind.Mean, 1.25, 0.5, 1.5))], f => "ongeveer " + f.Value.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")));

        Assert.Contains(">ongeveer 1,3</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_LongName_IsCutToFitTheLabelColumn()
    {
        var svg = DashboardSvg.Bars("c", "T", "D", [("Activeringscentrum De Draaischijf en Werkplaats Noord (fictief)", new Figure(FigureKind.Count, 20))]);

        Assert.Contains(">Activeringscentrum De Draaischijf en Werkplaats Noo…</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_OnAPhone_AreNarrowWithTheLabelAboveTheBarAndAShareAxisWithANamedGoal()
    {
        var svg = DashboardSvg.Bars("g", "Groepen", "D", [("Regio", new Figure(FigureKind.Share, 0.59)), ("Partner", new Figure(FigureKind.Share, 0.9))], 0.8, "Doel: 80%");

        Assert.Contains("viewBox=\"0 0 420 ", svg, StringComparison.Ordinal); // scaled to 360 px, a 13-unit font stays above 11 px
        foreach (var tick in new[] { ">0%<", ">25%<", ">50%<", ">75%<", ">100%<" }) Assert.Contains(tick, svg, StringComparison.Ordinal);
        Assert.Contains(">Doel: 80%</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">59%</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_SuppressedQuarter_BreaksTheLineAndSaysLessThanTen()
    {
        var svg = DashboardSvg.Trend("t", "Trend", "D", [("q1", new Figure(FigureKind.Share, 0.5)), ("q2", Figure.Small()), ("q3", new Figure(FigureKind.Share, 0.7))], 0.8, "Doel: 80%");

        Assert.Equal(2, svg.Split("<circle", StringSplitOptions.None).Length - 1);
        var line = System.Text.RegularExpressions.Regex.Match(svg, "<path d=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(2, line.Count(c => c == 'M')); // two pieces of line, none through the hidden quarter
        Assert.Contains(">&lt; 10</text>", svg, StringComparison.Ordinal);
    }
}
