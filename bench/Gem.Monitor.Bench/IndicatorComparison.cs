using System.Globalization;

/// <summary>
/// Compares indicator VALUES (not only row counts) between Gem's output and the plain SQL and R outputs (issue 17), per
/// PC4-year and indicator. Gem publishes after disclosure control: it leaves suppressed cells empty and computes its
/// ratios over counts rounded to 5, so a published value is "equal" (relative 1e-9; R writes 15 digits), "within
/// rounding" (relative difference at most 5 / the smaller of the other's two counts, the most rounding to 5 can move a
/// ratio), or "different". Prints one line per other file; exit code 1 when any published value is different.
/// </summary>
internal static class IndicatorComparison
{
    private static readonly string[] Indicators =
    [
        "ggz_kosten_per_inwoner", "ggz_kosten_per_patient", "behandelde_prevalentie", "fractie_ernstig", "fractie_basis_ggz",
        "fractie_specialistische_ggz", "verplichte_opnames_per_10000", "heropname_fractie", "draaideur_per_10000", "uitval_fractie",
    ];

    public static int Run(string gemCsv, string[] others)
    {
        var gem = Read(gemCsv);
        var failed = false;
        foreach (string other in others)
        {
            var theirs = Read(other);
            long compared = 0, equal = 0, rounding = 0, suppressed = 0, bothEmpty = 0, countsWithin5 = 0, countsCompared = 0;
            var differences = new List<string>();
            foreach (var (key, row) in gem)
            {
                if (!theirs.TryGetValue(key, out var their))
                {
                    differences.Add($"{key}: not in {Path.GetFileName(other)}");
                    continue;
                }

                foreach (string count in new[] { "inwoners", "patienten" })
                {
                    if (row.TryGetValue(count, out var g) && g is { } gv && their[count] is { } tv)
                    {
                        countsCompared++;
                        if (Math.Abs(gv - tv) <= 5)
                        {
                            countsWithin5++;
                        }
                        else
                        {
                            differences.Add($"{key} {count}: gem {gv}, other {tv}");
                        }
                    }
                }

                foreach (string indicator in Indicators)
                {
                    double? g = row.GetValueOrDefault(indicator);
                    double? t = their.GetValueOrDefault(indicator);
                    if (g is null)
                    {
                        if (t is null) bothEmpty++; else suppressed++;
                        continue;
                    }

                    compared++;
                    double smallest = Math.Max(1, Math.Min(their.GetValueOrDefault("inwoners") ?? 1, Math.Max(1, their.GetValueOrDefault("patienten") ?? 1)));
                    if (t is { } tv && Math.Abs(g.Value - tv) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(g.Value), Math.Abs(tv))))
                    {
                        equal++;
                    }
                    else if (t is { } tr && Math.Abs(g.Value - tr) <= (5.0 / smallest + 1e-9) * Math.Max(Math.Abs(g.Value), Math.Abs(tr)))
                    {
                        rounding++;
                    }
                    else
                    {
                        differences.Add($"{key} {indicator}: gem {g}, other {t}");
                    }
                }
            }

            int onlyTheirs = theirs.Keys.Count(k => !gem.ContainsKey(k));
            failed |= differences.Count > 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gem vs {Path.GetFileName(other)}: {gem.Count} vs {theirs.Count} PC4-years ({onlyTheirs} only there); indicator values compared {compared}: equal {equal}, within rounding {rounding}, different {compared - equal - rounding}; suppressed by Gem {suppressed}, empty in both {bothEmpty}; counts within rounding to 5: {countsWithin5} of {countsCompared}"));
            foreach (string d in differences.Take(10))
            {
                Console.WriteLine("  " + d);
            }
        }

        return failed ? 1 : 0;
    }

    private static Dictionary<string, Dictionary<string, double?>> Read(string path)
    {
        var rows = new Dictionary<string, Dictionary<string, double?>>(StringComparer.Ordinal);
        string[]? header = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split(';');
            if (header is null)
            {
                header = f;
                continue;
            }

            var row = new Dictionary<string, double?>(StringComparer.Ordinal);
            for (int i = 2; i < f.Length && i < header.Length; i++)
            {
                row[header[i]] = double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;
            }

            rows[f[0] + "/" + f[1].PadLeft(4, '0')] = row;
        }

        return rows;
    }
}
