using DuckDB.NET.Data;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Vektis;

/// <summary>
/// The "done when" check of issue 6: national GGZ expenditure per insured person-year and the basic/specialist
/// fractions per gemeente equal a second, independent computation: plain SQL in DuckDB over the raw CSV files.
/// </summary>
public class GgzExpenditureSqlCrossCheckTests
{
    private static readonly string[] s_ggzColumns =
    [
        "kosten_specialistische_ggz", "kosten_generalistische_basis_ggz", "kosten_langdurige_ggz", "kosten_innovatiegelden_ggz",
        "kosten_consulten_ggz", "kosten_intramuraal_verblijf_ggz", "kosten_overige_prestaties_ggz",
    ];

    public static TheoryData<int> Years => [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022];

    [Theory]
    [MemberData(nameof(Years))]
    public void Compute_ShippedYear_MatchesPlainDuckDbSql(int year)
    {
        string path = Path.Combine(RepoPaths.Vektis, $"vektis_{year}_gemeente.csv");
        GgzYear computed = GgzExpenditure.Compute(VektisReader.ReadFile(path, year), GemeenteNames.Default);

        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        Execute(db, $"CREATE TABLE v AS SELECT * FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', delim=';', header=true, all_varchar=true)");
        var columns = Query(db, "SELECT lower(column_name) FROM (DESCRIBE v)").Select(static r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        string ggz = string.Join(" + ", s_ggzColumns.Where(columns.Contains).Select(static c => $"coalesce(try_cast({c} AS DOUBLE), 0)"));

        // National: every row, including the rest row.
        object?[] national = Query(db, $"SELECT sum({ggz}) / sum(CAST(aantal_verzekerdejaren AS DOUBLE)) FROM v")[0];
        Assert.Equal((double)national[0]!, computed.National.GgzPerPersonYear, 1e-9);

        // Per gemeente: join the gemeente names to their monitor gemeente and aggregate in SQL.
        Execute(db, "CREATE TABLE m (vektis VARCHAR, gemeente VARCHAR)");
        foreach (object?[] r in Query(db, "SELECT DISTINCT gemeentenaam FROM v WHERE gemeentenaam IS NOT NULL AND gemeentenaam <> ''"))
        {
            string name = (string)r[0]!;
            string? target = GemeenteNames.Default.Resolve(name, path).Gemeente;
            using DuckDBCommand insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO m VALUES ($1, $2)";
            insert.Parameters.Add(new DuckDBParameter(name));
            insert.Parameters.Add(new DuckDBParameter((object?)target ?? DBNull.Value));
            insert.ExecuteNonQuery();
        }

        bool legacy = columns.Contains("kosten_specialistische_ggz");
        string basic = legacy ? "kosten_generalistische_basis_ggz" : "kosten_consulten_ggz";
        string specialist = legacy ? "kosten_specialistische_ggz" : "kosten_intramuraal_verblijf_ggz";
        var rows = Query(db, $"""
            SELECT m.gemeente,
                   sum({ggz}) / sum(CAST(aantal_verzekerdejaren AS DOUBLE)) AS per_py,
                   sum(CAST({basic} AS DOUBLE)) / sum({ggz}) AS f_basic,
                   sum(CAST({specialist} AS DOUBLE)) / sum({ggz}) AS f_spec
            FROM v JOIN m ON v.gemeentenaam = m.vektis
            WHERE m.gemeente IS NOT NULL
            GROUP BY m.gemeente ORDER BY m.gemeente
            """);
        var byArea = computed.Gemeenten.ToDictionary(static g => g.Area, StringComparer.Ordinal);
        Assert.Equal(rows.Count, byArea.Count);
        foreach (object?[] r in rows)
        {
            GgzIndicator g = byArea[(string)r[0]!];
            Assert.Equal((double)r[1]!, g.GgzPerPersonYear, 1e-9);
            Assert.Equal((double)r[2]!, legacy ? g.FractionBasic : g.FractionConsultations, 1e-12);
            Assert.Equal((double)r[3]!, legacy ? g.FractionSpecialist : g.FractionIntramural, 1e-12);
        }
    }

    [Fact]
    public void Compute_2019_NationalGgzPerPersonYearIsPlausible()
    {
        string path = Path.Combine(RepoPaths.Vektis, "vektis_2019_gemeente.csv");
        GgzYear y = GgzExpenditure.Compute(VektisReader.ReadFile(path, 2019), GemeenteNames.Default);
        // About 3.9 billion euro Zvw GGZ for about 17.3 million person-years: a few hundred euro each.
        Assert.InRange(y.National.GgzPerPersonYear, 150, 400);
        Assert.InRange(y.National.Amounts.PersonYears, 16.5e6, 18e6);
        Assert.Equal(1.0, y.National.FractionBasic + y.National.FractionSpecialist + y.National.FractionLongTerm, 1e-12);
        Assert.True(double.IsNaN(y.National.FractionConsultations));
    }

    [Fact]
    public void Compute_2014WithoutLongTermColumn_ReportsLongTermFractionAsMissingNotZero()
    {
        string path = Path.Combine(RepoPaths.Vektis, "vektis_2014_gemeente.csv");
        GgzYear y = GgzExpenditure.Compute(VektisReader.ReadFile(path, 2014), GemeenteNames.Default);
        Assert.True(double.IsNaN(y.National.FractionLongTerm));
        Assert.Equal(1.0, y.National.FractionBasic + y.National.FractionSpecialist, 1e-12);
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using DuckDBCommand cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static List<object?[]> Query(DuckDBConnection db, string sql)
    {
        using DuckDBCommand cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(values);
        }

        return rows;
    }
}
