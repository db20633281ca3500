namespace Gem.Monitor.Statistics;

/// <summary>The estimated over-dispersion of a set of units around a target.</summary>
/// <param name="Phi">φ: mean of the squared winsorised z-scores (1 = only chance variation).</param>
/// <param name="Tau2">τ²: additive between-unit variance (0 when φ·I ≤ I − 1).</param>
/// <param name="Units">I: the number of units.</param>
public sealed record OverdispersionFit(double Phi, double Tau2, int Units);

/// <summary>
/// Spiegelhalter's (2005, "Handling over-dispersion of performance indicators", Qual Saf Health Care 14:347) additive
/// random-effects adjustment of funnel limits: z_i = (y_i − θ₀)/s_i; the 10% lowest and highest z are winsorised (set
/// to the z at sorted position ⌊0.1·I⌋ + 1 from either end); φ = Σ z_w² / I; with w_i = 1/s_i²,
/// τ² = (I·φ − (I − 1)) / (Σw − Σw²/Σw), or 0 when that is negative. The limits at standard error s become
/// θ₀ ± z_p·√(s² + τ²). Pure; checked against R (tests/Gem.Monitor.Tests/R/reference.R).
/// </summary>
public static class Overdispersion
{
    /// <summary>Fraction winsorised at each end.</summary>
    public const double Winsor = 0.10;

    public static OverdispersionFit Estimate(IReadOnlyList<double> values, IReadOnlyList<double> standardErrors, double target)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(standardErrors);
        int n = values.Count;
        if (standardErrors.Count != n)
        {
            throw new ArgumentException($"{n} values but {standardErrors.Count} standard errors.", nameof(standardErrors));
        }

        if (n < 2)
        {
            throw new ArgumentException("Over-dispersion needs at least two units.", nameof(values));
        }

        var z = new double[n];
        double sumW = 0, sumW2 = 0;
        for (int i = 0; i < n; i++)
        {
            double s = standardErrors[i];
            if (!(s > 0) || double.IsInfinity(s) || !double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(standardErrors), s, $"Unit {i}: a finite value and a positive standard error are needed.");
            }

            z[i] = (values[i] - target) / s;
            double w = 1 / (s * s);
            sumW += w;
            sumW2 += w * w;
        }

        double[] sorted = [.. z.Order()];
        int k = (int)Math.Floor(Winsor * n);
        double lo = sorted[k], hi = sorted[n - 1 - k];
        double phi = z.Sum(v => Math.Pow(Math.Clamp(v, lo, hi), 2)) / n;
        double tau2 = Math.Max(0, ((n * phi) - (n - 1)) / (sumW - (sumW2 / sumW)));
        return new OverdispersionFit(phi, tau2, n);
    }

    /// <summary>Funnel limits for a mean at denominator n with per-unit standard deviation sd, widened by τ² and clamped at 0 below.</summary>
    public static FunnelLimit MeanLimits(double target, double standardDeviation, double denominator, double tau2)
    {
        FunnelLimit plain = FunnelLimits.MeanLimits(target, standardDeviation, denominator);
        double se = standardDeviation / Math.Sqrt(denominator);
        double widen = Math.Sqrt((se * se) + tau2) / se;
        double z95 = (plain.Upper95 - target) * widen, z998 = (plain.Upper998 - target) * widen;
        return new FunnelLimit(denominator, Math.Max(0, target - z95), target + z95, Math.Max(0, target - z998), target + z998);
    }
}
