using System.Globalization;
using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Social;

/// <summary>One area of RIVM 50090NED (the nation, a gemeente or a wijk; buurten are not kept).</summary>
/// <param name="Gemeente">For a gemeente or wijk: the monitor gemeente (null for a gemeente that was split later).</param>
/// <param name="Merged">True when the monitor gemeente is a later merger of this and other 2020 gemeenten.</param>
public sealed record RivmArea(int Line, string Code, string Name, CbsRegionKind Kind, string GemeenteCode, string? Gemeente, bool Merged, IReadOnlyDictionary<string, double?> Values);

/// <summary>One RIVM workbook: a year and age group, its areas.</summary>
public sealed record RivmTable(string Source, int Year, string AgeCode, IReadOnlyList<RivmArea> Areas);

/// <summary>
/// Reads the RIVM StatLine export "Gezondheid per wijk en buurt; 2012/2016/2020 (indeling 2020)" (50090NED, .xlsx): every cell is
/// text padded with spaces ("    47.0", "GM0344    "), trimmed here; '.' decimal; empty = no value. Rows are the nation (Land),
/// gemeenten, wijken and buurten of the 2020 division; buurten are skipped. A gemeente is placed by its name
/// (<c>Gemeentenaam_1</c>) with <see cref="CbsRegions"/>; a wijk belongs to the gemeente whose code has the same four digits
/// (WK034401 → GM0344). Anything that cannot be placed is an error naming file, row and column.
/// </summary>
public static class RivmWijkBuurt
{
    private static readonly string[] s_keyColumns = ["ID", "Leeftijd", "Marges", "WijkenEnBuurten", "Perioden", "Gemeentenaam_1", "SoortRegio_2", "Codering_3"];

    public static RivmTable Read(string path, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string source = Path.GetFileName(path);
        IReadOnlyList<string[]> rows = XlsxSheet.Read(path);
        if (rows.Count < 2)
        {
            throw new SocialFormatException($"{source}: the sheet has no data rows.");
        }

        string[] header = [.. rows[0].Select(static h => h.Trim())];
        var col = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            col.TryAdd(header[i], i);
        }

        foreach (string key in s_keyColumns)
        {
            if (!col.ContainsKey(key))
            {
                throw new SocialFormatException($"{source}: row 1 has no column '{key}' (not an RIVM 50090NED export).");
            }
        }

        string[] indicators = [.. header.Skip(s_keyColumns.Length).Where(static h => h.Length > 0)];
        int year = 0;
        string age = string.Empty;
        var areas = new List<RivmArea>();
        var gemeenteByCode = new Dictionary<string, (string? Gemeente, bool Merged)>(StringComparer.Ordinal);
        var mergedParts = new Dictionary<string, int>(StringComparer.Ordinal);
        var wijken = new List<(int Line, string Code, string Name, Dictionary<string, double?> Values)>();
        for (int r = 1; r < rows.Count; r++)
        {
            string[] row = rows[r];
            if (row.Length == 0)
            {
                continue;
            }

            string Cell(string key) => col[key] < row.Length ? row[col[key]].Trim() : string.Empty;
            int line = r + 1;
            string kind = Cell("SoortRegio_2");
            if (kind == "Buurt")
            {
                continue;
            }

            string marges = Cell("Marges");
            if (marges != "MW00000")
            {
                throw new SocialFormatException($"{source}: row {line}, column 'Marges': '{marges}' is not MW00000 (value); this export has no interval rows.");
            }

            string period = Cell("Perioden");
            if (period.Length != 8 || !period.EndsWith("JJ00", StringComparison.Ordinal) || !int.TryParse(period[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int y))
            {
                throw new SocialFormatException($"{source}: row {line}, column 'Perioden': '{period}' is not a year such as 2020JJ00.");
            }

            if (year == 0)
            {
                (year, age) = (y, Cell("Leeftijd"));
            }
            else if (y != year || Cell("Leeftijd") != age)
            {
                throw new SocialFormatException($"{source}: row {line}: period {period} / age {Cell("Leeftijd")} differs from the first row ({year}, {age}); one workbook holds one year and age group.");
            }

            var values = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (string key in indicators)
            {
                string text = Cell(key);
                values[key] = text is "" or "." or "x" ? null // CBS/RIVM: '.' not available, 'x' secret
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
                    : throw new SocialFormatException($"{source}: row {line}, column '{key}': '{CbsTable.Shorten(text)}' is not a number.");
            }

            string code = Cell("Codering_3"), name = Cell("Gemeentenaam_1");
            switch (kind)
            {
                case "Land":
                    areas.Add(new RivmArea(line, code, "Nederland", CbsRegionKind.Nation, string.Empty, null, false, values));
                    break;
                case "Gemeente":
                    if (code.Length != 6 || !code.StartsWith("GM", StringComparison.Ordinal))
                    {
                        throw new SocialFormatException($"{source}: row {line}, column 'Codering_3': '{code}' is not a gemeente code GMnnnn.");
                    }

                    CbsRegion placed = CbsRegions.Place(name, names, source, line, "Gemeentenaam_1");
                    if (placed.Kind != CbsRegionKind.Gemeente)
                    {
                        throw new SocialFormatException($"{source}: row {line}, column 'Gemeentenaam_1': '{name}' is marked Gemeente but is {placed.Kind}.");
                    }

                    string? target = placed.Match!.Gemeente;
                    gemeenteByCode[code] = (target, false);
                    if (target is not null)
                    {
                        mergedParts[target] = mergedParts.GetValueOrDefault(target) + 1;
                    }

                    areas.Add(new RivmArea(line, code, name, CbsRegionKind.Gemeente, code, target, false, values));
                    break;
                case "Wijk":
                    wijken.Add((line, code, name, values));
                    break;
                default:
                    throw new SocialFormatException($"{source}: row {line}, column 'SoortRegio_2': '{kind}' is not Land, Gemeente, Wijk or Buurt.");
            }
        }

        // A monitor gemeente made of several 2020 gemeenten (a later merger) cannot take one part's percentage.
        for (int i = 0; i < areas.Count; i++)
        {
            if (areas[i] is { Kind: CbsRegionKind.Gemeente, Gemeente: { } g } && mergedParts[g] > 1)
            {
                areas[i] = areas[i] with { Merged = true };
            }
        }

        foreach (var (line, code, name, values) in wijken)
        {
            string gm = code.Length == 8 && code.StartsWith("WK", StringComparison.Ordinal) ? "GM" + code[2..6] : string.Empty;
            if (!gemeenteByCode.TryGetValue(gm, out var owner))
            {
                throw new SocialFormatException($"{source}: row {line}, column 'Codering_3': wijk '{code}' has no gemeente {gm} in the file.");
            }

            // The export names no wijk (Gemeentenaam_1 is the gemeente's name): the label is the gemeente and the wijk number.
            string label = string.Create(CultureInfo.InvariantCulture, $"{name} wijk {code[6..]}");
            areas.Add(new RivmArea(line, code, label, CbsRegionKind.Wijk, gm, owner.Gemeente, owner.Gemeente is not null && mergedParts[owner.Gemeente] > 1, values));
        }

        return new RivmTable(source, year, age, areas);
    }

    /// <summary>One column as a series: the nation, the gemeenten (percentages of merged parts are not combined) and all wijken.</summary>
    public static SocialSeries Series(RivmTable table, SocialIndicator indicator, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(indicator);
        if (table.Areas.Count == 0 || !table.Areas[0].Values.ContainsKey(column))
        {
            throw new SocialFormatException($"{table.Source}: column '{column}' is missing.");
        }

        SocialValue? nation = null;
        var gemeenten = new Dictionary<string, SocialValue>(StringComparer.Ordinal);
        var notCombined = new SortedSet<string>(StringComparer.Ordinal);
        var wijken = new List<WijkValue>();
                foreach (RivmArea a in table.Areas)
        {
            if (a.Values[column] is not { } v)
            {
                continue;
            }

            switch (a.Kind)
            {
                case CbsRegionKind.Nation:
                    nation = new SocialValue(v);
                    break;
                case CbsRegionKind.Gemeente when a.Gemeente is not null:
                    if (a.Merged)
                    {
                        notCombined.Add(a.Gemeente);
                    }
                    else
                    {
                        gemeenten[a.Gemeente] = new SocialValue(v);
                    }

                    break;
                case CbsRegionKind.Wijk:
                    wijken.Add(new WijkValue(a.Code, a.Name, a.GemeenteCode, a.Gemeente, v));
                    break;
            }
        }

        return new SocialSeries(indicator, table.Year.ToString(CultureInfo.InvariantCulture), nation, gemeenten, wijken, [.. notCombined]);
    }
}
