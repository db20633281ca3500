namespace Gem.Monitor.Microdata;

/// <summary>
/// The Gem microdata format (docs/monitor/microdata.md): one row per person per year, CSV with a header
/// (comma-separated, '.' decimal, UTF-8) or Parquet with the same column names.
/// </summary>
public static class MicrodataSchema
{
    /// <summary>Column names in order, with their DuckDB types.</summary>
    public static IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("jaar", "INTEGER"),
        ("persoon_id", "BIGINT"),
        ("pc4", "VARCHAR"),
        ("leeftijdsklasse", "VARCHAR"),
        ("geslacht", "VARCHAR"),
        ("zorgtype", "VARCHAR"),
        ("ernstig", "BOOLEAN"),
        ("kosten_ggz", "DOUBLE"),
        ("kosten_basis_ggz", "DOUBLE"),
        ("kosten_specialistische_ggz", "DOUBLE"),
        ("opnames", "INTEGER"),
        ("verplichte_opnames", "INTEGER"),
        ("heropnames_30d", "INTEGER"),
        ("uitval", "BOOLEAN"),
    ];

    /// <summary>Allowed values of <c>zorgtype</c>: the highest GGZ level used in the year.</summary>
    public static IReadOnlyList<string> CareTypes { get; } = ["geen", "basis", "specialistisch", "langdurig"];

    /// <summary>The header line of a microdata CSV.</summary>
    public static string Header => string.Join(',', Columns.Select(static c => c.Name));

    /// <summary>The DuckDB <c>columns = {...}</c> argument of read_csv for this format.</summary>
    public static string DuckDbColumns => "{" + string.Join(", ", Columns.Select(static c => $"'{c.Name}': '{c.Type}'")) + "}";

    /// <summary>A DuckDB table expression over one or more microdata files (a glob such as <c>dir/*.csv</c>, or Parquet).</summary>
    public static string Source(string pathOrGlob)
    {
        ArgumentNullException.ThrowIfNull(pathOrGlob);
        string p = pathOrGlob.Replace("'", "''", StringComparison.Ordinal);
        return pathOrGlob.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? $"read_parquet('{p}')"
            : $"read_csv('{p}', header = true, delim = ',', columns = {DuckDbColumns})";
    }
}
