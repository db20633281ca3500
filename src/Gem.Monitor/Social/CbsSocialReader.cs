using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Social;

/// <summary>
/// Turns a <see cref="CbsTable"/> into a <see cref="SocialSeries"/> for one period: rows without a value in that period are
/// not placed (a gemeente that did not exist then); every other region label is placed by <see cref="CbsRegions"/> or is an
/// error naming file, line and column.
/// </summary>
public static class CbsSocialReader
{
    /// <summary>A published value (a rate or a count) per region.</summary>
    /// <param name="rows">The rows to use: all, or a complete <see cref="CbsTable.Block"/>.</param>
    /// <param name="periodColumn">The period column (null: the table has one period).</param>
    /// <param name="additive">True for a count (parts of a later merger are added); false for a published rate.</param>
    public static SocialSeries Published(CbsTable table, SocialIndicator indicator, IEnumerable<int> rows, string? periodColumn, string period, string valueColumn, bool additive, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(table);
        int value = table.Column(valueColumn);
        return Collect(table, indicator, rows, periodColumn, period, names, additive, 1, (acc, match, r) =>
        {
            double? v = table.Number(r, value);
            if (v is { } x)
            {
                acc.Add(match, x);
            }

            return v;
        });
    }

    /// <summary>A ratio of two count columns × <paramref name="scale"/> (100 for %, 1000 for per 1,000); merged parts add up.</summary>
    public static SocialSeries Ratio(CbsTable table, SocialIndicator indicator, IEnumerable<int> rows, string? periodColumn, string period, string numeratorColumn, string denominatorColumn, double scale, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(table);
        int num = table.Column(numeratorColumn), den = table.Column(denominatorColumn);
        return Collect(table, indicator, rows, periodColumn, period, names, additive: true, scale, (acc, match, r) =>
        {
            double? n = table.Number(r, num), d = table.Number(r, den);
            if (n is { } x && d is { } y)
            {
                acc.Add(match, x, y);
                return y > 0 ? scale * x / y : null;
            }

            return null;
        });
    }

    /// <summary>
    /// A Gezondheidsmonitor table (85563NED and its kind): age group "Totaal", the value row ("Waarde") with its 95% interval
    /// from the "Ondergrens/Bovengrens 95%-interval" rows of the same region.
    /// </summary>
    public static SocialSeries Gezondheidsmonitor(CbsTable table, SocialIndicator indicator, string period, string valueColumn, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(names);
        int age = table.Column("Leeftijd"), kind = table.Column(table.Columns.Contains("Marges") ? "Marges" : "Cijfersoort"), region = table.RegionColumn(), value = table.Column(valueColumn);
        var bounds = new Dictionary<(string Region, bool Upper), double>();
        var valueRows = new List<int>();
        for (int r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r][age] != "Totaal")
            {
                continue;
            }

            string k = table.Rows[r][kind];
            if (k == "Waarde")
            {
                valueRows.Add(r);
            }
            else if (k.StartsWith("Ondergrens", StringComparison.Ordinal) || k.StartsWith("Bovengrens", StringComparison.Ordinal))
            {
                if (table.Number(r, value) is { } b)
                {
                    bounds[(table.Rows[r][region], k.StartsWith("Bovengrens", StringComparison.Ordinal))] = b;
                }
            }
            else
            {
                throw new SocialFormatException($"{table.Source}: line {r + 2}, column '{table.Columns[kind]}': unknown value kind '{k}' (expected Waarde, Ondergrens/Bovengrens 95%-interval).");
            }
        }

        return Collect(table, indicator, valueRows, null, period, names, additive: false, 1, (acc, match, r) =>
        {
            double? v = table.Number(r, value);
            if (v is { } x)
            {
                string label = table.Rows[r][region];
                acc.Add(match, x, null, bounds.TryGetValue((label, false), out double lo) ? lo : null, bounds.TryGetValue((label, true), out double hi) ? hi : null);
            }

            return v;
        }, r => bounds.TryGetValue((table.Rows[r][region], false), out double lo) && bounds.TryGetValue((table.Rows[r][region], true), out double hi) ? (lo, hi) : null);
    }

    private static SocialSeries Collect(
        CbsTable table,
        SocialIndicator indicator,
        IEnumerable<int> rows,
        string? periodColumn,
        string period,
        GemeenteNames names,
        bool additive,
        double scale,
        Func<GemeenteAccumulator, GemeenteMatch, int, double?> add,
        Func<int, (double Lower, double Upper)?>? nationInterval = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(names);
        int region = table.RegionColumn();
        int periodIndex = periodColumn is null ? -1 : table.Column(periodColumn);
        var acc = new GemeenteAccumulator(additive);
        var dummy = new GemeenteAccumulator(additive);
        var nationMatch = new GemeenteMatch("Nederland", "Nederland", GemeenteAliasKind.Self);
        SocialValue? nation = null;
        bool periodSeen = periodIndex < 0;
        foreach (int r in rows)
        {
            if (periodIndex >= 0)
            {
                if (table.Rows[r][periodIndex] != period)
                {
                    continue;
                }

                periodSeen = true;
            }

            string label = table.Rows[r][region];
            if (label.Trim() is "Nederland" or "NL01")
            {
                double? v = add(dummy, nationMatch, r);
                if (v is { } x)
                {
                    (double Lower, double Upper)? ci = nationInterval?.Invoke(r);
                    nation = new SocialValue(x, ci?.Lower, ci?.Upper); // add() returns the value as shown (a ratio already scaled)
                }

                continue;
            }

            // Rows without a value are not placed: in multi-year tables they are gemeenten that did not exist in this period.
            if (!HasValue(dummy, add, r))
            {
                continue;
            }

            CbsRegion placed = CbsRegions.Place(label, names, table.Source, r + 2, table.Columns[region]);
            if (placed.Kind == CbsRegionKind.Gemeente)
            {
                add(acc, placed.Match!, r);
            }
        }

        if (!periodSeen)
        {
            throw new SocialFormatException($"{table.Source}: period '{period}' is not in column '{periodColumn}'.");
        }

        (Dictionary<string, SocialValue> values, List<string> notCombined) = acc.Result(scale);
        return new SocialSeries(indicator, period, nation, values, [], notCombined);
    }

    private static bool HasValue(GemeenteAccumulator dummy, Func<GemeenteAccumulator, GemeenteMatch, int, double?> add, int row)
    {
        return add(dummy, new GemeenteMatch(string.Empty, null, GemeenteAliasKind.Split), row) is not null;
    }
}
