using System.Globalization;

namespace Gem.Monitor.Deprivation;

/// <summary>CBS SES-WOA for one PC4 and year; <see cref="Score"/> is null where CBS left it empty (few households).</summary>
public sealed record SesPc4(int Year, string Pc4, double Households, double? Score);

/// <summary>Household-weighted SES-WOA of a gemeente.</summary>
public sealed record SesGemeente(string Gemeente, double Households, double Score, int Pc4Count);

/// <summary>Reads the CBS SES-WOA per PC4 file (semicolon, decimal comma) and aggregates it to gemeenten.</summary>
public static class SesWoa
{
    public static IReadOnlyList<SesPc4> Read(string path)
    {
        using var reader = new StreamReader(path);
        string[] header = CsvLine.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."), ';');
        int iYear = Pc4Crosswalk.Index(header, "SES_Verslagjaar", path), iPc4 = Pc4Crosswalk.Index(header, "SES_PC4", path);
        int iHh = Pc4Crosswalk.Index(header, "SES_Aantal_huishoudens", path), iScore = Pc4Crosswalk.Index(header, "SES_Totaalscore", path);
        var rows = new List<SesPc4>();
        string? line;
        int lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = CsvLine.Split(line, ';');
            rows.Add(new SesPc4(
                (int)Number(f[iYear], path, lineNumber, header[iYear])!,
                f[iPc4].Trim(),
                Number(f[iHh], path, lineNumber, header[iHh]) ?? 0,
                Number(f[iScore], path, lineNumber, header[iScore])));
        }

        return rows;
    }

    /// <summary>The SES-WOA year to pair with a Vektis year: the latest not after it, else the earliest there is (the closest).</summary>
    public static int YearFor(IReadOnlyList<SesPc4> rows, int year)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new InvalidDataException("The SES-WOA file has no rows.");
        }

        return rows.Where(r => r.Year <= year).Select(static r => r.Year).DefaultIfEmpty(rows.Min(static r => r.Year)).Max();
    }

    /// <summary>Household-weighted mean score per gemeente over the PC4 areas with a score and households.</summary>
    public static IReadOnlyList<SesGemeente> ByGemeente(IEnumerable<SesPc4> rows, int year, Pc4Crosswalk crosswalk)
    {
        ArgumentNullException.ThrowIfNull(crosswalk);
        return [.. rows
            .Where(r => r.Year == year && r.Score is not null && r.Households > 0 && crosswalk.GemeenteByPc4.ContainsKey(r.Pc4))
            .GroupBy(r => crosswalk.GemeenteByPc4[r.Pc4], StringComparer.Ordinal)
            .Select(static g => new SesGemeente(g.Key, g.Sum(static r => r.Households), g.Sum(static r => r.Households * r.Score!.Value) / g.Sum(static r => r.Households), g.Count()))
            .OrderBy(static g => g.Gemeente, StringComparer.Ordinal)];
    }

    private static double? Number(string value, string path, int line, string column)
    {
        string v = value.Trim();
        if (v.Length == 0 || v == "NA")
        {
            return null;
        }

        return double.TryParse(v.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d
            : throw new InvalidDataException($"{path}: line {line}, column '{column}': '{value}' is not a number (decimal comma expected).");
    }
}
