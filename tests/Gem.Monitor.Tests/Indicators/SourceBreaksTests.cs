using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Indicators;

/// <summary>Year-on-year plausibility of the national series (issue 18, item 2).</summary>
public sealed class SourceBreaksTests
{
    private static readonly IReadOnlySet<VektisCost> Legacy = new HashSet<VektisCost> { VektisCost.GeneralistischeBasisGgz, VektisCost.SpecialistischeGgz, VektisCost.LangdurigeGgz, VektisCost.Farmacie };

    /// <summary>A national year per 1,000 person-years with the given euros per person-year.</summary>
    private static GgzYear Year(int year, double basic, double specialist, double longTerm, double zvw)
    {
        const double py = 1000;
        var amounts = new GgzAmounts(1000, py, zvw * py, basic * py, specialist * py, longTerm * py, 0, 0, 0, 0);
        var national = new GgzIndicator(year, GgzExpenditure.Nederland, GgzScheme.BasicSpecialist, amounts, Legacy);
        return new GgzYear(year, GgzScheme.BasicSpecialist, national, [], [], [], GgzAmounts.Zero);
    }

    [Fact]
    public void Find_A2020To2021LikeBreak_IsReportedWithTheNumbers()
    {
        // As in the hold-out review: GGZ 231.67 → 165.01 → 255.03 per person-year, specialist about 209 → 144, Zvw rising.
        GgzYear[] years =
        [
            Year(2019, 13.69, 193.56, 8.97, 2681.5),
            Year(2020, 13.54, 209.16, 8.97, 2611.7),
            Year(2021, 12.01, 144.0, 9.0, 2700.0),
            Year(2022, 13.0, 233.0, 9.03, 2902.1),
        ];

        IReadOnlyList<SourceBreak> breaks = SourceBreaks.Find(years);

        SourceBreak total = Assert.Single(breaks, static b => b is { FromYear: 2020, Measure: "ggz" });
        Assert.Equal(231.67, total.From, 9);
        Assert.Equal(165.01, total.To, 9);
        Assert.Equal((165.01 / 231.67) - 1, total.Change, 12);
        Assert.True(total.ZvwChange > 0);
        Assert.Single(breaks, static b => b is { FromYear: 2020, Measure: "kosten_specialistische_ggz" });
        Assert.Single(breaks, static b => b is { FromYear: 2021, ToYear: 2022, Measure: "ggz" });
        Assert.DoesNotContain(breaks, static b => b.FromYear == 2019); // +7%: a change in care, not a break
        Assert.DoesNotContain(breaks, static b => b.Measure == "kosten_langdurige_ggz"); // under 5% of GGZ: not judged alone
        Assert.Equal(
            "Breuk in de brongegevens (Vektis), niet in de regio: alle ggz 2020 → 2021: € 231,67 → € 165,01 per verzekerdejaar (−28,8%); alle Zvw-kosten per verzekerdejaar +3,4%.",
            SourceBreaks.Dutch(total));
    }

    [Fact]
    public void Find_ShippedYears_NoBreak()
    {
        var names = Gem.Monitor.Gemeenten.GemeenteNames.Default;
        IReadOnlyList<GgzYear> years = [.. VektisReader.ReadFolder(RepoPaths.Vektis).Select(f => GgzExpenditure.Compute(f, names))];

        Assert.Empty(SourceBreaks.Find(years));
    }

    [Fact]
    public void Find_GapOfTwoYears_ComparesPerYear()
    {
        // +44% over two years is +20% a year: on the threshold, not beyond it; +50% is beyond.
        Assert.Empty(SourceBreaks.Find([Year(2018, 10, 100, 0, 2000), Year(2020, 14.4, 144, 0, 2000)]));
        Assert.Single(SourceBreaks.Find([Year(2018, 10, 100, 0, 2000), Year(2020, 15, 150, 0, 2000)]), static b => b.Measure == "ggz");
    }
}
