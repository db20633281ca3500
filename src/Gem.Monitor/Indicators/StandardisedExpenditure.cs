using Gem.Monitor.Statistics;

namespace Gem.Monitor.Indicators;

/// <summary>A gemeente's age–sex standardised GGZ expenditure.</summary>
/// <param name="Observed">GGZ euros.</param>
/// <param name="Expected">Euros expected from its sex × age person-years at national rates.</param>
/// <param name="StandardisedMean">National mean × observed/expected: euro per person-year had it the national age–sex mix.</param>
public sealed record StandardisedArea(string Gemeente, double PersonYears, double Observed, double Expected, double StandardisedMean, FunnelLimit Limits, FunnelPosition Position)
{
    public double Index => Observed / Expected;
}

/// <param name="NationalMean">National GGZ euro per person-year (strata with sex and age).</param>
/// <param name="PersonSd">Pooled within-stratum standard deviation per person-year, estimated from the Vektis cells.</param>
/// <param name="Overdispersion">Spiegelhalter's additive random-effects fit over all gemeenten: the funnel limits include τ².</param>
/// <param name="PlainPositions">Each area's position against the limits without the over-dispersion adjustment (to report the difference).</param>
public sealed record StandardisedExpenditureResult(int Year, double NationalMean, double PersonSd, IReadOnlyList<StandardisedArea> Areas, OverdispersionFit Overdispersion, IReadOnlyList<FunnelPosition> PlainPositions)
{
    /// <summary>The funnel limits at a number of person-years: normal limits widened by τ², lower limits not below €0.</summary>
    public FunnelLimit Limits(double personYears) => Statistics.Overdispersion.MeanLimits(NationalMean, PersonSd, personYears, Overdispersion.Tau2);

    /// <summary>
    /// Confidence interval of an area's index (observed/expected): the normal interval of its standardised mean
    /// (± z·σ̄/√person-years, the funnel's own spread) divided by the national mean.
    /// </summary>
    public (double Lower, double Upper) IndexInterval(StandardisedArea area, double level = FunnelLimits.Level95)
    {
        ArgumentNullException.ThrowIfNull(area);
        (double lower, double upper) = FunnelLimits.Mean(area.StandardisedMean, PersonSd, area.PersonYears, level);
        return (lower / NationalMean, upper / NationalMean);
    }

    /// <summary>Several areas taken together (a region): observed and expected summed, limits at the summed person-years.</summary>
    public StandardisedArea Combine(string name, IEnumerable<StandardisedArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var list = areas.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Combine needs at least one area.", nameof(areas));
        }

        double py = list.Sum(static a => a.PersonYears), observed = list.Sum(static a => a.Observed), expected = list.Sum(static a => a.Expected);
        double standardised = NationalMean * observed / expected;
        FunnelLimit limits = Limits(py);
        return new StandardisedArea(name, py, observed, expected, standardised, limits, FunnelLimits.Classify(standardised, limits));
    }
}

/// <summary>
/// Indirect age–sex standardisation of GGZ expenditure per gemeente with a funnel for means (normal limits, widened by
/// Spiegelhalter's additive over-dispersion τ² and clamped at €0, <see cref="Overdispersion"/>).
/// The per-person standard deviation is not published by Vektis; it is estimated per stratum s from the cells c
/// (gemeente × s) as σ²_s = Σ n_c (x_c − x̄_s)² / (C_s − 1), which also contains true differences between gemeenten and
/// so widens the funnel (conservative); σ̄² = Σ N_s σ²_s / N.
/// </summary>
public static class StandardisedExpenditure
{
    public static StandardisedExpenditureResult Compute(GgzYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var rate = year.NationalStrata.ToDictionary(static s => (s.Sex, s.AgeBand), static s => s.Amounts.Ggz / s.Amounts.PersonYears);
        double totalPy = year.NationalStrata.Sum(static s => s.Amounts.PersonYears);
        double mean = year.NationalStrata.Sum(static s => s.Amounts.Ggz) / totalPy;

        double pooled = 0;
        foreach (var stratum in year.Strata.GroupBy(static s => (s.Sex, s.AgeBand)))
        {
            double r = rate[stratum.Key];
            var cells = stratum.Where(static c => c.Amounts.PersonYears > 0).ToList();
            if (cells.Count < 2)
            {
                continue;
            }

            double ss = cells.Sum(c => c.Amounts.PersonYears * Math.Pow((c.Amounts.Ggz / c.Amounts.PersonYears) - r, 2));
            double variance = ss / (cells.Count - 1);
            pooled += variance * cells.Sum(static c => c.Amounts.PersonYears);
        }

        double sd = Math.Sqrt(pooled / year.Strata.Sum(static s => s.Amounts.PersonYears));
        var raw = new List<(string Gemeente, double PersonYears, double Observed, double Expected, double Standardised)>();
        foreach (var g in year.Strata.GroupBy(static s => s.Area).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var strata = g.ToList();
            double expected = IndirectStandardisation.Expected(
                [.. strata.Select(static s => s.Amounts.PersonYears)],
                [.. strata.Select(s => rate[(s.Sex, s.AgeBand)])]);
            double observed = strata.Sum(static s => s.Amounts.Ggz);
            double py = strata.Sum(static s => s.Amounts.PersonYears);
            if (!(expected > 0) || !(py > 0))
            {
                continue;
            }

            raw.Add((g.Key, py, observed, expected, mean * observed / expected));
        }

        // Gemeenten differ by more than chance (care supply, institutions): widen the limits by Spiegelhalter's τ².
        OverdispersionFit over = Overdispersion.Estimate([.. raw.Select(static r => r.Standardised)], [.. raw.Select(r => sd / Math.Sqrt(r.PersonYears))], mean);
        var areas = raw.Select(r =>
        {
            FunnelLimit limits = Overdispersion.MeanLimits(mean, sd, r.PersonYears, over.Tau2);
            return new StandardisedArea(r.Gemeente, r.PersonYears, r.Observed, r.Expected, r.Standardised, limits, FunnelLimits.Classify(r.Standardised, limits));
        }).ToList();
        var plain = raw.Select(r => FunnelLimits.Classify(r.Standardised, FunnelLimits.MeanLimits(mean, sd, r.PersonYears))).ToList();
        return new StandardisedExpenditureResult(year.Year, mean, sd, areas, over, plain);
    }
}
