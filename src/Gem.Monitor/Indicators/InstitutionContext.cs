using Gem.Monitor.Vektis;

namespace Gem.Monitor.Indicators;

/// <summary>A gemeente whose GGZ spending is dominated by intramural or long-term GGZ: the address of an institution, not its own population's need.</summary>
/// <param name="Year">The Vektis year the share is from.</param>
/// <param name="Column">kosten_intramuraal_verblijf_ggz (2022+) or kosten_langdurige_ggz (2015–2021).</param>
/// <param name="Share">The column's share of the gemeente's GGZ spending.</param>
/// <param name="NationalShare">The same share nationally.</param>
public sealed record InstitutionMark(string Gemeente, int Year, VektisCost Column, double Share, double NationalShare)
{
    public double Times => Share / NationalShare;
}

/// <summary>
/// Marks gemeenten where an institution drives spending, from the Vektis columns themselves (docs/monitor/README.md,
/// "Institution effect"): the share of intramural stay (2022+) or long-term GGZ (2015–2021) in a gemeente's GGZ
/// spending is at least <see cref="MinimumTimesNational"/> times the national share and at least
/// <see cref="MinimumShare"/>. For a year of the zorgprestatiemodel the last year with long-term GGZ counts as well,
/// because intramural stay since 2022 also holds ordinary clinical admissions and so shows institutions less sharply. Pure.
/// </summary>
public static class InstitutionContext
{
    public const double MinimumTimesNational = 2;

    public const double MinimumShare = 0.20;

    public static IReadOnlyDictionary<string, InstitutionMark> For(IReadOnlyList<GgzYear> years, int year)
    {
        ArgumentNullException.ThrowIfNull(years);
        var marks = new Dictionary<string, InstitutionMark>(StringComparer.Ordinal);
        GgzYear? shown = years.FirstOrDefault(y => y.Year == year);
        GgzYear? longTerm = years.Where(y => y.Year <= year && y.National.Columns.Contains(VektisCost.LangdurigeGgz)).MaxBy(static y => y.Year);
        foreach ((GgzYear? y, VektisCost column) in new[] { (shown, shown?.Scheme == GgzScheme.Zorgprestatiemodel ? VektisCost.IntramuraalVerblijfGgz : VektisCost.LangdurigeGgz), (longTerm, VektisCost.LangdurigeGgz) })
        {
            if (y is null || !y.National.Columns.Contains(column))
            {
                continue;
            }

            double national = Share(y.National.Amounts, column);
            foreach (GgzIndicator g in y.Gemeenten)
            {
                double share = Share(g.Amounts, column);
                if (national > 0 && share >= MinimumShare && share >= MinimumTimesNational * national
                    && (!marks.TryGetValue(g.Area, out InstitutionMark? have) || share / national > have.Times))
                {
                    marks[g.Area] = new InstitutionMark(g.Area, y.Year, column, share, national);
                }
            }
        }

        return marks;
    }

    /// <summary>Dutch text for a mark: "instelling: 28% langdurige ggz (2020; NL 4%)".</summary>
    public static string Dutch(InstitutionMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        string what = mark.Column == VektisCost.IntramuraalVerblijfGgz ? "intramuraal verblijf" : "langdurige ggz";
        return string.Format(nl, "instelling: {0:0%} {1} ({2}; NL {3:0%})", mark.Share, what, mark.Year, mark.NationalShare);
    }

    private static double Share(GgzAmounts a, VektisCost column)
    {
        double part = column == VektisCost.IntramuraalVerblijfGgz ? a.Intramural : a.LongTerm;
        return a.Ggz > 0 ? part / a.Ggz : 0;
    }
}
