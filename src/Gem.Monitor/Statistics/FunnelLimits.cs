namespace Gem.Monitor.Statistics;

/// <summary>Control limits of a funnel plot at one denominator.</summary>
public sealed record FunnelLimit(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>Where a point lies relative to the funnel.</summary>
public enum FunnelPosition
{
    Within95,
    Above95,
    Below95,
    Above998,
    Below998,
}

/// <summary>
/// Funnel-plot control limits around a target at 95% and 99.8% (Spiegelhalter 2005; the methods of
/// Public Health England's fingertips): Wilson score limits for proportions, exact Poisson limits for
/// counts and rates, normal limits for means. Pure: no I/O.
/// </summary>
public static class FunnelLimits
{
    public const double Level95 = 0.95;
    public const double Level998 = 0.998;

    /// <summary>Wilson score limits for a proportion with target p0 and denominator n.</summary>
    public static (double Lower, double Upper) Proportion(double target, double denominator, double level)
    {
        if (!(target >= 0 && target <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A target proportion lies in [0, 1].");
        }

        GuardDenominator(denominator);
        double z = Distributions.TwoSidedZ(level);
        double z2 = z * z, n = denominator;
        double centre = target + (z2 / (2 * n));
        double half = z * Math.Sqrt((target * (1 - target) / n) + (z2 / (4 * n * n)));
        double scale = 1 + (z2 / n);
        return ((centre - half) / scale, (centre + half) / scale);
    }

    /// <summary>Exact Poisson limits for a rate with target rate and denominator (person-years): the limits of the count target × n, divided by n.</summary>
    public static (double Lower, double Upper) Rate(double targetRate, double denominator, double level)
    {
        if (!(targetRate >= 0) || double.IsInfinity(targetRate))
        {
            throw new ArgumentOutOfRangeException(nameof(targetRate), targetRate, "A target rate is finite and non-negative.");
        }

        GuardDenominator(denominator);
        (double lo, double hi) = IndirectStandardisation.ExactPoissonLimits(targetRate * denominator, level);
        return (lo / denominator, hi / denominator);
    }

    /// <summary>Exact Poisson limits for an observed/expected ratio with target 1 at expected count E.</summary>
    public static (double Lower, double Upper) Ratio(double expected, double level)
    {
        return Rate(1, expected, level);
    }

    /// <summary>Normal limits for a mean: target ± z·sd/√n.</summary>
    public static (double Lower, double Upper) Mean(double target, double standardDeviation, double denominator, double level)
    {
        if (!double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target mean must be finite.");
        }

        if (!(standardDeviation >= 0) || double.IsInfinity(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be finite and non-negative.");
        }

        GuardDenominator(denominator);
        double half = Distributions.TwoSidedZ(level) * standardDeviation / Math.Sqrt(denominator);
        return (target - half, target + half);
    }

    /// <summary>Both limit pairs for a proportion.</summary>
    public static FunnelLimit ProportionLimits(double target, double denominator)
    {
        var a = Proportion(target, denominator, Level95);
        var b = Proportion(target, denominator, Level998);
        return new FunnelLimit(denominator, a.Lower, a.Upper, b.Lower, b.Upper);
    }

    /// <summary>Both limit pairs for a rate.</summary>
    public static FunnelLimit RateLimits(double targetRate, double denominator)
    {
        var a = Rate(targetRate, denominator, Level95);
        var b = Rate(targetRate, denominator, Level998);
        return new FunnelLimit(denominator, a.Lower, a.Upper, b.Lower, b.Upper);
    }

    /// <summary>Both limit pairs for a mean.</summary>
    public static FunnelLimit MeanLimits(double target, double standardDeviation, double denominator)
    {
        var a = Mean(target, standardDeviation, denominator, Level95);
        var b = Mean(target, standardDeviation, denominator, Level998);
        return new FunnelLimit(denominator, a.Lower, a.Upper, b.Lower, b.Upper);
    }

    /// <summary>Classifies a value against limits.</summary>
    public static FunnelPosition Classify(double value, FunnelLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A NaN value cannot be classified.");
        }

        return value > limit.Upper998 ? FunnelPosition.Above998
            : value < limit.Lower998 ? FunnelPosition.Below998
            : value > limit.Upper95 ? FunnelPosition.Above95
            : value < limit.Lower95 ? FunnelPosition.Below95
            : FunnelPosition.Within95;
    }

    private static void GuardDenominator(double denominator)
    {
        if (!(denominator > 0) || double.IsInfinity(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must be finite and positive.");
        }
    }
}
