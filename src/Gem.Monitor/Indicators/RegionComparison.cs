using Gem.Monitor.Disclosure;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Indicators;

/// <summary>What a row of the comparison describes.</summary>
public enum ComparisonLevel
{
    Gemeente,
    Region,
    Nation,
}

/// <summary>
/// One row of a region's comparison with the nation. When <see cref="Published"/> is false the row rests on fewer than
/// 10 insured persons (or hides one by secondary suppression): show none of its figures.
/// </summary>
/// <param name="Insured">Insured persons rounded to 5; null when suppressed.</param>
/// <param name="Standardised">Age–sex standardisation (null for the nation, whose index is 1 by definition).</param>
/// <param name="IndexInterval">95% interval of the index observed/expected.</param>
/// <param name="Deprivation">Observed against expected from SES-WOA (null where the gemeente had no SES-WOA score, and for the nation).</param>
public sealed record ComparisonRow(
    string Area,
    ComparisonLevel Level,
    bool Published,
    long? Insured,
    GgzIndicator Indicator,
    StandardisedArea? Standardised,
    (double Lower, double Upper)? IndexInterval,
    DeprivationResidual? Deprivation);

/// <summary>A region (its gemeenten) next to the nation for one Vektis year, after disclosure control.</summary>
/// <param name="Missing">Gemeenten of the region that this Vektis year does not have.</param>
public sealed record RegionComparison(
    int Year,
    int SesYear,
    GgzScheme Scheme,
    IReadOnlyList<ComparisonRow> Gemeenten,
    ComparisonRow Region,
    ComparisonRow Nation,
    IReadOnlyList<string> Missing)
{
    /// <summary>The gemeenten, then the region, then the nation.</summary>
    public IEnumerable<ComparisonRow> Rows => Gemeenten.Append(Region).Append(Nation);

    /// <summary>
    /// Compares the region's gemeenten and their sum with the nation. Insured counts go through
    /// <see cref="DisclosureControl.ProtectList"/> with the region as total (primary and secondary suppression, rounding);
    /// a row whose count is not published shows nothing.
    /// </summary>
    public static RegionComparison Compute(MonitorYear year, string regionName, IEnumerable<string> gemeenten, DisclosureControl control)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(gemeenten);
        ArgumentNullException.ThrowIfNull(control);
        GgzYear ggz = year.Ggz;
        var byArea = ggz.Gemeenten.ToDictionary(static g => g.Area, StringComparer.Ordinal);
        var std = year.Standardised.Areas.ToDictionary(static a => a.Gemeente, StringComparer.Ordinal);
        var dep = year.Deprivation.Gemeenten.ToDictionary(static a => a.Gemeente, StringComparer.Ordinal);
        var wanted = gemeenten.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var present = wanted.Where(byArea.ContainsKey).Select(g => byArea[g]).ToList();
        if (present.Count == 0)
        {
            throw new ArgumentException($"None of the region's gemeenten ({string.Join(", ", wanted)}) is in Vektis {ggz.Year}.", nameof(gemeenten));
        }

        ProtectedTable table = control.ProtectList([.. present.Select(static g => (long)Math.Round(g.Amounts.Insured))]);
        var rows = new List<ComparisonRow>();
        for (int i = 0; i < present.Count; i++)
        {
            GgzIndicator g = present[i];
            long? insured = table.Published(i, 0);
            StandardisedArea? s = std.GetValueOrDefault(g.Area);
            rows.Add(new ComparisonRow(g.Area, ComparisonLevel.Gemeente, insured is not null, insured, g, s, s is null ? null : year.Standardised.IndexInterval(s), dep.GetValueOrDefault(g.Area)));
        }

        GgzAmounts sum = present.Aggregate(GgzAmounts.Zero, static (a, g) => a + g.Amounts);
        var regionIndicator = new GgzIndicator(ggz.Year, regionName, ggz.Scheme, sum, ggz.National.Columns);
        var stdParts = present.Select(g => std.GetValueOrDefault(g.Area)).ToList();
        StandardisedArea? regionStd = stdParts.All(static s => s is not null) ? year.Standardised.Combine(regionName, stdParts!) : null;
        var depParts = present.Select(g => (Gemeente: dep.GetValueOrDefault(g.Area), g.Amounts.PersonYears)).ToList();
        DeprivationResidual? regionDep = depParts.All(static p => p.Gemeente is not null)
            ? DeprivationModel.Combine(regionName, [.. depParts.Select(static p => (p.Gemeente!, p.PersonYears))])
            : null;
        long? regionInsured = table.HasColumnTotals ? table.PublishedGrandTotal : table.Published(0, 0);
        var region = new ComparisonRow(regionName, ComparisonLevel.Region, regionInsured is not null, regionInsured, regionIndicator, regionStd, regionStd is null ? null : year.Standardised.IndexInterval(regionStd), regionDep);

        long nationInsured = (long)Math.Round(ggz.National.Amounts.Insured);
        bool nationPublished = control.CanPublish(nationInsured);
        var nation = new ComparisonRow(GgzExpenditure.Nederland, ComparisonLevel.Nation, nationPublished, nationPublished ? control.Round(nationInsured) : null, ggz.National, null, null, null);
        return new RegionComparison(ggz.Year, year.SesYear, ggz.Scheme, rows, region, nation, [.. wanted.Where(g => !byArea.ContainsKey(g))]);
    }
}
