using Gem.Monitor.Vektis;

namespace Gem.Monitor.Indicators;

/// <summary>
/// A year-on-year change in the national Vektis figures too large to be a change in care: a break in the source data
/// (a new registration or a new product structure), not something a region did.
/// </summary>
/// <param name="Measure">"ggz" (all GGZ per insured person-year) or the Vektis cost column (e.g. kosten_specialistische_ggz).</param>
/// <param name="From">Euro per insured person-year in <paramref name="FromYear"/>.</param>
/// <param name="To">Euro per insured person-year in <paramref name="ToYear"/>.</param>
/// <param name="ZvwFrom">All Zvw costs per insured person-year in <paramref name="FromYear"/>, for context.</param>
/// <param name="ZvwTo">All Zvw costs per insured person-year in <paramref name="ToYear"/>.</param>
public sealed record SourceBreak(int FromYear, int ToYear, string Measure, double From, double To, double ZvwFrom, double ZvwTo)
{
    /// <summary>Relative change from <see cref="FromYear"/> to <see cref="ToYear"/>.</summary>
    public double Change => (To / From) - 1;

    /// <summary>Relative change of all Zvw costs per person-year over the same years.</summary>
    public double ZvwChange => (ZvwTo / ZvwFrom) - 1;

    /// <summary>Whether the break concerns this year (as the year before or after it).</summary>
    public bool Touches(int year) => year == FromYear || year == ToYear;
}

/// <summary>
/// Plausibility check on the national series (docs/monitor/README.md, "Breaks in the source"): between two consecutive
/// Vektis years present, GGZ euro per insured person-year, and each GGZ cost column with at least
/// <see cref="MinimumColumnShare"/> of GGZ spending in both years, may change by at most <see cref="Threshold"/> per
/// year (annualised over a gap); a larger change is reported as a break in the source data, with the numbers and the
/// change of all Zvw costs beside it. Pure.
/// </summary>
public static class SourceBreaks
{
    /// <summary>Largest plausible change per year: 20%. The shipped years 2014–2020 and 2022 stay within it (largest: −9.9%, 2014→2015).</summary>
    public const double Threshold = 0.20;

    /// <summary>Columns smaller than 5% of GGZ spending (innovation funds, long-term GGZ before 2022) are too small to judge alone.</summary>
    public const double MinimumColumnShare = 0.05;

    /// <summary>One Dutch sentence with the numbers (CLI, report): "Breuk in de bron: ggz 2020 → 2021: € 231,67 → € 165,01 per verzekerdejaar (−28,8%); alle Zvw-kosten +3,1%."</summary>
    public static string Dutch(SourceBreak b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        string what = b.Measure == "ggz" ? "alle ggz" : b.Measure.Replace("kosten_", string.Empty, StringComparison.Ordinal).Replace('_', ' ');
        return string.Format(
            nl,
            "Breuk in de brongegevens (Vektis), niet in de regio: {0} {1} → {2}: € {3:N2} → € {4:N2} per verzekerdejaar ({5:+0.0%;−0.0%}); alle Zvw-kosten per verzekerdejaar {6:+0.0%;−0.0%}.",
            what,
            b.FromYear,
            b.ToYear,
            b.From,
            b.To,
            b.Change,
            b.ZvwChange);
    }

    public static IReadOnlyList<SourceBreak> Find(IReadOnlyList<GgzYear> years, double threshold = Threshold)
    {
        ArgumentNullException.ThrowIfNull(years);
        var ordered = years.OrderBy(static y => y.Year).ToList();
        var breaks = new List<SourceBreak>();
        for (int i = 1; i < ordered.Count; i++)
        {
            GgzYear a = ordered[i - 1], b = ordered[i];
            GgzAmounts x = a.National.Amounts, y = b.National.Amounts;
            if (!(x.PersonYears > 0) || !(y.PersonYears > 0))
            {
                continue;
            }

            int gap = b.Year - a.Year;
            double zvwFrom = x.TotalZvw / x.PersonYears, zvwTo = y.TotalZvw / y.PersonYears;
            void Check(string measure, double from, double to)
            {
                if (from > 0 && to >= 0 && Math.Abs(Math.Pow(to / from, 1.0 / gap) - 1) > threshold)
                {
                    breaks.Add(new SourceBreak(a.Year, b.Year, measure, from, to, zvwFrom, zvwTo));
                }
            }

            Check("ggz", x.Ggz / x.PersonYears, y.Ggz / y.PersonYears);
            if (a.Scheme != b.Scheme)
            {
                continue; // a new column scheme: only the total compares
            }

            foreach (VektisCost column in a.National.Columns.Intersect(b.National.Columns).Order())
            {
                double from = Column(x, column), to = Column(y, column);
                if (from >= MinimumColumnShare * x.Ggz && to >= MinimumColumnShare * y.Ggz)
                {
                    Check(VektisColumns.NameOf(column), from / x.PersonYears, to / y.PersonYears);
                }
            }
        }

        return breaks;
    }

    private static double Column(GgzAmounts a, VektisCost column) => column switch
    {
        VektisCost.GeneralistischeBasisGgz => a.Basic,
        VektisCost.SpecialistischeGgz => a.Specialist,
        VektisCost.LangdurigeGgz => a.LongTerm,
        VektisCost.ConsultenGgz => a.Consultations,
        VektisCost.IntramuraalVerblijfGgz => a.Intramural,
        VektisCost.OverigePrestatiesGgz => a.OtherServices,
        VektisCost.InnovatiegeldenGgz => a.Innovation,
        _ => 0, // not a GGZ column
    };
}
