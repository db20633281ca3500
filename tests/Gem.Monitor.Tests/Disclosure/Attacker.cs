using System.Globalization;
using System.Text.RegularExpressions;
using Gem.Monitor.Microdata;

namespace Gem.Monitor.Tests.Disclosure;

/// <summary>What the attacker got out of the published files, per kind of count.</summary>
/// <param name="Exact">Counts recovered exactly although only rounded or suppressed values were published (any size).</param>
/// <param name="Small">Of those, counts below 10.</param>
public sealed record AttackResult(IReadOnlyDictionary<string, int> Exact, IReadOnlyDictionary<string, int> Small, IReadOnlyList<string> Examples)
{
    public int TotalSmall => Small.Values.Sum();

    public int TotalExact => Exact.Values.Sum();

    public override string ToString() =>
        "exact: " + string.Join(", ", Exact.Select(static kv => $"{kv.Key} {kv.Value}")) + "; below 10: " + string.Join(", ", Small.Select(static kv => $"{kv.Key} {kv.Value}"))
        + (Examples.Count > 0 ? "; e.g. " + string.Join(" | ", Examples.Take(5)) : string.Empty);
}

/// <summary>
/// Plays an attacker who holds every published output of a microdata run (the PC4 CSV, the HTML report's maps and the
/// pages, which show the same records) and knows the documented methods, including the empirical-Bayes prior exactly
/// (worst case). Per PC4 it searches all integer counts consistent with every published value (rounded counts give
/// ±2, suppressed ones 0–9 or anything, a rate its interval from the printed digits): inhabitants N, patients P,
/// compulsory admissions C (crude rate, smoothed rate), revolving-door persons, dropouts. A count counts as recovered when
/// exactly one value is consistent and it is the true one.
/// </summary>
public static partial class Attacker
{
    private sealed class Interval(double lo, double hi)
    {
        public double Lo { get; private set; } = lo;

        public double Hi { get; private set; } = hi;

        public void Intersect(Interval o)
        {
            Lo = Math.Max(Lo, o.Lo);
            Hi = Math.Min(Hi, o.Hi);
        }

        public bool Contains(double v) => v >= Lo && v <= Hi;
    }

    private sealed class Published
    {
        public long? Inhabitants;
        public long? Patients;
        public readonly Dictionary<string, Interval> Values = new(StringComparer.Ordinal);

        public void Add(string key, Interval i)
        {
            if (Values.TryGetValue(key, out Interval? have))
            {
                have.Intersect(i);
            }
            else
            {
                Values[key] = i;
            }
        }
    }

    /// <param name="csv">The published PC4 CSV (<see cref="MicrodataIndicators.ToCsv"/>).</param>
    /// <param name="html">Published HTML (report, pages): PC4 map tooltips are read as intervals.</param>
    /// <param name="truth">The exact aggregates, only to confirm a recovery.</param>
    /// <param name="prior">The empirical-Bayes gamma prior (shape α, rate β per inhabitant) the attacker is assumed to know.</param>
    /// <param name="ratesFromRoundedCounts">The documented method: rates are computed from the rounded counts (true) or the exact ones.</param>
    public static AttackResult Run(string csv, IEnumerable<string> html, IReadOnlyList<Pc4Aggregate> truth, int year, (double Shape, double Rate)? prior, bool ratesFromRoundedCounts)
    {
        double M(long count) => ratesFromRoundedCounts ? Gem.Monitor.Disclosure.DisclosureControl.Round(count, 5) : count;
        var pub = new Dictionary<string, Published>(StringComparer.Ordinal);
        Published Of(string pc4) => pub.TryGetValue(pc4, out Published? p) ? p : pub[pc4] = new Published();
        string[] lines = [.. csv.Split('\n').Where(static l => l.Length > 0 && !l.StartsWith('#'))];
        string[] header = lines[0].Split(';');
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(';');
            if (int.Parse(f[0], CultureInfo.InvariantCulture) != year)
            {
                continue;
            }

            Published p = Of(f[1]);
            for (int i = 2; i < f.Length && i < header.Length; i++)
            {
                if (f[i].Length == 0 || !double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    continue;
                }

                switch (header[i])
                {
                    case "inwoners": p.Inhabitants = (long)v; break;
                    case "patienten": p.Patients = (long)v; break;
                    default: p.Add(header[i], Exact(v, f[i])); break;
                }
            }
        }

        foreach (string h in html)
        {
            foreach ((string key, string id) in MapIds)
            {
                Match svg = Regex.Match(h, $"<svg id=\"{id}\".*?</svg>", RegexOptions.Singleline);
                if (!svg.Success)
                {
                    continue;
                }

                foreach (Match t in TooltipPattern().Matches(svg.Value))
                {
                    if (Display(t.Groups[2].Value) is { } interval)
                    {
                        Of(t.Groups[1].Value).Add(key, interval);
                    }
                }
            }
        }

        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var small = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        void Score(string kind, Pc4Aggregate a, IReadOnlyCollection<long> candidates, long truthValue)
        {
            if (candidates.Count != 1 || candidates.First() != truthValue)
            {
                return;
            }

            exact[kind] = exact.GetValueOrDefault(kind) + 1;
            if (truthValue < 10)
            {
                small[kind] = small.GetValueOrDefault(kind) + 1;
                examples.Add($"PC4 {a.Pc4}: {kind} = {truthValue} (inhabitants {a.Inhabitants})");
            }
        }

        foreach (Pc4Aggregate a in truth.Where(t => t.Year == year))
        {
            if (!pub.TryGetValue(a.Pc4, out Published? p))
            {
                continue;
            }

            Interval? I(string key) => p.Values.GetValueOrDefault(key);
            IEnumerable<long> Around(long? rounded, long lo, long hi) => rounded is { } r ? Range(Math.Max(lo, r - 2), Math.Min(hi, r + 2)) : Range(lo, hi);

            // N and P from counts, prevalence and the two cost rates (cost/N ÷ cost/P = P/N).
            Interval? prevalence = I("behandelde_prevalentie");
            Interval? ratio = I("ggz_kosten_per_inwoner") is { } cpi && I("ggz_kosten_per_patient") is { } cpp && cpp.Lo > 0
                ? new Interval(cpi.Lo / cpp.Hi, cpi.Hi / cpp.Lo) : null;
            var pairs = new List<(long N, long P)>();
            long nHi = p.Inhabitants is { } ni ? ni + 2 : 9;
            foreach (long n in Around(p.Inhabitants, p.Inhabitants is null ? 0 : 1, nHi))
            {
                foreach (long pp in Around(p.Patients, 0, n))
                {
                    double q = n == 0 ? double.NaN : M(pp) / M(n);
                    if ((prevalence is null || prevalence.Contains(q)) && (ratio is null || ratio.Contains(q)))
                    {
                        pairs.Add((n, pp));
                    }
                }
            }

            long[] ns = [.. pairs.Select(static x => x.N).Distinct()];
            long[] ps = [.. pairs.Select(static x => x.P).Distinct()];
            if (p.Inhabitants is null || prevalence is not null || ratio is not null)
            {
                Score("inwoners", a, ns, a.Inhabitants);
            }

            Score("patienten", a, ps, a.Patients);

            // Counts behind rates per 10,000 inhabitants: compulsory admissions (crude and smoothed), revolving door.
            Interval? crude = I("verplichte_opnames_per_10000"), smoothed = I("verplichte_opnames_per_10000_eb");
            if (crude is not null || (smoothed is not null && prior is not null))
            {
                var cs = new HashSet<long>();
                foreach (long n in ns.Where(static n => n > 0))
                {
                    for (long c = 0; c <= 3 * n; c++)
                    {
                        if ((crude is null || crude.Contains(10000.0 * M(c) / M(n)))
                            && (smoothed is null || prior is not { } pr || smoothed.Contains(10000.0 * (M(c) + pr.Shape) / (M(n) + pr.Rate))))
                        {
                            cs.Add(c);
                        }
                    }
                }

                Score("verplichte_opnames", a, cs, a.CompulsoryAdmissions);
            }

            if (I("draaideur_per_10000") is { } rd)
            {
                Score("draaideur", a, [.. ns.Where(static n => n > 0).SelectMany(n => Range(0, n).Where(k => rd.Contains(10000.0 * M(k) / M(n)))).Distinct()], a.RevolvingDoor);
            }

            if (I("uitval_fractie") is { } dropout)
            {
                Score("uitval", a, [.. ps.Where(static x => x > 0).SelectMany(x => Range(0, x).Where(k => dropout.Contains(M(k) / M(x)))).Distinct()], a.Dropouts);
            }

            if (I("heropname_fractie") is { } readmission)
            {
                // Admissions are not published: any number up to three per inhabitant.
                long maxA = 3 * (ns.Length == 0 ? 0 : ns.Max());
                Score("heropnames", a, [.. Range(1, maxA).SelectMany(aa => Range(0, aa).Where(k => readmission.Contains(M(k) / M(aa)))).Distinct()], a.Readmissions);
            }
        }

        return new AttackResult(exact, small, examples);
    }

    /// <summary>Published fractions and rates whose true numerator or denominator counts fewer than 10 (a white-box check of the rule).</summary>
    public static IReadOnlyList<string> RestingOnFewerThanTen(IReadOnlyList<Pc4Indicators> published, IReadOnlyList<Pc4Aggregate> truth)
    {
        var byKey = truth.ToDictionary(static t => (t.Year, t.Pc4));
        var found = new List<string>();
        foreach (Pc4Indicators p in published)
        {
            Pc4Aggregate a = byKey[(p.Year, p.Pc4)];
            void Check(string name, double? value, params long[] counts)
            {
                if (value is not null && counts.Any(static c => c < 10))
                {
                    found.Add($"PC4 {p.Pc4} {name} rests on {string.Join("/", counts)}");
                }
            }

            Check("prevalence", p.TreatedPrevalence, a.Patients, a.Inhabitants);
            Check("SMI fraction", p.FractionSmi, a.PatientsSmi, a.Patients);
            Check("compulsory", p.CompulsoryPer10000, a.CompulsoryAdmissions, a.Inhabitants);
            Check("compulsory smoothed", p.CompulsoryPer10000Smoothed, a.CompulsoryAdmissions, a.Inhabitants);
            Check("readmission", p.ReadmissionRate, a.Readmissions, a.Admissions);
            Check("revolving door", p.RevolvingDoorPer10000, a.RevolvingDoor, a.Inhabitants);
            Check("dropout", p.DropoutRate, a.Dropouts, a.Patients);
        }

        return found;
    }

    private static readonly (string Key, string Id)[] MapIds =
    [
        ("ggz_kosten_per_inwoner", "pc4-kosten-inwoner"),
        ("ggz_kosten_per_patient", "pc4-kosten-patient"),
        ("behandelde_prevalentie", "pc4-prevalentie"),
    ];

    private static IEnumerable<long> Range(long lo, long hi)
    {
        for (long i = lo; i <= hi; i++)
        {
            yield return i;
        }
    }

    /// <summary>A value printed with "R": the double itself, with a hair of slack for the attacker's own arithmetic.</summary>
    private static Interval Exact(double v, string text)
    {
        _ = text;
        double slack = Math.Max(Math.Abs(v) * 1e-12, 1e-15);
        return new Interval(v - slack, v + slack);
    }

    /// <summary>A Dutch display ("€ 1.234", "12,3%"): the interval of values that print so.</summary>
    private static Interval? Display(string label)
    {
        string s = label.Replace("€", string.Empty, StringComparison.Ordinal).Trim();
        bool percent = s.EndsWith('%');
        s = s.TrimEnd('%').Replace(".", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return null;
        }

        int comma = s.IndexOf(',', StringComparison.Ordinal);
        double half = 0.5 * Math.Pow(10, -(comma < 0 ? 0 : s.Length - comma - 1));
        double scale = percent ? 0.01 : 1;
        return new Interval((v - half) * scale, (v + half) * scale);
    }

    [GeneratedRegex(@"<title>(\d{4}): ([^<]*)</title>")]
    private static partial Regex TooltipPattern();
}
