using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Social;
using Gem.Monitor.Statistics;
using Gem.Monitor.Tests.Statistics;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Social;

/// <summary>The need-and-deprivation model on real data (Vektis 2022, MHI-5 2022, SES-WOA 2022) against R's lm (R/need.R), 1e-6.</summary>
public class NeedModelTests
{
    internal static IReadOnlyList<NeedInput> BuildFromShippedData()
    {
        GgzYear ggz = GgzExpenditure.Compute(VektisReader.ReadFile(Path.Combine(RepoPaths.Vektis, "vektis_2022_gemeente.csv"), 2022), GemeenteNames.Default);
        Pc4Crosswalk crosswalk = Pc4Crosswalk.Load(Path.Combine(RepoPaths.Datasets, "cbs-geo", "postcodes_pc2_pc3_pc4.csv"), GemeenteNames.Default);
        var ses = SesWoa.ByGemeente(SesWoa.Read(Path.Combine(RepoPaths.Datasets, "cbs-ses-woa", "SES_PC4_2021-2022.csv")), 2022, crosswalk);
        CbsTable gm = CbsTable.ReadFile(Path.Combine(RepoPaths.Datasets, "cbs-gezondheidsmonitor", "85563NED.csv"));
        SocialSeries mhi = CbsSocialReader.Gezondheidsmonitor(gm, SocialData.MentalComplaints, "2022", SocialData.MentalComplaints.Column, GemeenteNames.Default);
        return NeedModel.Inputs(ggz, ses, mhi);
    }

    [Fact]
    public void Inputs_ShippedData_EqualTheCommittedRInput()
    {
        IReadOnlyList<NeedInput> built = BuildFromShippedData();
        string path = Path.Combine(Golden.Folder, "need_input.csv");
        if (Environment.GetEnvironmentVariable("GEM_UPDATE_GOLDEN") == "1")
        {
            using var w = new StreamWriter(path);
            NeedModel.WriteInputs(built, w);
        }

        using var r = new StreamReader(path);
        IReadOnlyList<NeedInput> committed = NeedModel.ReadInputs(r);
        Assert.InRange(built.Count, 320, 343);
        Assert.Equal(committed.Select(static c => c.Gemeente), built.Select(static b => b.Gemeente));
        for (int i = 0; i < built.Count; i++)
        {
            Golden.Close(committed[i].GgzPerPersonYear, built[i].GgzPerPersonYear, 1e-12, built[i].Gemeente);
            Assert.Equal(committed[i].MentalComplaints, built[i].MentalComplaints);
            Golden.Close(committed[i].SesScore, built[i].SesScore, 1e-12, built[i].Gemeente);
            Assert.Equal(committed[i].Households, built[i].Households);
        }
    }

    [Fact]
    public void Fit_CommittedRealData_MatchesRLmWithin1e6()
    {
        using var r = new StreamReader(Path.Combine(Golden.Folder, "need_input.csv"));
        AssertMatchesR(NeedModel.Fit(2022, NeedModel.ReadInputs(r)), Golden.Folder);
    }

    internal static void AssertMatchesR(NeedResult result, string folder)
    {
        var coef = Golden.Load("need_coefficients.csv", folder);
        Assert.Equal(3, coef.Rows.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(coef.Text(coef.Rows[k], "term"), result.Fit.Names[k]);
            Golden.Close(coef.Number(coef.Rows[k], "estimate"), result.Fit.Coefficients[k], 1e-6, "estimate " + result.Fit.Names[k]);
            Golden.Close(coef.Number(coef.Rows[k], "std_error"), result.Fit.StandardErrors[k], 1e-6, "std error " + result.Fit.Names[k]);
        }

        var summary = Golden.Load("need_summary.csv", folder);
        Golden.Close(summary.Number(summary.Rows[0], "sigma"), result.Fit.ResidualStandardError, 1e-6, "sigma");
        Golden.Close(summary.Number(summary.Rows[0], "r_squared"), result.Fit.RSquared, 1e-6, "r squared");
        Assert.Equal(summary.Number(summary.Rows[0], "df"), result.Fit.DegreesOfFreedom);
        var dep = Golden.Load("need_deprivation_only.csv", folder);
        Golden.Close(dep.Number(dep.Rows[0], "r_squared"), result.DeprivationOnly.RSquared, 1e-6, "deprivation-only r squared");

        var fitted = Golden.Load("need_fitted.csv", folder);
        Assert.Equal(fitted.Rows.Count, result.Gemeenten.Count);
        for (int i = 0; i < fitted.Rows.Count; i++)
        {
            Assert.Equal(fitted.Text(fitted.Rows[i], "gemeente"), result.Gemeenten[i].Gemeente);
            Golden.Close(fitted.Number(fitted.Rows[i], "fitted"), result.Gemeenten[i].Expected, 1e-6, result.Gemeenten[i].Gemeente);
        }
    }

    [Fact]
    public void Fit_ResidualFunnel_UsesSigmaOverRootHouseholds()
    {
        using var r = new StreamReader(Path.Combine(Golden.Folder, "need_input.csv"));
        NeedResult result = NeedModel.Fit(2022, NeedModel.ReadInputs(r));
        foreach (NeedResidual g in result.Gemeenten)
        {
            double half = 1.959963984540054 * result.Fit.ResidualStandardError / Math.Sqrt(g.Households);
            Assert.Equal(half, g.Limit.Upper95, 6);
            Assert.Equal(-half, g.Limit.Lower95, 6);
            Assert.Equal(FunnelLimits.Classify(g.Residual, g.Limit), g.Position);
        }

        // Need and deprivation together explain at least as much as deprivation alone (nested models).
        Assert.True(result.Fit.RSquared >= result.DeprivationOnly.RSquared);
    }

    [Fact]
    public void Pearson_KnownSeries_AsR()
    {
        // R: sprintf("%.17g", cor(c(1, 2, 3, 4, 5), c(2, 1, 4, 3, 6))) = 0.82199493652678635
        Assert.Equal(0.82199493652678635, Coherence.Pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 6]), 12);
        Assert.Throws<ArgumentException>(() => Coherence.Pearson([1, 2], [1, 2]));
    }
}
