using Gem.Monitor.Deprivation;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Statistics;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Indicators;

public class RegionComparisonTests
{
    private static readonly IReadOnlySet<VektisCost> s_columns = new HashSet<VektisCost> { VektisCost.ConsultenGgz, VektisCost.IntramuraalVerblijfGgz };

    /// <summary>A crafted 2022 year: per gemeente two strata (M/V) with insured, person-years and GGZ euros (consultations).</summary>
    private static MonitorYear Year(params (string Area, double Insured, double Euros, double Ses)[] gemeenten)
    {
        var strata = new List<GgzStratum>();
        foreach (var (area, insured, euros, _) in gemeenten)
        {
            strata.Add(new GgzStratum(area, "M", "18-64", Amounts(insured * 0.4, euros * 0.3)));
            strata.Add(new GgzStratum(area, "V", "18-64", Amounts(insured * 0.6, euros * 0.7)));
        }

        var national = strata.GroupBy(static s => (s.Sex, s.AgeBand)).Select(static g => new GgzStratum("Nederland", g.Key.Sex, g.Key.AgeBand, g.Aggregate(GgzAmounts.Zero, static (a, s) => a + s.Amounts))).ToList();
        var indicators = gemeenten.Select(g => new GgzIndicator(2022, g.Area, GgzScheme.Zorgprestatiemodel, strata.Where(s => s.Area == g.Area).Aggregate(GgzAmounts.Zero, static (a, s) => a + s.Amounts), s_columns)).ToList();
        var total = indicators.Aggregate(GgzAmounts.Zero, static (a, g) => a + g.Amounts);
        var ggz = new GgzYear(2022, GgzScheme.Zorgprestatiemodel, new GgzIndicator(2022, "Nederland", GgzScheme.Zorgprestatiemodel, total, s_columns), indicators, strata, national, GgzAmounts.Zero);
        var inputs = gemeenten.Select(g => new DeprivationInput(g.Area, indicators.Single(i => i.Area == g.Area).GgzPerPersonYear, g.Ses, g.Insured / 2)).ToList();
        return new MonitorYear(ggz, StandardisedExpenditure.Compute(ggz), 2022, DeprivationModel.Fit(2022, inputs));
    }

    private static GgzAmounts Amounts(double insured, double euros) => new(insured, insured, euros * 4, 0, 0, 0, euros, 0, 0, 0);

    private static readonly MonitorYear s_year = Year(
        ("Aa", 1000, 250_000, -0.1),
        ("Bb", 2000, 400_000, 0.1),
        ("Cc", 7, 3_000, 0.0),      // fewer than 10 insured
        ("Dd", 40, 9_000, 0.2),
        ("Ee", 5000, 1_500_000, -0.3));

    [Fact]
    public void Compute_GemeenteUnderTenInsured_IsHiddenWithASecondCellSoTheTotalDoesNotRevealIt()
    {
        RegionComparison c = RegionComparison.Compute(s_year, "Regio", ["Dd", "Cc", "Aa"], new DisclosureControl());

        Assert.Equal(["Aa", "Cc", "Dd"], c.Gemeenten.Select(static r => r.Area));
        ComparisonRow cc = c.Gemeenten.Single(static r => r.Area == "Cc");
        Assert.False(cc.Published);
        Assert.Null(cc.Insured);
        ComparisonRow dd = c.Gemeenten.Single(static r => r.Area == "Dd");
        Assert.False(dd.Published); // secondary: the smallest other cell, else Cc = region − Aa − Dd
        Assert.True(c.Region.Published);
        Assert.Equal(1045, c.Region.Insured); // 1047 rounded to 5
        Assert.Equal(1000, c.Gemeenten[0].Insured);
        Assert.Equal(0, c.Nation.Insured % 5);
    }

    [Fact]
    public void Compute_Region_SumsAmountsAndCombinesStandardisationAndDeprivation()
    {
        RegionComparison c = RegionComparison.Compute(s_year, "Regio", ["Aa", "Bb", "Onbekend"], new DisclosureControl());

        Assert.Equal(["Onbekend"], c.Missing);
        Assert.Equal((250_000.0 + 400_000) / 3000, c.Region.Indicator.GgzPerPersonYear, 9);
        Assert.Equal(1, c.Region.Indicator.FractionConsultations, 9);
        StandardisedArea a = c.Gemeenten[0].Standardised!, b = c.Gemeenten[1].Standardised!;
        StandardisedArea r = c.Region.Standardised!;
        Assert.Equal((a.Observed + b.Observed) / (a.Expected + b.Expected), r.Index, 12);
        Assert.Equal(3000, r.PersonYears, 9);
        Assert.Equal(FunnelLimits.Classify(r.StandardisedMean, FunnelLimits.MeanLimits(s_year.Standardised.NationalMean, s_year.Standardised.PersonSd, 3000)), r.Position);
        DeprivationResidual da = c.Gemeenten[0].Deprivation!, db = c.Gemeenten[1].Deprivation!;
        Assert.Equal(((da.Expected * 1000) + (db.Expected * 2000)) / 3000, c.Region.Deprivation!.Expected, 9);
        Assert.Equal(((-0.1 * 500) + (0.1 * 1000)) / 1500, c.Region.Deprivation.SesScore, 12);
        Assert.Equal(c.Region.Indicator.GgzPerPersonYear, c.Region.Deprivation.Observed, 9);
        Assert.Same(s_year.Ggz.National, c.Nation.Indicator);
    }

    [Fact]
    public void IndexInterval_IsTheNormalIntervalOfTheStandardisedMeanOverTheNationalMean()
    {
        StandardisedExpenditureResult std = s_year.Standardised;
        StandardisedArea a = std.Areas.Single(static x => x.Gemeente == "Bb");

        (double lower, double upper) = std.IndexInterval(a);

        (double ml, double mu) = FunnelLimits.Mean(a.StandardisedMean, std.PersonSd, a.PersonYears, 0.95);
        Assert.Equal(ml / std.NationalMean, lower, 12);
        Assert.Equal(mu / std.NationalMean, upper, 12);
        Assert.InRange(a.Index, lower, upper);
    }

    [Fact]
    public void YearFor_PairsEachVektisYearWithTheClosestSesYear()
    {
        SesPc4[] rows = [new(2021, "1011", 100, 0.1), new(2022, "1011", 100, 0.2)];
        Assert.Equal(2022, SesWoa.YearFor(rows, 2022));
        Assert.Equal(2021, SesWoa.YearFor(rows, 2021));
        Assert.Equal(2021, SesWoa.YearFor(rows, 2014));
    }

    [Fact]
    public void SvgMap_RegionBounds_DrawsTheRegionOverTheWholeWidth()
    {
        var square = new GeoFeature("A", [[(5.6, 52.3), (5.8, 52.3), (5.8, 52.5), (5.6, 52.5), (5.6, 52.3)]]);
        GeoBounds bounds = GeoBounds.Around([square], margin: 0);
        Assert.Equal(new GeoBounds(5.6, 5.8, 52.3, 52.5), bounds);

        string path = new SvgMap(bounds: bounds).PathOf(square);
        Assert.StartsWith("M0 ", path, StringComparison.Ordinal); // west edge at x = 0
        Assert.Contains("L520 0L0 0", path, StringComparison.Ordinal); // north-east corner at the full width, north at y = 0
        Assert.NotEqual(path, new SvgMap().PathOf(square)); // the default is still the whole country
    }
}
