namespace Gem.Monitor.Statistics;

/// <summary>How the confidence interval of an observed/expected ratio is computed.</summary>
public enum RatioInterval
{
    /// <summary>Exact Poisson limits from chi-square quantiles (Ulm 1990).</summary>
    ExactPoisson,
    /// <summary>Byar's approximation to the exact Poisson limits (Breslow &amp; Day 1987).</summary>
    Byar,
}

/// <summary>An indirectly standardised ratio: observed / expected with its interval.</summary>
public sealed record StandardisedRatio(double Observed, double Expected, double Ratio, double Lower, double Upper, double Level, RatioInterval Method);

/// <summary>
/// Indirect age–sex standardisation: the expected value of an area is the sum over strata of the area's
/// population times the reference (national) rate; the ratio is observed / expected (SMR-style).
/// Pure: no I/O. Intervals assume a Poisson count and are exact (chi-square) or Byar's approximation.
/// For money (expenditure) use <see cref="Expected"/> and the ratio only: a Poisson interval does not apply.
/// </summary>
public static class IndirectStandardisation
{
    /// <summary>Expected = Σ population_i × referenceRate_i.</summary>
    public static double Expected(IReadOnlyList<double> population, IReadOnlyList<double> referenceRate)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(referenceRate);
        if (population.Count != referenceRate.Count)
        {
            throw new ArgumentException($"{population.Count} strata of population but {referenceRate.Count} reference rates.", nameof(referenceRate));
        }

        if (population.Count == 0)
        {
            throw new ArgumentException("At least one stratum is needed.", nameof(population));
        }

        double expected = 0;
        for (int i = 0; i < population.Count; i++)
        {
            if (!(population[i] >= 0) || double.IsInfinity(population[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(population), population[i], $"Stratum {i}: population must be finite and non-negative.");
            }

            if (!(referenceRate[i] >= 0) || double.IsInfinity(referenceRate[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(referenceRate), referenceRate[i], $"Stratum {i}: reference rate must be finite and non-negative.");
            }

            expected += population[i] * referenceRate[i];
        }

        return expected;
    }

    /// <summary>Standardised ratio of an observed count against strata of population and reference rates.</summary>
    public static StandardisedRatio Standardise(double observed, IReadOnlyList<double> population, IReadOnlyList<double> referenceRate, double level = 0.95, RatioInterval method = RatioInterval.ExactPoisson)
    {
        return Ratio(observed, Expected(population, referenceRate), level, method);
    }

    /// <summary>Observed / expected with a Poisson interval for the observed count.</summary>
    public static StandardisedRatio Ratio(double observed, double expected, double level = 0.95, RatioInterval method = RatioInterval.ExactPoisson)
    {
        if (!(observed >= 0) || double.IsInfinity(observed))
        {
            throw new ArgumentOutOfRangeException(nameof(observed), observed, "The observed count must be finite and non-negative.");
        }

        if (!(expected > 0) || double.IsInfinity(expected))
        {
            throw new ArgumentOutOfRangeException(nameof(expected), expected, "The expected count must be finite and positive.");
        }

        Distributions.GuardLevel(level);
        (double lo, double hi) = method switch
        {
            RatioInterval.ExactPoisson => ExactPoissonLimits(observed, level),
            RatioInterval.Byar => ByarLimits(observed, level),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown interval method."),
        };
        return new StandardisedRatio(observed, expected, observed / expected, lo / expected, hi / expected, level, method);
    }

    /// <summary>Exact Poisson limits for a count: [qchisq(α/2, 2O)/2, qchisq(1−α/2, 2O+2)/2]; the lower limit of 0 is 0.</summary>
    public static (double Lower, double Upper) ExactPoissonLimits(double count, double level)
    {
        if (!(count >= 0) || double.IsInfinity(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be finite and non-negative.");
        }

        Distributions.GuardLevel(level);
        double alpha = 1 - level;
        double lower = count == 0 ? 0 : Distributions.ChiSquareQuantile(alpha / 2, 2 * count) / 2;
        double upper = Distributions.ChiSquareQuantile(1 - (alpha / 2), (2 * count) + 2) / 2;
        return (lower, upper);
    }

    /// <summary>Byar's approximation: O(1 − 1/(9O) − z/(3√O))³ and (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.</summary>
    public static (double Lower, double Upper) ByarLimits(double count, double level)
    {
        if (!(count >= 0) || double.IsInfinity(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be finite and non-negative.");
        }

        double z = Distributions.TwoSidedZ(level);
        double lower = count == 0 ? 0 : count * Math.Pow(1 - (1 / (9 * count)) - (z / (3 * Math.Sqrt(count))), 3);
        double o1 = count + 1;
        double upper = o1 * Math.Pow(1 - (1 / (9 * o1)) + (z / (3 * Math.Sqrt(o1))), 3);
        return (Math.Max(0, lower), upper);
    }
}
