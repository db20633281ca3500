using System.Globalization;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Indicators;
using Gem.Monitor.Statistics;

namespace Gem.Monitor.Social;

/// <summary>One gemeente in the need-and-deprivation regression.</summary>
/// <param name="MentalComplaints">% of adults with psychological complaints (MHI-5 ≤ 60), Gezondheidsmonitor 2022.</param>
public sealed record NeedInput(string Gemeente, double GgzPerPersonYear, double MentalComplaints, double SesScore, double Households);

/// <summary>Observed against the expenditure expected from need and deprivation, with its place in the residual funnel.</summary>
public sealed record NeedResidual(string Gemeente, double Observed, double Expected, double MentalComplaints, double SesScore, double Households, FunnelLimit Limit, FunnelPosition Position)
{
    public double Ratio => Observed / Expected;

    public double Residual => Observed - Expected;
}

/// <summary>The fitted model, each gemeente's observed vs expected, and the deprivation-only model on the same gemeenten for comparison.</summary>
public sealed record NeedResult(int Year, RegressionFit Fit, RegressionFit DeprivationOnly, IReadOnlyList<NeedResidual> Gemeenten);

/// <summary>
/// "Does spending fit need?" GGZ expenditure per insured person-year (Vektis) regressed on need — the share of adults with
/// psychological complaints (MHI-5 ≤ 60, CBS Gezondheidsmonitor 2022, a direct survey estimate of the same year as the Vektis
/// file) — and deprivation (SES-WOA, household-weighted mean over the gemeente's PC4 areas), weighted by households as the
/// deprivation model is (docs/decisions/110-social-monitor-sources.md gives the choice of predictors). The residual
/// funnel: under the model a gemeente's residual has variance σ²/w (w = households), so its limits are
/// <see cref="FunnelLimits.MeanLimits"/>(0, σ, w). Pure: no I/O except the input file for R.
/// </summary>
public static class NeedModel
{
    public const string Header = "gemeente;ggz_per_verzekerdejaar;psychische_klachten;ses_woa;huishoudens";

    public static IReadOnlyList<NeedInput> Inputs(GgzYear year, IReadOnlyList<SesGemeente> ses, SocialSeries mentalComplaints)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(ses);
        ArgumentNullException.ThrowIfNull(mentalComplaints);
        var byName = ses.ToDictionary(static s => s.Gemeente, StringComparer.Ordinal);
        return [.. year.Gemeenten
            .Where(g => byName.ContainsKey(g.Area) && mentalComplaints.Of(g.Area) is not null && double.IsFinite(g.GgzPerPersonYear))
            .Select(g => new NeedInput(g.Area, g.GgzPerPersonYear, mentalComplaints.Of(g.Area)!.Value, byName[g.Area].Score, byName[g.Area].Households))];
    }

    public static NeedResult Fit(int year, IReadOnlyList<NeedInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        double[] y = [.. inputs.Select(static i => i.GgzPerPersonYear)];
        double[] w = [.. inputs.Select(static i => i.Households)];
        double[] mhi = [.. inputs.Select(static i => i.MentalComplaints)];
        double[] ses = [.. inputs.Select(static i => i.SesScore)];
        RegressionFit fit = WeightedLeastSquares.Fit(y, [mhi, ses], ["psychische_klachten", "ses_woa"], w);
        RegressionFit deprivation = WeightedLeastSquares.Fit(y, [ses], ["ses_woa"], w);
        return new NeedResult(
            year,
            fit,
            deprivation,
            [.. inputs.Select((input, k) =>
            {
                FunnelLimit limit = FunnelLimits.MeanLimits(0, fit.ResidualStandardError, input.Households);
                double residual = input.GgzPerPersonYear - fit.Fitted[k];
                return new NeedResidual(input.Gemeente, input.GgzPerPersonYear, fit.Fitted[k], input.MentalComplaints, input.SesScore, input.Households, limit, FunnelLimits.Classify(residual, limit));
            })]);
    }

    /// <summary>Writes the regression input (semicolon-separated, round-trip doubles) for R and for review.</summary>
    public static void WriteInputs(IReadOnlyList<NeedInput> inputs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header + "\n");
        foreach (NeedInput i in inputs)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i.Gemeente};{i.GgzPerPersonYear:R};{i.MentalComplaints:R};{i.SesScore:R};{i.Households:R}\n"));
        }
    }

    public static IReadOnlyList<NeedInput> ReadInputs(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException($"Expected header '{Header}', found '{header}'.");
        }

        var list = new List<NeedInput>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(';');
            list.Add(new NeedInput(
                f[0],
                double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return list;
    }
}

/// <summary>One gemeente's GGZ spending against need next to the reach of Wmo and youth care.</summary>
public sealed record CoherenceRow(string Gemeente, double GgzRatio, double? WmoPer1000, double? YouthCarePercent);

/// <summary>Is the social domain carrying what GGZ does not? Pearson correlations over the gemeenten that have all three figures.</summary>
public sealed record CoherenceResult(IReadOnlyList<CoherenceRow> Gemeenten, double WmoCorrelation, int WmoCount, double YouthCareCorrelation, int YouthCareCount);

/// <summary>Coherence of GGZ spending (observed/expected from need and deprivation) with the reach of Wmo and youth care.</summary>
public static class Coherence
{
    public static CoherenceResult Compute(NeedResult need, SocialSeries wmo, SocialSeries youthCare)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(wmo);
        ArgumentNullException.ThrowIfNull(youthCare);
        CoherenceRow[] rows = [.. need.Gemeenten.Select(g => new CoherenceRow(g.Gemeente, g.Ratio, wmo.Of(g.Gemeente)?.Value, youthCare.Of(g.Gemeente)?.Value))];
        var w = rows.Where(static r => r.WmoPer1000 is not null).ToList();
        var y = rows.Where(static r => r.YouthCarePercent is not null).ToList();
        return new CoherenceResult(
            rows,
            Pearson([.. w.Select(static r => r.GgzRatio)], [.. w.Select(static r => r.WmoPer1000!.Value)]),
            w.Count,
            Pearson([.. y.Select(static r => r.GgzRatio)], [.. y.Select(static r => r.YouthCarePercent!.Value)]),
            y.Count);
    }

    /// <summary>Pearson's correlation coefficient (as R's <c>cor(x, y)</c>).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 3)
        {
            throw new ArgumentException("Pearson's r needs two series of the same length, at least 3.", nameof(x));
        }

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
