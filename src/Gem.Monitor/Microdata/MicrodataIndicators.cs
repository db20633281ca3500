using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Statistics;

namespace Gem.Monitor.Microdata;

/// <summary>Counts and sums per PC4 and year, straight from the microdata (not yet protected).</summary>
public sealed record Pc4Aggregate(
    int Year,
    string Pc4,
    long Inhabitants,
    long Patients,
    double Costs,
    double CostsSmi,
    double CostsBasic,
    double CostsSpecialist,
    long PatientsSmi,
    long PersonsAdmitted,
    long Admissions,
    long CompulsoryAdmissions,
    long PersonsCompulsory,
    long Readmissions,
    long RevolvingDoor,
    long Dropouts,
    long PatientsBasic = 0,
    long PatientsSpecialist = 0)
{
    public static Pc4Aggregate operator +(Pc4Aggregate a, Pc4Aggregate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new Pc4Aggregate(
            a.Year, a.Pc4, a.Inhabitants + b.Inhabitants, a.Patients + b.Patients, a.Costs + b.Costs, a.CostsSmi + b.CostsSmi,
            a.CostsBasic + b.CostsBasic, a.CostsSpecialist + b.CostsSpecialist, a.PatientsSmi + b.PatientsSmi, a.PersonsAdmitted + b.PersonsAdmitted, a.Admissions + b.Admissions,
            a.CompulsoryAdmissions + b.CompulsoryAdmissions, a.PersonsCompulsory + b.PersonsCompulsory, a.Readmissions + b.Readmissions,
            a.RevolvingDoor + b.RevolvingDoor, a.Dropouts + b.Dropouts, a.PatientsBasic + b.PatientsBasic, a.PatientsSpecialist + b.PatientsSpecialist);
    }
}

/// <summary>
/// The six Fig. 4 indicators and care-use patterns of one PC4 and year, after disclosure control: a value is null when it
/// would rest on fewer than 10 persons or was suppressed secondarily; counts are rounded to 5.
/// </summary>
public sealed record Pc4Indicators(
    int Year,
    string Pc4,
    long? Inhabitants,
    long? Patients,
    double? CostPerInhabitant,
    double? CostPerPatient,
    double? TreatedPrevalence,
    double? FractionSmi,
    double? FractionBasic,
    double? FractionSpecialist,
    double? CompulsoryPer10000,
    double? CompulsoryPer10000Smoothed,
    double? ReadmissionRate,
    double? RevolvingDoorPer10000,
    double? DropoutRate,
    FunnelPosition? PrevalenceFunnel);

/// <summary>The result of a microdata run: national aggregates per year and the protected PC4 indicators.</summary>
/// <param name="CompulsoryPrior">Per year the gamma prior (shape α, rate β per inhabitant) of the smoothed compulsory-admission rate.</param>
public sealed record MicrodataResult(IReadOnlyList<Pc4Aggregate> National, IReadOnlyList<Pc4Indicators> Pc4, IReadOnlyDictionary<int, (double Shape, double Rate)> CompulsoryPrior);

/// <summary>
/// Aggregates microdata with DuckDB (embedded) to the six Fig. 4 indicators per PC4 — expenditure per inhabitant and
/// per patient, treated prevalence, fraction SMI, fraction basic, fraction specialist — and care-use patterns
/// (compulsory admissions, readmissions, revolving door, dropout); then funnel classification of treated prevalence
/// (Wilson), empirical-Bayes smoothing of compulsory admissions (Poisson–gamma) and disclosure control.
/// </summary>
public static class MicrodataIndicators
{
    /// <summary>The one aggregation query (per year and PC4). Public so the bench can time it bare.</summary>
    public static string AggregationSql(string source) => $"""
        SELECT jaar, pc4,
               count(*) AS inwoners,
               count(*) FILTER (WHERE kosten_ggz > 0) AS patienten,
               coalesce(sum(kosten_ggz), 0) AS kosten,
               coalesce(sum(kosten_ggz) FILTER (WHERE ernstig), 0) AS kosten_ernstig,
               coalesce(sum(kosten_basis_ggz), 0) AS kosten_basis,
               coalesce(sum(kosten_specialistische_ggz), 0) AS kosten_specialistisch,
               count(*) FILTER (WHERE ernstig AND kosten_ggz > 0) AS patienten_ernstig,
               count(*) FILTER (WHERE opnames > 0) AS personen_opgenomen,
               coalesce(sum(opnames), 0)::BIGINT AS opnames,
               coalesce(sum(verplichte_opnames), 0)::BIGINT AS verplichte_opnames,
               count(*) FILTER (WHERE verplichte_opnames > 0) AS personen_verplicht,
               coalesce(sum(heropnames_30d), 0)::BIGINT AS heropnames,
               count(*) FILTER (WHERE opnames >= 3) AS draaideur,
               count(*) FILTER (WHERE uitval) AS uitval,
               count(*) FILTER (WHERE kosten_basis_ggz > 0) AS patienten_basis,
               count(*) FILTER (WHERE kosten_specialistische_ggz > 0) AS patienten_specialistisch
        FROM {source}
        GROUP BY jaar, pc4
        ORDER BY jaar, pc4
        """;

    public static IReadOnlyList<Pc4Aggregate> Aggregate(string pathOrGlob, int threads = 0)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        if (threads > 0)
        {
            using DuckDBCommand set = db.CreateCommand();
            set.CommandText = string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}");
            set.ExecuteNonQuery();
        }

        using DuckDBCommand cmd = db.CreateCommand();
        cmd.CommandText = AggregationSql(MicrodataSchema.Source(pathOrGlob));
        using var r = cmd.ExecuteReader();
        var list = new List<Pc4Aggregate>();
        while (r.Read())
        {
            list.Add(new Pc4Aggregate(
                r.GetInt32(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7),
                r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetInt64(15), r.GetInt64(16), r.GetInt64(17)));
        }

        return list;
    }

    /// <summary>
    /// Every published rate and fraction of persons is computed from the published (rounded) counts, so it gives back no
    /// more than those counts (docs/decisions/103-disclosure-control.md, "rates"). The attacker test reads this flag.
    /// </summary>
    public const bool RatesFromPublishedCounts = true;

    /// <summary>
    /// National totals, statistics and disclosure control over the PC4 aggregates. Rules (decision 103): a PC4 under 10
    /// inhabitants publishes nothing; a rate or fraction is published only when its numerator and denominator each count at
    /// least 10 (persons, or admissions for admission rates) and is then computed from the rounded counts; a cost fraction
    /// needs 10 persons with such costs (basic and specialist are suppressed together, as they add up); the empirical-Bayes
    /// compulsory-admission rate is published only where the crude count may be, from the rounded count.
    /// </summary>
    public static MicrodataResult Compute(IReadOnlyList<Pc4Aggregate> aggregates, DisclosureControl control)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(control);
        var national = new List<Pc4Aggregate>();
        var output = new List<Pc4Indicators>();
        var priors = new Dictionary<int, (double Shape, double Rate)>();
        foreach (var year in aggregates.GroupBy(static a => a.Year).OrderBy(static g => g.Key))
        {
            List<Pc4Aggregate> areas = [.. year.OrderBy(static a => a.Pc4, StringComparer.Ordinal)];
            Pc4Aggregate nl = areas.Skip(1).Aggregate(areas[0], static (s, a) => s + a) with { Pc4 = "Nederland" };
            national.Add(nl);
            double prevalence = nl.Patients / (double)nl.Inhabitants;

            // Patient counts are published per PC4 with the national total: protect them as one list.
            ProtectedTable patients = control.ProtectList([.. areas.Select(static a => a.Patients)]);
            PoissonGammaFit? smoothed = areas.Count >= 2 && areas.Any(static a => a.CompulsoryAdmissions > 0)
                ? PoissonGammaSmoother.Smooth([.. areas.Select(static a => (double)a.CompulsoryAdmissions)], [.. areas.Select(static a => (double)Math.Max(1, a.Inhabitants))])
                : null;
            if (smoothed is not null)
            {
                priors[year.Key] = (smoothed.Shape, smoothed.Rate);
            }

            for (int i = 0; i < areas.Count; i++)
            {
                Pc4Aggregate a = areas[i];
                bool area = control.CanPublish(a.Inhabitants);
                long inhabitants = control.Round(a.Inhabitants);
                long? patientCount = area ? patients.Published(i, 0) : null;
                bool pat = patientCount is > 0;
                double? Rate(long numerator, long denominator, double per = 1) =>
                    control.Fraction(numerator, denominator) is { } f ? per * f : null;
                double? Money(double amount, long? published) => published is > 0 ? amount / published.Value : null;
                bool costSplit = pat && control.CanPublish(a.PatientsBasic) && control.CanPublish(a.PatientsSpecialist);
                bool compulsory = area && control.CanPublish(a.PersonsCompulsory);
                double? prevalenceShown = pat ? patientCount!.Value / (double)inhabitants : null;
                output.Add(new Pc4Indicators(
                    year.Key,
                    a.Pc4,
                    area ? inhabitants : null,
                    patientCount,
                    pat ? Money(a.Costs, inhabitants) : null,
                    pat ? Money(a.Costs, patientCount) : null,
                    prevalenceShown,
                    pat && control.CanPublish(a.PatientsSmi) && a.Costs > 0 ? a.CostsSmi / a.Costs : null,
                    costSplit && a.Costs > 0 ? a.CostsBasic / a.Costs : null,
                    costSplit && a.Costs > 0 ? a.CostsSpecialist / a.Costs : null,
                    compulsory ? Rate(a.CompulsoryAdmissions, a.Inhabitants, 10000) : null,
                    compulsory && control.CanPublish(a.CompulsoryAdmissions) && smoothed is not null
                        ? 10000 * (double.IsPositiveInfinity(smoothed.Shape) ? smoothed.Mean : (control.Round(a.CompulsoryAdmissions) + smoothed.Shape) / (inhabitants + smoothed.Rate))
                        : null,
                    area && control.CanPublish(a.PersonsAdmitted) ? Rate(a.Readmissions, a.Admissions) : null,
                    area ? Rate(a.RevolvingDoor, a.Inhabitants, 10000) : null,
                    pat ? Rate(a.Dropouts, a.Patients) : null,
                    prevalenceShown is { } q ? FunnelLimits.Classify(q, FunnelLimits.ProportionLimits(prevalence, inhabitants)) : null));
            }
        }

        return new MicrodataResult(national, output, priors);
    }

    /// <summary>Writes the protected indicators (semicolon-separated, '.' decimal; empty = suppressed).</summary>
    public static string ToCsv(MicrodataResult result, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        if (synthetic)
        {
            sb.Append("# SYNTHETISCH: gegenereerde microdata, geen echte personen (Gem.Monitor SyntheticMicrodata).\n");
        }

        sb.Append("jaar;pc4;inwoners;patienten;ggz_kosten_per_inwoner;ggz_kosten_per_patient;behandelde_prevalentie;fractie_ernstig;fractie_basis_ggz;fractie_specialistische_ggz;verplichte_opnames_per_10000;verplichte_opnames_per_10000_eb;heropname_fractie;draaideur_per_10000;uitval_fractie;funnel_prevalentie\n");
        foreach (Pc4Indicators p in result.Pc4)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Year};{p.Pc4};{p.Inhabitants};{p.Patients};{N(p.CostPerInhabitant)};{N(p.CostPerPatient)};{N(p.TreatedPrevalence)};{N(p.FractionSmi)};{N(p.FractionBasic)};{N(p.FractionSpecialist)};{N(p.CompulsoryPer10000)};{N(p.CompulsoryPer10000Smoothed)};{N(p.ReadmissionRate)};{N(p.RevolvingDoorPer10000)};{N(p.DropoutRate)};{(p.PrevalenceFunnel is { } f ? Report.IndicatorCsv.Position(f) : string.Empty)}\n");
        }

        return sb.ToString();
    }

    private static string N(double? v) => v is { } d && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
