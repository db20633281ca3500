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

    [Fact]
    public void Bars_SuppressedRow_HasTextButNoBar()
    {
        var svg = DashboardSvg.Bars("c", "Titel", "Beschrijving", [("A", new Figure(FigureKind.Count, 20)), ("B", Figure.Small()), ("C", Figure.Hidden)]);

        Assert.Equal(1, svg.Split("<rect", StringSplitOptions.None).Length - 1);
        Assert.Contains("<title id=\"c-t\">Titel</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">&lt; 10</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">x</text>", svg, StringComparison.Ordinal);
    }
}
