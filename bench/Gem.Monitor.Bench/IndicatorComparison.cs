using System.Globalization;

/// <summary>
/// Compares indicator VALUES (not only row counts) between Gem's output and the plain SQL and R outputs (issue 17), per
/// PC4-year and indicator. Gem publishes after disclosure control: it leaves suppressed cells empty and computes its
/// ratios over counts rounded to 5, so a published value is "equal" (relative 1e-9; R writes 15 digits), "within
/// rounding" (exactly what Gem publishes for the other's counts: the other's value gives the numerator and denominator,
/// both are rounded to 5 as <see cref="Gem.Monitor.Disclosure.DisclosureControl.Round(long, int)"/> does, and the ratio
/// of the rounded counts equals Gem's value; costs are money and only their denominator is rounded), or "different".
/// Prints one line per other file; exit code 1 when any published value is different.
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
                    if (t is { } tv && Same(g.Value, tv))
                    {
                        equal++;
                    }
                    else if (t is { } tr && WithinRounding(indicator, g.Value, tr, their.GetValueOrDefault("inwoners") ?? 0, their.GetValueOrDefault("patienten") ?? 0))
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

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static double R5(double count) => Gem.Monitor.Disclosure.DisclosureControl.Round((long)Math.Round(count), 5);

    /// <summary>
    /// Whether <paramref name="gem"/> is what Gem publishes for the exact value <paramref name="exact"/>: the counts behind
    /// the exact value (inhabitants <paramref name="i"/>, patients <paramref name="p"/>, a numerator derived from the value)
    /// rounded to 5 and divided again. The readmission share's denominator (admissions) is not in the files: every
    /// denominator up to the patients that makes the exact value a ratio of whole numbers is tried.
    /// </summary>
    private static bool WithinRounding(string indicator, double gem, double exact, double i, double p)
    {
        bool Ratio(double n, double d, double scale) => R5(d) > 0 && Same(gem, R5(n) / R5(d) * scale);
        switch (indicator)
        {
            case "ggz_kosten_per_inwoner": return R5(i) > 0 && Same(gem, exact * i / R5(i));
            case "ggz_kosten_per_patient": return R5(p) > 0 && Same(gem, exact * p / R5(p));
            case "behandelde_prevalentie": return Ratio(p, i, 1);
            case "verplichte_opnames_per_10000" or "draaideur_per_10000": return Ratio(exact * i / 10000, i, 10000);
            case "heropname_fractie":
                for (int d = 1; d <= Math.Max(1, p); d++)
                {
                    double n = exact * d;
                    if (Math.Abs(n - Math.Round(n)) < 1e-6 && Ratio(n, d, 1)) return true;
                }
                return false;
            default: return Ratio(exact * p, p, 1); // fractions of the patients
        }
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
