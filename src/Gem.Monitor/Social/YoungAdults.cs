using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Social;

/// <summary>
/// The Gezondheidsmonitor Jongvolwassenen 2024 (RIVM StatLine 50140NED, ages 16–25): a table with region *codes*, padded with
/// spaces ("NL01  ", "GM0363"), not labels. NL01 is the nation; GGD regions (GG…) and the combined Frisian Wadden islands
/// (CG01) are aggregates; a gemeente code GMnnnn is placed through the gemeente codes of RIVM 50090NED (division 2020, each
/// mapped to its monitor gemeente) plus the gemeenten formed since (<see cref="NewCodes"/>). Any other code is an error naming
/// file, line and column. Self-reported survey percentages without intervals in the export.
/// </summary>
public static class YoungAdults
{
    /// <summary>Gemeenten formed after the 2020 division, with their CBS codes (CBS Gemeentelijke indelingen 2021–2023).</summary>
    public static IReadOnlyDictionary<string, string> NewCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GM1979"] = "Eemsdelta",
        ["GM1980"] = "Dijk en Waard",
        ["GM1982"] = "Land van Cuijk",
        ["GM1991"] = "Maashorst",
        ["GM1992"] = "Voorne aan Zee",
    };

    /// <summary>Code → monitor gemeente, from the gemeente rows of an RIVM 50090NED table and <see cref="NewCodes"/>.</summary>
    public static IReadOnlyDictionary<string, string> Codes(RivmTable division2020)
    {
        ArgumentNullException.ThrowIfNull(division2020);
        var codes = new Dictionary<string, string>(NewCodes, StringComparer.Ordinal);
        foreach (RivmArea a in division2020.Areas.Where(static a => a.Kind == CbsRegionKind.Gemeente && a.Gemeente is not null))
        {
            codes.TryAdd(a.Code, a.Gemeente!);
        }

        return codes;
    }

    public static SocialSeries Read(CbsTable table, SocialIndicator indicator, IReadOnlyDictionary<string, string> codes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(codes);
        int region = table.RegionColumn(), value = table.Column(indicator.Column), person = table.Column("Persoonskenmerken"), marges = table.Column("Marges");
        var acc = new GemeenteAccumulator(additive: false);
        SocialValue? nation = null;
        for (int r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r][person].Trim() != "T009002" || table.Rows[r][marges].Trim() != "MW00000")
            {
                throw new SocialFormatException($"{table.Source}: line {r + 2}: only the total (T009002) and values (MW00000) are expected, found '{table.Rows[r][person]}' / '{table.Rows[r][marges]}'.");
            }

            string code = table.Rows[r][region].Trim();
            if (table.Number(r, value) is not { } v)
            {
                continue;
            }

            if (code == "NL01")
            {
                nation = new SocialValue(v);
            }
            else if (code.StartsWith("GM", StringComparison.Ordinal))
            {
                string gemeente = codes.TryGetValue(code, out string? g) ? g
                    : throw new SocialFormatException($"{table.Source}: line {r + 2}, column '{table.Columns[region]}': gemeente code '{code}' is not in the 2020 division nor among the gemeenten formed since.");
                acc.Add(new GemeenteMatch(code, gemeente, GemeenteAliasKind.Self), v);
            }
            else if (!code.StartsWith("GG", StringComparison.Ordinal) && !code.StartsWith("CG", StringComparison.Ordinal))
            {
                throw new SocialFormatException($"{table.Source}: line {r + 2}, column '{table.Columns[region]}': region code '{code}' is neither NL01, a gemeente (GM), a GGD region (GG) nor combined gemeenten (CG).");
            }
        }

        (Dictionary<string, SocialValue> values, List<string> notCombined) = acc.Result(1);
        return new SocialSeries(indicator, "2024", nation, values, [], notCombined);
    }
}
