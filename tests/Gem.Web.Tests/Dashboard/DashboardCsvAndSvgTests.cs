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
        Assert.Equal(expected, DashboardCsv.Quote(value));
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
        // Scale -1.5..1.5 padded by 5%: zero sits in the middle of the 320-wide plot that starts at 230.
        Assert.Contains("<line x1=\"390\" x2=\"390\"", svg, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"487\"", svg, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"293\"", svg, StringComparison.Ordinal);
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
        var svg = DashboardSvg.Bars("c", "T", "D", [("Activeringscentrum De Draaischijf (fictief)", new Figure(FigureKind.Count, 20))]);

        Assert.Contains(">Activeringscentrum De Draaischi…</text>", svg, StringComparison.Ordinal);
    }
}
