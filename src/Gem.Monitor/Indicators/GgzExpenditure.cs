using Gem.Monitor.Gemeenten;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Indicators;

/// <summary>
/// GGZ money for one area and year, summed over sex and age (or one sex × age stratum).
/// GGZ total = basic + specialist + long-term + innovation funds (until 2021), or
/// consultations + intramural stay + other services + innovation funds (2022+).
/// </summary>
public sealed record GgzAmounts(
    double Insured,
    double PersonYears,
    double TotalZvw,
    double Basic,
    double Specialist,
    double LongTerm,
    double Consultations,
    double Intramural,
    double OtherServices,
    double Innovation)
{
    public static GgzAmounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double Ggz => Basic + Specialist + LongTerm + Consultations + Intramural + OtherServices + Innovation;

    public static GgzAmounts FromRow(VektisRow row)
    {
        return new GgzAmounts(
            row.Insured,
            row.PersonYears,
            row.Costs.Sum(),
            row.Cost(VektisCost.GeneralistischeBasisGgz),
            row.Cost(VektisCost.SpecialistischeGgz),
            row.Cost(VektisCost.LangdurigeGgz),
            row.Cost(VektisCost.ConsultenGgz),
            row.Cost(VektisCost.IntramuraalVerblijfGgz),
            row.Cost(VektisCost.OverigePrestatiesGgz),
            row.Cost(VektisCost.InnovatiegeldenGgz));
    }

    public static GgzAmounts operator +(GgzAmounts a, GgzAmounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new GgzAmounts(
            a.Insured + b.Insured,
            a.PersonYears + b.PersonYears,
            a.TotalZvw + b.TotalZvw,
            a.Basic + b.Basic,
            a.Specialist + b.Specialist,
            a.LongTerm + b.LongTerm,
            a.Consultations + b.Consultations,
            a.Intramural + b.Intramural,
            a.OtherServices + b.OtherServices,
            a.Innovation + b.Innovation);
    }
}

/// <summary>The published GGZ indicators of one area and year.</summary>
/// <param name="Columns">The cost columns of the source file: a fraction of a column the file lacks is NaN, not 0.</param>
public sealed record GgzIndicator(int Year, string Area, GgzScheme Scheme, GgzAmounts Amounts, IReadOnlySet<VektisCost> Columns)
{
    /// <summary>GGZ expenditure per insured person-year (euro).</summary>
    public double GgzPerPersonYear => Ratio(Amounts.Ggz, Amounts.PersonYears);

    /// <summary>Share of GGZ in all Zvw costs.</summary>
    public double GgzShareOfZvw => Ratio(Amounts.Ggz, Amounts.TotalZvw);

    /// <summary>Fraction of GGZ spent on generalistische basis-ggz (until 2021; NaN from 2022).</summary>
    public double FractionBasic => Legacy(Amounts.Basic);

    /// <summary>Fraction of GGZ spent on specialistische ggz (until 2021; NaN from 2022).</summary>
    public double FractionSpecialist => Legacy(Amounts.Specialist);

    /// <summary>Fraction of GGZ spent on langdurige ggz (2015–2021; NaN from 2022).</summary>
    public double FractionLongTerm => Columns.Contains(VektisCost.LangdurigeGgz) ? Legacy(Amounts.LongTerm) : double.NaN;

    /// <summary>Fraction of GGZ spent on consultations (zorgprestatiemodel, 2022+; NaN before).</summary>
    public double FractionConsultations => Model(Amounts.Consultations);

    /// <summary>Fraction of GGZ spent on intramural stay (2022+; NaN before).</summary>
    public double FractionIntramural => Model(Amounts.Intramural);

    /// <summary>Fraction of GGZ spent on other services (2022+; NaN before).</summary>
    public double FractionOtherServices => Model(Amounts.OtherServices);

    private double Legacy(double part) => Scheme == GgzScheme.BasicSpecialist ? Ratio(part, Amounts.Ggz) : double.NaN;

    private double Model(double part) => Scheme == GgzScheme.Zorgprestatiemodel ? Ratio(part, Amounts.Ggz) : double.NaN;

    private static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}

/// <summary>One sex × age-band stratum of an area (input to indirect standardisation).</summary>
public sealed record GgzStratum(string Area, string Sex, string AgeBand, GgzAmounts Amounts);

/// <summary>All GGZ indicators of one Vektis year.</summary>
/// <param name="National">All rows including the Vektis rest row and rows of split gemeenten.</param>
/// <param name="Gemeenten">One indicator per monitor gemeente present in the file.</param>
/// <param name="Strata">Per monitor gemeente × sex × age band.</param>
/// <param name="NationalStrata">National per sex × age band (without the rest row, which has no sex or age).</param>
/// <param name="NotAllocated">Amounts that count nationally but belong to no monitor gemeente (rest row, split gemeenten).</param>
public sealed record GgzYear(
    int Year,
    GgzScheme Scheme,
    GgzIndicator National,
    IReadOnlyList<GgzIndicator> Gemeenten,
    IReadOnlyList<GgzStratum> Strata,
    IReadOnlyList<GgzStratum> NationalStrata,
    GgzAmounts NotAllocated);

/// <summary>Aggregates a Vektis file to GGZ indicators per monitor gemeente and nationally.</summary>
public static class GgzExpenditure
{
    public const string Nederland = "Nederland";

    public static GgzYear Compute(VektisFile file, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(names);
        GgzAmounts national = GgzAmounts.Zero;
        GgzAmounts notAllocated = GgzAmounts.Zero;
        var byArea = new Dictionary<string, GgzAmounts>(StringComparer.Ordinal);
        var byStratum = new Dictionary<(string Area, string Sex, string Age), GgzAmounts>();
        var byNationalStratum = new Dictionary<(string Sex, string Age), GgzAmounts>();
        foreach (VektisRow row in file.Rows)
        {
            GgzAmounts a = GgzAmounts.FromRow(row);
            national += a;
            if (row.IsRest)
            {
                notAllocated += a;
                continue;
            }

            (string, string) nkey = (row.Sex!, row.AgeBand!);
            byNationalStratum[nkey] = byNationalStratum.GetValueOrDefault(nkey, GgzAmounts.Zero) + a;
            GemeenteMatch match = names.Resolve(row.Gemeente!, file.Path);
            if (match.Gemeente is null)
            {
                notAllocated += a;
                continue;
            }

            byArea[match.Gemeente] = byArea.GetValueOrDefault(match.Gemeente, GgzAmounts.Zero) + a;
            (string, string, string) key = (match.Gemeente, row.Sex!, row.AgeBand!);
            byStratum[key] = byStratum.GetValueOrDefault(key, GgzAmounts.Zero) + a;
        }

        return new GgzYear(
            file.Year,
            file.Scheme,
            new GgzIndicator(file.Year, Nederland, file.Scheme, national, file.Columns),
            [.. byArea.OrderBy(static kv => kv.Key, StringComparer.Ordinal).Select(kv => new GgzIndicator(file.Year, kv.Key, file.Scheme, kv.Value, file.Columns))],
            [.. byStratum.OrderBy(static kv => kv.Key).Select(static kv => new GgzStratum(kv.Key.Area, kv.Key.Sex, kv.Key.Age, kv.Value))],
            [.. byNationalStratum.OrderBy(static kv => kv.Key).Select(static kv => new GgzStratum(Nederland, kv.Key.Sex, kv.Key.Age, kv.Value))],
            notAllocated);
    }
}
