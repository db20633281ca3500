using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Statistics;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Statistics;

/// <summary>The deprivation regression on real data (Vektis 2022, SES-WOA 2022) against R's lm, 1e-6.</summary>
public class DeprivationRegressionTests
{
    internal static IReadOnlyList<DeprivationInput> BuildFromShippedData()
    {
        GgzYear ggz = GgzExpenditure.Compute(VektisReader.ReadFile(Path.Combine(RepoPaths.Vektis, "vektis_2022_gemeente.csv"), 2022), GemeenteNames.Default);
        Pc4Crosswalk crosswalk = Pc4Crosswalk.Load(Path.Combine(RepoPaths.Datasets, "cbs-geo", "postcodes_pc2_pc3_pc4.csv"), GemeenteNames.Default);
        var ses = SesWoa.ByGemeente(SesWoa.Read(Path.Combine(RepoPaths.Datasets, "cbs-ses-woa", "SES_PC4_2021-2022.csv")), 2022, crosswalk);
        return DeprivationModel.Inputs(ggz, ses);
    }

    [Fact]
    public void Inputs_ShippedData_EqualTheCommittedRInput()
    {
        IReadOnlyList<DeprivationInput> built = BuildFromShippedData();
        string path = Path.Combine(Golden.Folder, "wls_input.csv");
        if (Environment.GetEnvironmentVariable("GEM_UPDATE_GOLDEN") == "1")
        {
            using var w = new StreamWriter(path);
            DeprivationModel.WriteInputs(built, w);
        }

        using var r = new StreamReader(path);
        IReadOnlyList<DeprivationInput> committed = DeprivationModel.ReadInputs(r);
        Assert.InRange(built.Count, 330, 343);
        Assert.Equal(committed.Select(static c => c.Gemeente), built.Select(static b => b.Gemeente));
        for (int i = 0; i < built.Count; i++)
        {
            Golden.Close(committed[i].GgzPerPersonYear, built[i].GgzPerPersonYear, 1e-12, built[i].Gemeente);
            Golden.Close(committed[i].SesScore, built[i].SesScore, 1e-12, built[i].Gemeente);
            Assert.Equal(committed[i].Households, built[i].Households);
        }
    }

    [Fact]
    public void Fit_CommittedRealData_MatchesRLmWithin1e6()
    {
        using var r = new StreamReader(Path.Combine(Golden.Folder, "wls_input.csv"));
        DeprivationResult result = DeprivationModel.Fit(2022, DeprivationModel.ReadInputs(r));
        AssertMatchesR(result, Golden.Folder);
    }

    internal static void AssertMatchesR(DeprivationResult result, string folder)
    {
        var coef = Golden.Load("wls_coefficients.csv", folder);
        Assert.Equal(2, coef.Rows.Count);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(coef.Text(coef.Rows[k], "term"), result.Fit.Names[k]);
            Golden.Close(coef.Number(coef.Rows[k], "estimate"), result.Fit.Coefficients[k], 1e-6, "estimate " + result.Fit.Names[k]);
            Golden.Close(coef.Number(coef.Rows[k], "std_error"), result.Fit.StandardErrors[k], 1e-6, "std error " + result.Fit.Names[k]);
        }

        var summary = Golden.Load("wls_summary.csv", folder);
        Golden.Close(summary.Number(summary.Rows[0], "sigma"), result.Fit.ResidualStandardError, 1e-6, "sigma");
        Golden.Close(summary.Number(summary.Rows[0], "r_squared"), result.Fit.RSquared, 1e-6, "r squared");
        Assert.Equal(summary.Number(summary.Rows[0], "df"), result.Fit.DegreesOfFreedom);

        var fitted = Golden.Load("wls_fitted.csv", folder);
        Assert.Equal(fitted.Rows.Count, result.Gemeenten.Count);
        for (int i = 0; i < fitted.Rows.Count; i++)
        {
            Assert.Equal(fitted.Text(fitted.Rows[i], "gemeente"), result.Gemeenten[i].Gemeente);
            Golden.Close(fitted.Number(fitted.Rows[i], "fitted"), result.Gemeenten[i].Expected, 1e-6, result.Gemeenten[i].Gemeente);
        }
    }

    [Fact]
    public void Fit_ExactLine_RecoversCoefficientsWithZeroResidual()
    {
        // y = 3 + 2x exactly, unequal weights: any correct WLS returns (3, 2) and R² = 1.
        RegressionFit fit = WeightedLeastSquares.Fit([5, 7, 9, 13], [[1, 2, 3, 5]], ["x"], [1, 10, 2, 7]);
        Assert.Equal(3, fit.Coefficients[0], 10);
        Assert.Equal(2, fit.Coefficients[1], 10);
        Assert.Equal(1, fit.RSquared, 10);
    }

    [Fact]
    public void Fit_WeightsChangeTheLine_TowardsHeavyPoints()
    {
        // Four points, not on a line; a heavy weight on the last point pulls the slope towards it.
        RegressionFit even = WeightedLeastSquares.Fit([1, 2, 2, 8], [[1, 2, 3, 4]], ["x"], [1, 1, 1, 1]);
        RegressionFit heavy = WeightedLeastSquares.Fit([1, 2, 2, 8], [[1, 2, 3, 4]], ["x"], [1, 1, 1, 100]);
        Assert.True(heavy.Fitted[3] > even.Fitted[3]);
        Assert.Equal(8, heavy.Fitted[3], 0);
    }

    [Fact]
    public void Fit_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedLeastSquares.Fit([1, 2], [[1, 2]], ["x"], [1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightedLeastSquares.Fit([1, 2, 3], [[1, 2, 4]], ["x"], [1, 0, 1]));
        Assert.Throws<ArgumentException>(() => WeightedLeastSquares.Fit([1, 2, 3, 4], [[1, 1, 1, 1]], ["x"], [1, 1, 1, 1]));
        Assert.Throws<ArgumentException>(() => WeightedLeastSquares.Fit([1, double.NaN, 3, 4], [[1, 2, 3, 4]], ["x"], [1, 1, 1, 1]));
    }
}
