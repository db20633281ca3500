using System.Globalization;
using System.Text.RegularExpressions;

namespace Gem.Monitor.Vektis;

/// <summary>
/// Reads "Vektis Open Databestand Zorgverzekeringswet – gemeente" CSV files (semicolon-separated, '.' decimal)
/// of any year, mapping columns by <see cref="VektisColumns"/>.
/// </summary>
public static partial class VektisReader
{
    /// <summary>Reads every Vektis file in a folder (<see cref="Place"/>), ordered by year.</summary>
    public static IReadOnlyList<VektisFile> ReadFolder(string folder)
    {
        return [.. Place(folder).Select(static x => ReadFile(x.Path, x.Year))];
    }

    /// <summary>
    /// Places every file of a Vektis folder in its year, ordered by year. Every <c>.csv</c> is a Vektis file, under any
    /// name: ours (<c>vektis_2022_gemeente.csv</c>) or Vektis' own download name ("Vektis Open Databestand
    /// Zorgverzekeringswet 2023 - gemeente.csv"). The year is the one year (19xx/20xx) in the name, else the
    /// <c>jaar</c> column of the contents. Documentation (<c>.md</c>, <c>.txt</c>) is left alone. Anything else — another
    /// file type, a CSV without a year, two files for one year — is an error naming the file: never skipped in silence.
    /// </summary>
    public static IReadOnlyList<(string Path, int Year)> Place(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Vektis folder '{folder}' does not exist.");
        }

        var placed = new List<(string Path, int Year)>();
        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
            if (ext is ".md" or ".txt" || System.IO.Path.GetFileName(path).StartsWith('.'))
            {
                continue;
            }

            if (ext != ".csv")
            {
                throw new VektisFormatException(
                    $"{path}: the Vektis folder holds only the CSV files of the open data set (semicolon-separated); "
                    + "unpack or convert this file, or move it elsewhere.");
            }

            int year = YearFromFileName(path) ?? YearFromContents(path)
                ?? throw new VektisFormatException(
                    $"{path}: cannot tell which year this Vektis file is: its name has no year (such as 2023) and it has no 'jaar' column. "
                    + "Rename it, e.g. 'vektis_2023_gemeente.csv' or Vektis' own 'Vektis Open Databestand Zorgverzekeringswet 2023 - gemeente.csv'.");
            if (placed.FirstOrDefault(p => p.Year == year) is { Path: not null } twin)
            {
                throw new VektisFormatException($"{path}: the folder has two files for {year.ToString(CultureInfo.InvariantCulture)} (also '{twin.Path}'); keep one.");
            }

            placed.Add((path, year));
        }

        if (placed.Count == 0)
        {
            throw new FileNotFoundException($"No Vektis CSV files in '{folder}' (e.g. vektis_2022_gemeente.csv).");
        }

        return [.. placed.OrderBy(static p => p.Year)];
    }

    /// <summary>The one year (1990–2099) in a file name such as <c>vektis_2019_gemeente.csv</c> or "... Zorgverzekeringswet 2023 - gemeente.csv", or null (none, or several different ones).</summary>
    public static int? YearFromFileName(string path)
    {
        int[] years = [.. YearPattern().Matches(System.IO.Path.GetFileNameWithoutExtension(path)).Select(static m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct()];
        return years.Length == 1 ? years[0] : null;
    }

    /// <summary>The value of a <c>jaar</c> column in the first data row, or null when the file has no such column.</summary>
    public static int? YearFromContents(string path)
    {
        using var reader = new StreamReader(path);
        string[] header = (reader.ReadLine() ?? string.Empty).Split(';');
        int column = Array.FindIndex(header, static h => IsYearColumn(h));
        if (column < 0)
        {
            return null;
        }

        string? line = reader.ReadLine();
        string[] f = line?.Split(';') ?? [];
        return f.Length > column && int.TryParse(f[column].Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y
            : throw new VektisFormatException($"{path}: line 2, column {column + 1} 'jaar': '{(f.Length > column ? f[column] : string.Empty)}' is not a year.");
    }

    private static bool IsYearColumn(string header) => VektisColumns.Normalise(header) is "jaar" or "peiljaar";

    public static VektisFile ReadFile(string path, int year)
    {
        using var reader = new StreamReader(path);
        return Read(reader, year, path);
    }

    /// <summary>Parses a Vektis CSV; <paramref name="source"/> names it in error messages.</summary>
    public static VektisFile Read(TextReader reader, int year, string source)
    {
        string header = reader.ReadLine() ?? throw new VektisFormatException($"{source}: the file is empty.");
        string[] headers = header.Split(';');
        var map = new int[headers.Length]; // -1..-5 = key columns, >= 0 = cost index
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var costColumns = new HashSet<VektisCost>();
        for (int i = 0; i < headers.Length; i++)
        {
            if (IsYearColumn(headers[i]))
            {
                map[i] = YearColumn;
                continue;
            }

            string canonical = VektisColumns.TryMap(headers[i])
                ?? throw new VektisFormatException(
                    $"{source}: column {i + 1} '{headers[i].Trim()}' cannot be mapped to a Vektis column "
                    + "(rule: exact name, known alias, or unique start of a known name of at least "
                    + $"{VektisColumns.MinimumPrefixLength} characters; see docs/decisions/102-vektis-columns.md).");
            if (!seen.TryAdd(canonical, i))
            {
                throw new VektisFormatException(
                    $"{source}: columns {seen[canonical] + 1} '{headers[seen[canonical]].Trim()}' and {i + 1} '{headers[i].Trim()}' both map to '{canonical}'.");
            }

            map[i] = canonical switch
            {
                VektisColumns.Sex => -1,
                VektisColumns.AgeBand => -2,
                VektisColumns.Gemeente => -3,
                VektisColumns.Insured => -4,
                VektisColumns.PersonYears => -5,
                _ => (int)CostOf(canonical),
            };
            if (map[i] >= 0)
            {
                costColumns.Add((VektisCost)map[i]);
            }
        }

        foreach (string key in new[] { VektisColumns.Sex, VektisColumns.AgeBand, VektisColumns.Gemeente, VektisColumns.Insured, VektisColumns.PersonYears })
        {
            if (!seen.ContainsKey(key))
            {
                throw new VektisFormatException($"{source}: required column '{key}' is missing.");
            }
        }

        GgzScheme scheme = DetectScheme(costColumns, source);
        int costCount = Enum.GetValues<VektisCost>().Length;
        var rows = new List<VektisRow>(16384);
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(';');
            if (fields.Length != headers.Length)
            {
                throw new VektisFormatException($"{source}: line {lineNumber} has {fields.Length} fields, the header has {headers.Length}.");
            }

            string? sex = null, age = null, gemeente = null;
            double insured = 0, personYears = 0;
            var costs = new double[costCount];
            for (int i = 0; i < fields.Length; i++)
            {
                string value = fields[i].Trim().Trim('"');
                switch (map[i])
                {
                    case -1:
                        sex = value.Length == 0 ? null : ParseSex(value, source, lineNumber, i, headers[i]);
                        break;
                    case -2:
                        age = value.Length == 0 ? null : NormaliseAgeBand(value, source, lineNumber, i, headers[i]);
                        break;
                    case -3:
                        gemeente = value.Length == 0 ? null : value;
                        break;
                    case -4:
                        insured = ParseNumber(value, source, lineNumber, i, headers[i]);
                        break;
                    case -5:
                        personYears = ParseNumber(value, source, lineNumber, i, headers[i]);
                        break;
                    case YearColumn:
                        if (value != year.ToString(CultureInfo.InvariantCulture))
                        {
                            throw BadValue(source, lineNumber, i, headers[i], value, year.ToString(CultureInfo.InvariantCulture) + " (the year of this file)");
                        }

                        break;
                    default:
                        costs[map[i]] = ParseNumber(value, source, lineNumber, i, headers[i]);
                        break;
                }
            }

            bool rest = sex is null && age is null && gemeente is null;
            if (!rest && (sex is null || age is null || gemeente is null))
            {
                throw new VektisFormatException(
                    $"{source}: line {lineNumber} has some but not all of geslacht/leeftijdsklasse/gemeentenaam; only the rest row may leave them empty.");
            }

            rows.Add(new VektisRow(sex, age, gemeente, insured, personYears, costs));
        }

        return new VektisFile(year, source, scheme, costColumns, rows);
    }

    /// <summary>Normalises " 0 t/m  4 jaar" to "0-4" and "90+" to "90+".</summary>
    public static string NormaliseAgeBand(string value, string source, int line, int column, string header)
    {
        Match m = AgePattern().Match(value);
        if (m.Success)
        {
            return m.Groups[2].Success
                ? string.Create(CultureInfo.InvariantCulture, $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}-{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)}")
                : string.Create(CultureInfo.InvariantCulture, $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}+");
        }

        throw BadValue(source, line, column, header, value, "an age band such as '0 t/m 4 jaar' or '90+'");
    }

    private static GgzScheme DetectScheme(HashSet<VektisCost> columns, string source)
    {
        bool model = columns.Contains(VektisCost.ConsultenGgz) || columns.Contains(VektisCost.IntramuraalVerblijfGgz) || columns.Contains(VektisCost.OverigePrestatiesGgz);
        bool legacy = columns.Contains(VektisCost.SpecialistischeGgz) || columns.Contains(VektisCost.GeneralistischeBasisGgz) || columns.Contains(VektisCost.LangdurigeGgz);
        return (model, legacy) switch
        {
            (true, false) => GgzScheme.Zorgprestatiemodel,
            (false, true) => GgzScheme.BasicSpecialist,
            (true, true) => throw new VektisFormatException($"{source}: has both the basic/specialist GGZ columns and the zorgprestatiemodel GGZ columns."),
            _ => throw new VektisFormatException($"{source}: has no GGZ cost columns (neither kosten_specialistische_ggz nor kosten_consulten_ggz)."),
        };
    }

    private static VektisCost CostOf(string canonical)
    {
        foreach (VektisCost c in Enum.GetValues<VektisCost>())
        {
            if (VektisColumns.NameOf(c) == canonical)
            {
                return c;
            }
        }

        throw new InvalidOperationException($"'{canonical}' is not a cost column.");
    }

    private static string ParseSex(string value, string source, int line, int column, string header)
    {
        return value.ToUpperInvariant() switch
        {
            "M" => "M",
            "V" => "V",
            _ => throw BadValue(source, line, column, header, value, "'M' or 'V'"),
        };
    }

    private static double ParseNumber(string value, string source, int line, int column, string header)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
        {
            return d;
        }

        throw BadValue(source, line, column, header, value, "a number with '.' as decimal separator");
    }

    private static VektisFormatException BadValue(string source, int line, int column, string header, string value, string expected)
    {
        return new VektisFormatException(
            $"{source}: line {line}, column {column + 1} '{header.Trim()}': value '{value}' is not {expected}.");
    }

    private const int YearColumn = -6;

    [GeneratedRegex(@"(?<!\d)(?:199\d|20\d\d)(?!\d)")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\s*(\d+)\s*(?:t/m\s*(\d+)\s*jaar|\+|\s*jaar\s*en\s*ouder)\s*$")]
    private static partial Regex AgePattern();
}
