namespace Gem.Monitor.Statistics;

/// <summary>One smoothed area.</summary>
/// <param name="Crude">Observed / exposure.</param>
/// <param name="Smoothed">Posterior mean (O + α) / (E + β).</param>
/// <param name="Lower">2.5% posterior quantile.</param>
/// <param name="Upper">97.5% posterior quantile.</param>
public sealed record SmoothedRate(double Observed, double Exposure, double Crude, double Smoothed, double Lower, double Upper);

/// <summary>The fitted gamma prior and the smoothed areas.</summary>
/// <param name="Shape">α of the gamma prior (∞ when the areas show no extra-Poisson variation).</param>
/// <param name="Rate">β of the gamma prior.</param>
public sealed record PoissonGammaFit(double Mean, double Shape, double Rate, IReadOnlyList<SmoothedRate> Areas);

/// <summary>
/// Empirical-Bayes Poisson–gamma smoothing of small-area rates (Clayton &amp; Kaldor 1987) with Marshall's (1991)
/// method-of-moments prior: m = ΣO/ΣE, s² = ΣE(r−m)²/ΣE, prior variance φ = s² − m/Ē. Each rate becomes
/// (O + α)/(E + β) with α = m²/φ, β = m/φ, i.e. it shrinks towards m the more the smaller its exposure.
/// If φ ≤ 0 every area gets m. Exposure is population (rates) or expected count (relative risks). Pure.
/// </summary>
public static class PoissonGammaSmoother
{
    public static PoissonGammaFit Smooth(IReadOnlyList<double> observed, IReadOnlyList<double> exposure)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(exposure);
        int n = observed.Count;
        if (exposure.Count != n)
        {
            throw new ArgumentException($"{n} observed counts but {exposure.Count} exposures.", nameof(exposure));
        }

        if (n < 2)
        {
            throw new ArgumentException("Smoothing needs at least two areas.", nameof(observed));
        }

        double sumO = 0, sumE = 0;
        for (int i = 0; i < n; i++)
        {
            if (!(observed[i] >= 0) || double.IsInfinity(observed[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(observed), observed[i], $"Area {i}: counts must be finite and non-negative.");
            }

            if (!(exposure[i] > 0) || double.IsInfinity(exposure[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(exposure), exposure[i], $"Area {i}: exposure must be finite and positive.");
            }

            sumO += observed[i];
            sumE += exposure[i];
        }

        double m = sumO / sumE;
        double s2 = 0;
        for (int i = 0; i < n; i++)
        {
            double d = (observed[i] / exposure[i]) - m;
            s2 += exposure[i] * d * d;
        }

        s2 /= sumE;
        double phi = s2 - (m / (sumE / n));
        double shape = phi > 0 ? m * m / phi : double.PositiveInfinity;
        double rate = phi > 0 ? m / phi : double.PositiveInfinity;
        var areas = new SmoothedRate[n];
        for (int i = 0; i < n; i++)
        {
            double crude = observed[i] / exposure[i];
            if (double.IsPositiveInfinity(shape) || m == 0)
            {
                areas[i] = new SmoothedRate(observed[i], exposure[i], crude, m, m, m);
                continue;
            }

            double a = observed[i] + shape, b = exposure[i] + rate;
            areas[i] = new SmoothedRate(
                observed[i], exposure[i], crude, a / b,
                Distributions.GammaQuantile(0.025, a) / b,
                Distributions.GammaQuantile(0.975, a) / b);
        }

        return new PoissonGammaFit(m, shape, rate, areas);
    }
}
