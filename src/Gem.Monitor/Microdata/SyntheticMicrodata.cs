using System.Globalization;
using DuckDB.NET.Data;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Microdata;

/// <summary>Options of the synthetic generator.</summary>
/// <param name="Scale">Fraction of the real population per PC4 × age × sex (1 = national size, about 17.5 million).</param>
/// <param name="BasePrevalence">Assumed national treated prevalence of Zvw GGZ per year (not in the public data).</param>
public sealed record SyntheticOptions(
    IReadOnlyList<int> Years,
    double Scale = 1.0,
    ulong Seed = 20261123,
    double BasePrevalence = 0.065,
    int Threads = 0);

/// <summary>What the generator calibrated on and wrote.</summary>
/// <param name="SesGradient">Relative change of GGZ use per SES-WOA point (from the real regression: slope / intercept).</param>
public sealed record SyntheticSummary(IReadOnlyList<string> Files, long PersonsPerYear, double NationalCostPerInhabitant, double SesGradient);

/// <summary>
/// A deterministic generator of SYNTHETIC microdata in the Gem microdata format, calibrated on real public aggregates:
/// the population per PC4 × age band × sex (CBS 1-1-2021), GGZ expenditure per insured person-year per sex × age band
/// (Vektis 2022) and the SES gradient of expenditure (the real household-weighted regression on SES-WOA 2022).
/// Treated prevalence, SMI share and admission patterns are documented assumptions. Every random draw is a hash of
/// (person, year, draw number, seed) in DuckDB, so the output is identical for the same inputs, options and DuckDB version.
/// Files are named <c>synthetisch_microdata_YYYY.csv</c>; a README in the folder says they are synthetic.
/// </summary>
public static class SyntheticMicrodata
{
    public const string FilePrefix = "synthetisch_microdata_";

    public static SyntheticSummary Generate(string dataFolder, string outFolder, SyntheticOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Years.Count == 0 || !(options.Scale > 0) || options.Scale > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "At least one year and a scale in (0, 1] are needed.");
        }

        MonitorData data = MonitorData.Locate(dataFolder);
        Directory.CreateDirectory(outFolder);
        GemeenteNames names = GemeenteNames.Default;

        // Calibration on real aggregates.
        (string vektisPath, int vektisYear) = VektisReader.Place(data.VektisFolder)[^1];
        GgzYear ggz = GgzExpenditure.Compute(VektisReader.ReadFile(vektisPath, vektisYear), names);
        var stratumCost = ggz.NationalStrata.ToDictionary(static s => (s.Sex, s.AgeBand), static s => s.Amounts.Ggz / s.Amounts.PersonYears);
        double nationalCost = ggz.NationalStrata.Sum(static s => s.Amounts.Ggz) / ggz.NationalStrata.Sum(static s => s.Amounts.PersonYears);
        Pc4Crosswalk crosswalk = Pc4Crosswalk.Load(data.Postcodes, names);
        IReadOnlyList<SesPc4> sesRows = SesWoa.Read(data.Ses);
        int sesYear = sesRows.Max(static r => r.Year);
        DeprivationResult dep = DeprivationModel.Fit(ggz.Year, DeprivationModel.Inputs(ggz, SesWoa.ByGemeente(sesRows, sesYear, crosswalk)));
        double gradient = dep.Fit.Coefficients[1] / dep.Fit.Coefficients[0];
        var ses = sesRows.Where(r => r.Year == sesYear && r.Score is not null).ToDictionary(static r => r.Pc4, static r => r.Score!.Value, StringComparer.Ordinal);

        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        if (options.Threads > 0)
        {
            Execute(db, string.Create(CultureInfo.InvariantCulture, $"SET threads = {options.Threads}"));
        }

        Execute(db, "CREATE TABLE pop (cell_id BIGINT, pc4 VARCHAR, leeftijd VARCHAR, geslacht VARCHAR, n BIGINT, ses DOUBLE, prev DOUBLE, cost DOUBLE)");
        long cell = 0, persons = 0;
        double weightedMultiplier = 0;
        var rows = new List<(long Cell, string Pc4, string Age, string Sex, long N, double Ses, double Prev, double Cost)>();
        using (var reader = new StreamReader(Path.Combine(Path.GetDirectoryName(data.Postcodes)!, "inwoners_pc4_leeftijd_geslacht.csv")))
        {
            string[] header = CsvLine.Split(reader.ReadLine()!, ',');
            int iPc = Pc4Crosswalk.Index(header, "postcode", data.Postcodes), iAge = Pc4Crosswalk.Index(header, "leeftijd", data.Postcodes);
            int iMan = Pc4Crosswalk.Index(header, "inwoners_man", data.Postcodes), iVrouw = Pc4Crosswalk.Index(header, "inwoners_vrouw", data.Postcodes);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                string[] f = CsvLine.Split(line, ',');
                string pc4 = f[iPc].PadLeft(4, '0');
                string age = f[iAge] is "90-94" or "95+" ? "90+" : f[iAge];
                double s = ses.GetValueOrDefault(pc4);
                foreach ((string sex, int col) in new[] { ("M", iMan), ("V", iVrouw) })
                {
                    if (!double.TryParse(f[col], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || n <= 0)
                    {
                        continue;
                    }

                    long scaled = (long)Math.Round(n * options.Scale);
                    if (scaled == 0)
                    {
                        continue;
                    }

                    double c = stratumCost.GetValueOrDefault((sex, age), nationalCost);
                    double prev = options.BasePrevalence * Math.Sqrt(c / nationalCost);
                    double m = Math.Exp(gradient * s);
                    weightedMultiplier += scaled * m;
                    persons += scaled;
                    rows.Add((++cell, pc4, age, sex, scaled, s, prev, c));
                }
            }
        }

        double meanMultiplier = weightedMultiplier / persons;
        using (var appender = db.CreateAppender("pop"))
        {
            foreach (var r in rows)
            {
                // prevalence × SES multiplier (normalised so the national mean is kept); cost per patient keeps the stratum's spending.
                appender.CreateRow().AppendValue(r.Cell).AppendValue(r.Pc4).AppendValue(r.Age).AppendValue(r.Sex).AppendValue(r.N)
                    .AppendValue(r.Ses).AppendValue(r.Prev).AppendValue(r.Cost / r.Prev).EndRow();
            }
        }

        Execute(db, string.Create(CultureInfo.InvariantCulture, $"UPDATE pop SET prev = least(0.9, prev * exp({gradient:R} * ses) / {meanMultiplier:R})"));
        var files = new List<string>();
        foreach (int year in options.Years)
        {
            string path = Path.Combine(outFolder, string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{year}.csv"));
            Execute(db, $"COPY ({YearSql(year, options.Seed)}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (HEADER, DELIMITER ',')");
            files.Add(path);
            progress?.Report(path);
        }

        File.WriteAllText(
            Path.Combine(outFolder, "README-SYNTHETISCH.txt"),
            "SYNTHETISCHE MICRODATA - geen echte personen.\n"
            + "Gemaakt door Gem.Monitor SyntheticMicrodata (deterministisch), gekalibreerd op: CBS inwoners per PC4 x leeftijd x geslacht (1-1-2021, CC BY 4.0),\n"
            + "Vektis ggz-kosten per verzekerdejaar per geslacht x leeftijd (2022, Bron: Vektis) en de SES-WOA-gradient (CBS 2022).\n"
            + "Aannames: behandelde prevalentie, aandeel ernstig (EPA), opnames en uitval; zie docs/monitor/microdata.md.\n");
        return new SyntheticSummary(files, persons, nationalCost, gradient);
    }

    /// <summary>The SQL that draws one year of person rows from the calibrated cells.</summary>
    internal static string YearSql(int year, ulong seed)
    {
        string U(int k) => string.Create(CultureInfo.InvariantCulture, $"((hash(persoon_id, {year}, {k}, {seed}::UBIGINT) >> 11)::DOUBLE / 9007199254740992.0)");
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH persons AS (
                SELECT cell_id * 1000000 + unnest(range(n)) AS persoon_id, pc4, leeftijd, geslacht, prev, cost
                FROM pop
            ), draws AS (
                SELECT *,
                       {U(1)} < prev AS patient,
                       {U(4)} < CASE WHEN leeftijd IN ('0-4', '5-9', '10-14', '15-19') THEN 0.04 WHEN leeftijd IN ('65-69', '70-74', '75-79', '80-84', '85-89', '90+') THEN 0.08 ELSE 0.15 END AS smi,
                       exp(1.1 * sqrt(-2 * ln(1 - {U(2)})) * cos(2 * pi() * {U(3)}) - 0.605) AS spread,
                       {U(5)} AS u5, {U(6)} AS u6, {U(7)} AS u7, {U(8)} AS u8
                FROM persons
            ), costed AS (
                SELECT *,
                       CASE WHEN patient THEN round(cost * spread * CASE WHEN smi THEN 3 ELSE 1 END / (1 + 2 * 0.13), 2) ELSE 0 END AS k,
                       CASE WHEN NOT patient THEN 0 WHEN smi THEN (u5 < 0.25)::INT + (u5 < 0.08)::INT + (u5 < 0.03)::INT ELSE (u5 < 0.01)::INT END AS opn
                FROM draws
            )
            SELECT {year} AS jaar, persoon_id, pc4, leeftijd AS leeftijdsklasse, geslacht,
                   CASE WHEN NOT patient THEN 'geen' WHEN opn >= 3 THEN 'langdurig' WHEN smi OR k > 2500 THEN 'specialistisch' ELSE 'basis' END AS zorgtype,
                   patient AND smi AS ernstig,
                   k AS kosten_ggz,
                   CASE WHEN patient AND NOT smi AND k <= 2500 THEN k ELSE 0 END AS kosten_basis_ggz,
                   CASE WHEN patient AND (smi OR k > 2500) THEN k ELSE 0 END AS kosten_specialistische_ggz,
                   opn AS opnames,
                   least(opn, (u6 < 0.3)::INT + (u6 < 0.09)::INT + (u6 < 0.03)::INT) AS verplichte_opnames,
                   CASE WHEN opn >= 2 AND u7 < 0.5 THEN opn - 1 ELSE 0 END AS heropnames_30d,
                   patient AND NOT smi AND u8 < 0.12 AS uitval
            FROM costed
            ORDER BY persoon_id
            """);
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using DuckDBCommand cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
