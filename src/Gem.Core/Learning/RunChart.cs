namespace Gem.Core.Learning;

/// <summary>
/// The run-chart rules that tell a real change from noise, for one series of points in time order. Pure, no I/O.
/// <list type="bullet">
/// <item>Centre line: the median of the baseline points (the first <c>baseline</c> points; all points when no baseline is given),
/// extended over the whole series.</item>
/// <item>Anhøj (2014, 2015): points on the median are left out ("useful" points, n). An unusually long run — more consecutive
/// useful points on one side than <see cref="LongestRunLimit"/> = round(log2(n) + 3) — or too few crossings of the median —
/// fewer than <see cref="CrossingsLimit"/> = the 5th percentile of Binomial(n − 1, 0.5) (R's <c>qbinom(0.05, n - 1, 0.5)</c>) —
/// signals non-random variation.</item>
/// <item>NHS Scotland's shift: <see cref="ShiftLength"/> (6) or more consecutive points all above or all below the median; points
/// on the median neither make nor break a shift.</item>
/// <item>Shewhart individuals chart: mean of the baseline, σ = mean moving range of the baseline / 1.128 (d2 for n = 2),
/// limits mean ± 3σ; a point outside them signals.</item>
/// </list>
/// Checked against base R (tests/Gem.Core.Tests/Learning/R/runchart.R).
/// </summary>
public static class RunChart
{
    /// <summary>NHS Scotland: six or more consecutive points on one side of the median make a shift.</summary>
    public const int ShiftLength = 6;

    /// <summary>d2 for subgroups of two (the moving range of consecutive individual values).</summary>
    public const double D2 = 1.128;

    /// <summary>Fewer useful points than this and the rules say nothing (too little to tell).</summary>
    public const int MinimumPoints = 10;

    private const double DblEpsilon = 2.220446049250313e-16;

    /// <summary>Anhøj's upper limit for the longest run among <paramref name="useful"/> points not on the median: round(log2(n) + 3).</summary>
    public static int LongestRunLimit(int useful)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(useful, 1);
        return (int)Math.Round(Math.Log2(useful) + 3, MidpointRounding.ToEven); // R rounds half to even too
    }

    /// <summary>Anhøj's lower limit for the number of crossings among <paramref name="useful"/> points: the smallest k with P(X ≤ k) ≥ 0.05, X ~ Binomial(n − 1, ½).</summary>
    public static int CrossingsLimit(int useful)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(useful, 2);
        int trials = useful - 1;
        // P(X = k) = C(trials, k) / 2^trials, summed in log space so large n cannot overflow.
        double logHalf = trials * Math.Log(0.5), logChoose = 0, cumulative = 0;
        for (int k = 0; k <= trials; k++)
        {
            if (k > 0) logChoose += Math.Log(trials - k + 1) - Math.Log(k);
            cumulative += Math.Exp(logChoose + logHalf);
            // R's qbinom allows for rounding with a fuzz of 1 - 64 * DBL_EPSILON; do the same.
            if (cumulative >= 0.05 * (1 - (64 * DblEpsilon))) return k;
        }
        return trials;
    }

    /// <summary>The median (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Applies every rule to <paramref name="values"/> (time order); the centre and limits come from the first <paramref name="baseline"/> points.</summary>
    public static RunChartResult Analyse(IReadOnlyList<double> values, int? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("A run chart needs at least one point.", nameof(values));
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException("Every point must be a finite number.", nameof(values));
        int b = baseline ?? values.Count;
        if (b < 1 || b > values.Count) throw new ArgumentOutOfRangeException(nameof(baseline), "The baseline is between 1 point and all points.");
        var basePoints = values.Take(b).ToArray();
        double median = Median(basePoints);

        // Side of each point: +1 above, −1 below, 0 on the median (not useful).
        var sides = values.Select(v => v > median ? 1 : v < median ? -1 : 0).ToArray();
        var useful = sides.Where(s => s != 0).ToArray();
        int n = useful.Length;
        int longest = 0, run = 0, crossings = 0;
        for (int i = 0; i < n; i++)
        {
            run = i > 0 && useful[i] == useful[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
            if (i > 0 && useful[i] != useful[i - 1]) crossings++;
        }
        bool enough = n >= MinimumPoints;
        int? runLimit = n >= 1 ? LongestRunLimit(n) : null, crossLimit = n >= 2 ? CrossingsLimit(n) : null;
        bool longRun = enough && longest > runLimit, fewCrossings = enough && crossings < crossLimit;

        // Shifts: maximal runs of useful points on one side; mark every point (by index in `values`) of a run of ≥ 6.
        var shift = new List<int>();
        var current = new List<int>();
        int side = 0;
        for (int i = 0; i < sides.Length; i++)
        {
            if (sides[i] == 0) continue;
            if (sides[i] != side)
            {
                if (current.Count >= ShiftLength) shift.AddRange(current);
                current.Clear();
                side = sides[i];
            }
            current.Add(i);
        }
        if (current.Count >= ShiftLength) shift.AddRange(current);

        double mean = basePoints.Average();
        double sigma = b >= 2 ? Enumerable.Range(1, b - 1).Average(i => Math.Abs(basePoints[i] - basePoints[i - 1])) / D2 : 0;
        double upper = mean + (3 * sigma), lower = mean - (3 * sigma);
        var outside = b >= 2 ? Enumerable.Range(0, values.Count).Where(i => values[i] > upper || values[i] < lower).ToList() : [];

        return new RunChartResult(median, n, longest, runLimit, crossings, crossLimit, longRun, fewCrossings, shift, mean, sigma, upper, lower, outside, b);
    }
}

/// <summary>What the rules found in one series.</summary>
/// <param name="Median">The centre line (median of the baseline).</param>
/// <param name="UsefulPoints">Points not on the median (Anhøj's n).</param>
/// <param name="LongestRunLimit">Null without useful points.</param>
/// <param name="CrossingsLimit">Null with fewer than two useful points.</param>
/// <param name="LongRun">Anhøj: the longest run is longer than its limit (only from 10 useful points).</param>
/// <param name="FewCrossings">Anhøj: fewer crossings than the limit (only from 10 useful points).</param>
/// <param name="ShiftPoints">Indices of points that belong to a shift of 6 or more (NHS Scotland).</param>
/// <param name="Sigma">Shewhart σ from the baseline's mean moving range; 0 with a one-point baseline.</param>
/// <param name="OutsideLimits">Indices of points outside mean ± 3σ.</param>
/// <param name="Baseline">How many leading points are the baseline.</param>
public sealed record RunChartResult(
    double Median, int UsefulPoints, int LongestRun, int? LongestRunLimit, int Crossings, int? CrossingsLimit, bool LongRun, bool FewCrossings,
    IReadOnlyList<int> ShiftPoints, double Mean, double Sigma, double Upper, double Lower, IReadOnlyList<int> OutsideLimits, int Baseline)
{
    /// <summary>Anhøj's verdict: the series varies more than chance would (a long run or too few crossings).</summary>
    public bool AnhoejSignal => LongRun || FewCrossings;

    /// <summary>NHS Scotland: there is a shift of six or more.</summary>
    public bool Shift => ShiftPoints.Count > 0;

    /// <summary>Any rule flags a real change.</summary>
    public bool Signal => AnhoejSignal || Shift || OutsideLimits.Count > 0;
}
