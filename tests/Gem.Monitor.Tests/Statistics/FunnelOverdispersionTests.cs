using System.Globalization;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Statistics;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Statistics;

/// <summary>Funnel limits with Spiegelhalter's over-dispersion adjustment, against R on the real gemeente data (issue 18, item 5).</summary>
public sealed class FunnelOverdispersionTests
{
    private static StandardisedExpenditureResult Shipped2022() =>
        StandardisedExpenditure.Compute(GgzExpenditure.Compute(VektisReader.ReadFile(Path.Combine(RepoPaths.Vektis, "vektis_2022_gemeente.csv"), 2022), GemeenteNames.Default));

    [Fact]
    public void FunnelInput_ShippedData_EqualsTheCommittedRInput()
    {
        StandardisedExpenditureResult std = Shipped2022();
        string path = Path.Combine(Golden.Folder, "funnel_input.csv");
        if (Environment.GetEnvironmentVariable("GEM_UPDATE_GOLDEN") == "1")
        {
            using var w = new StreamWriter(path);
            w.Write("gemeente;verzekerdejaren;gestandaardiseerd;nationaal;sd_persoon\n");
            foreach (StandardisedArea a in std.Areas)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"{a.Gemeente};{a.PersonYears:R};{a.StandardisedMean:R};{std.NationalMean:R};{std.PersonSd:R}\n"));
            }
        }

        Golden input = Golden.Load("funnel_input.csv");
        Assert.Equal(std.Areas.Count, input.Rows.Count);
        for (int i = 0; i < std.Areas.Count; i++)
        {
            Assert.Equal(input.Text(input.Rows[i], "gemeente"), std.Areas[i].Gemeente);
            Golden.Close(input.Number(input.Rows[i], "gestandaardiseerd"), std.Areas[i].StandardisedMean, 1e-9, std.Areas[i].Gemeente);
        }
    }

    [Fact]
    public void Limits_ShippedData_MatchR()
    {
        StandardisedExpenditureResult std = Shipped2022();
        Golden summary = Golden.Load("funnel_overdispersion_summary.csv");
        string[] s = summary.Rows[0];
        Golden.Close(summary.Number(s, "phi"), std.Overdispersion.Phi, 1e-6, "phi");
        Golden.Close(summary.Number(s, "tau2"), std.Overdispersion.Tau2, 1e-6, "tau2");
        Assert.Equal((int)summary.Number(s, "units"), std.Overdispersion.Units);
        Assert.Equal((int)summary.Number(s, "flagged_plain"), std.PlainPositions.Count(static p => p is FunnelPosition.Above998 or FunnelPosition.Below998));
        Assert.Equal((int)summary.Number(s, "flagged_adjusted"), std.Areas.Count(static a => a.Position is FunnelPosition.Above998 or FunnelPosition.Below998));

        Golden limits = Golden.Load("funnel_overdispersion.csv");
        for (int i = 0; i < std.Areas.Count; i++)
        {
            string[] row = limits.Rows[i];
            FunnelLimit l = std.Areas[i].Limits;
            Assert.Equal(limits.Text(row, "gemeente"), std.Areas[i].Gemeente);
            Golden.Close(limits.Number(row, "lower95"), l.Lower95, 1e-6, "lower95 " + std.Areas[i].Gemeente);
            Golden.Close(limits.Number(row, "upper95"), l.Upper95, 1e-6, "upper95 " + std.Areas[i].Gemeente);
            Golden.Close(limits.Number(row, "lower998"), l.Lower998, 1e-6, "lower998 " + std.Areas[i].Gemeente);
            Golden.Close(limits.Number(row, "upper998"), l.Upper998, 1e-6, "upper998 " + std.Areas[i].Gemeente);
        }
    }

    [Fact]
    public void Limits_ShippedData_FlagAPlausibleShareAndNeverGoBelowZero()
    {
        StandardisedExpenditureResult std = Shipped2022();
        int plain = std.PlainPositions.Count(static p => p is FunnelPosition.Above998 or FunnelPosition.Below998);
        int adjusted = std.Areas.Count(static a => a.Position is FunnelPosition.Above998 or FunnelPosition.Below998);

        Assert.True(plain > std.Areas.Count / 10, $"without adjustment {plain} of {std.Areas.Count}");
        Assert.InRange(adjusted, 1, std.Areas.Count / 20); // at most 5% outside the 99.8% limits
        Assert.All(std.Areas, static a => Assert.True(a.Limits.Lower998 >= 0));
        Assert.Equal(0, std.Limits(1).Lower998); // at one person-year the plain lower limit is far below €0
    }

    [Fact]
    public void Estimate_NoExtraVariation_GivesZeroTau()
    {
        // Values exactly at the target ± one standard error: φ = 1, so τ² = max(0, (I − (I − 1)) / …) is small but positive;
        // values at the target: φ = 0 → τ² = 0.
        OverdispersionFit fit = Overdispersion.Estimate([10, 10, 10, 10], [1, 2, 3, 4], 10);
        Assert.Equal(0, fit.Phi);
        Assert.Equal(0, fit.Tau2);
        FunnelLimit l = Overdispersion.MeanLimits(10, 2, 4, 0);
        Assert.Equal(FunnelLimits.MeanLimits(10, 2, 4), l);
    }
}
