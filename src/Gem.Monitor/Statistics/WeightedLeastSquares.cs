namespace Gem.Monitor.Statistics;

/// <summary>The fit of a weighted least-squares regression (as R's <c>lm(y ~ x, weights = w)</c>).</summary>
/// <param name="Names">"(Intercept)" then the predictor names.</param>
/// <param name="Coefficients">Estimates, in the order of <paramref name="Names"/>.</param>
/// <param name="StandardErrors">Standard errors of the estimates.</param>
/// <param name="ResidualStandardError">√(Σ w·e² / (n − p)).</param>
/// <param name="RSquared">Weighted R² as reported by R's summary.lm.</param>
/// <param name="Fitted">Expected value per observation.</param>
public sealed record RegressionFit(
    IReadOnlyList<string> Names,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardErrors,
    double ResidualStandardError,
    double RSquared,
    IReadOnlyList<double> Fitted,
    int DegreesOfFreedom);

/// <summary>
/// Weighted least squares with an intercept, solved by Householder QR on √w-scaled data (numerically the
/// same route as R's lm). Pure: no I/O. Used for "expected expenditure given deprivation" per area.
/// </summary>
public static class WeightedLeastSquares
{
    public static RegressionFit Fit(IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double>> predictors, IReadOnlyList<string> predictorNames, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(predictors);
        ArgumentNullException.ThrowIfNull(predictorNames);
        ArgumentNullException.ThrowIfNull(weights);
        int n = y.Count, p = predictors.Count + 1;
        if (predictorNames.Count != predictors.Count)
        {
            throw new ArgumentException("One name per predictor is needed.", nameof(predictorNames));
        }

        if (weights.Count != n || predictors.Any(x => x.Count != n))
        {
            throw new ArgumentException("y, every predictor and the weights must have the same length.", nameof(predictors));
        }

        if (n <= p)
        {
            throw new ArgumentException($"{n} observations cannot fit {p} coefficients with residual degrees of freedom.", nameof(y));
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(y[i]) || predictors.Any(x => !double.IsFinite(x[i])))
            {
                throw new ArgumentException($"Observation {i} has a missing or infinite value.", nameof(y));
            }

            if (!(weights[i] > 0) || double.IsInfinity(weights[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"Observation {i}: weights must be finite and positive.");
            }
        }

        // A = √w·[1 X], b = √w·y
        var a = new double[n, p];
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sw = Math.Sqrt(weights[i]);
            a[i, 0] = sw;
            for (int j = 1; j < p; j++)
            {
                a[i, j] = sw * predictors[j - 1][i];
            }

            b[i] = sw * y[i];
        }

        // Householder QR, applying each reflection to b as well.
        var diagR = new double[p];
        for (int k = 0; k < p; k++)
        {
            double norm = 0;
            for (int i = k; i < n; i++)
            {
                norm = Hypot(norm, a[i, k]);
            }

            double colScale = 0;
            for (int i = 0; i < n; i++)
            {
                colScale = Math.Max(colScale, Math.Abs(a[i, k]));
            }

            if (norm <= 1e-10 * Math.Max(colScale, 1e-300))
            {
                throw new ArgumentException($"Predictor '{(k == 0 ? "(Intercept)" : predictorNames[k - 1])}' is collinear with the others (rank deficient).", nameof(predictors));
            }

            if (a[k, k] < 0)
            {
                norm = -norm;
            }

            for (int i = k; i < n; i++)
            {
                a[i, k] /= norm;
            }

            a[k, k] += 1;
            for (int j = k + 1; j < p; j++)
            {
                double s = 0;
                for (int i = k; i < n; i++)
                {
                    s += a[i, k] * a[i, j];
                }

                s = -s / a[k, k];
                for (int i = k; i < n; i++)
                {
                    a[i, j] += s * a[i, k];
                }
            }

            double sb = 0;
            for (int i = k; i < n; i++)
            {
                sb += a[i, k] * b[i];
            }

            sb = -sb / a[k, k];
            for (int i = k; i < n; i++)
            {
                b[i] += sb * a[i, k];
            }

            diagR[k] = -norm;
        }

        // R is upper triangular: diagonal in diagR, above it in a[i, j] (i < j).
        var beta = new double[p];
        for (int k = p - 1; k >= 0; k--)
        {
            double s = b[k];
            for (int j = k + 1; j < p; j++)
            {
                s -= a[k, j] * beta[j];
            }

            beta[k] = s / diagR[k];
        }

        // (RᵀR)⁻¹ = R⁻¹R⁻ᵀ for the standard errors.
        var rInv = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            rInv[j, j] = 1 / diagR[j];
            for (int i = j - 1; i >= 0; i--)
            {
                double s = 0;
                for (int k = i + 1; k <= j; k++)
                {
                    s += a[i, k] * rInv[k, j];
                }

                rInv[i, j] = -s / diagR[i];
            }
        }

        var fitted = new double[n];
        double rss = 0, sumW = 0, sumWf = 0;
        for (int i = 0; i < n; i++)
        {
            double f = beta[0];
            for (int j = 1; j < p; j++)
            {
                f += beta[j] * predictors[j - 1][i];
            }

            fitted[i] = f;
            double e = y[i] - f;
            rss += weights[i] * e * e;
            sumW += weights[i];
            sumWf += weights[i] * f;
        }

        double meanF = sumWf / sumW, mss = 0;
        for (int i = 0; i < n; i++)
        {
            mss += weights[i] * (fitted[i] - meanF) * (fitted[i] - meanF);
        }

        int df = n - p;
        double sigma2 = rss / df;
        var se = new double[p];
        for (int i = 0; i < p; i++)
        {
            double s = 0;
            for (int k = 0; k < p; k++)
            {
                s += rInv[i, k] * rInv[i, k];
            }

            se[i] = Math.Sqrt(sigma2 * s);
        }

        return new RegressionFit(["(Intercept)", .. predictorNames], beta, se, Math.Sqrt(sigma2), mss / (mss + rss), fitted, df);
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }

        if (x == 0)
        {
            return 0;
        }

        double r = y / x;
        return x * Math.Sqrt(1 + (r * r));
    }
}
