namespace Gem.Monitor.Statistics;

/// <summary>
/// Special functions the statistics need: normal quantile (Wichura AS 241, about 1e-16 relative),
/// log-gamma (Lanczos), regularised incomplete gamma (series / continued fraction) and its inverse,
/// giving chi-square and gamma quantiles. Checked against R's qnorm/qchisq/qgamma in the tests.
/// </summary>
public static class Distributions
{
    /// <summary>The q-quantile of sorted sample values, linear between order statistics (R: quantile(x, q, type = 7)).</summary>
    public static double SampleQuantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Quantile of the standard normal distribution (R: qnorm(p)).</summary>
    public static double NormalQuantile(double p)
    {
        if (double.IsNaN(p) || p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie strictly between 0 and 1.");
        }

        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r0 = 0.180625 - (q * q);
            return q * Horner(s_a, r0) / Horner(s_b, r0);
        }

        double r = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double val = r <= 5
            ? Horner(s_c, r - 1.6) / Horner(s_d, r - 1.6)
            : Horner(s_e, r - 5) / Horner(s_f, r - 5);
        return q < 0 ? -val : val;
    }

    // AS 241 (PPND16) coefficients, lowest power first.
    private static readonly double[] s_a = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
    private static readonly double[] s_b = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852545925];
    private static readonly double[] s_c = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
    private static readonly double[] s_d = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
    private static readonly double[] s_e = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
    private static readonly double[] s_f = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

    private static double Horner(double[] coefficients, double x)
    {
        double v = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            v = (v * x) + coefficients[i];
        }

        return v;
    }

    /// <summary>Two-sided critical value z for a confidence level (0.95 → 1.959964).</summary>
    public static double TwoSidedZ(double level)
    {
        GuardLevel(level);
        return NormalQuantile(1 - ((1 - level) / 2));
    }

    /// <summary>Natural log of the gamma function for x &gt; 0 (Lanczos, g = 7, n = 9).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be positive.");
        }

        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++)
        {
            a += c[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>Regularised lower incomplete gamma P(a, x) (R: pgamma(x, a)).</summary>
    public static double GammaP(double a, double x)
    {
        if (!(a > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be positive.");
        }

        if (x <= 0)
        {
            return 0;
        }

        return x < a + 1 ? GammaSeries(a, x) : 1 - GammaContinuedFraction(a, x);
    }

    /// <summary>Quantile of the gamma distribution with shape a and rate 1 (R: qgamma(p, a)).</summary>
    public static double GammaQuantile(double p, double a)
    {
        if (double.IsNaN(p) || p < 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in [0, 1).");
        }

        if (!(a > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "shape must be positive.");
        }

        if (p == 0)
        {
            return 0;
        }

        // Bracket around the Wilson–Hilferty approximation, then safeguarded Newton.
        double z = p is > 1e-300 and < 1 ? NormalQuantile(p) : 0;
        double wh = a * Math.Pow(Math.Max(1e-3, 1 - (1 / (9 * a)) + (z / (3 * Math.Sqrt(a)))), 3);
        double lo = 0, hi = Math.Max(wh * 1.5, 1e-3);
        while (GammaP(a, hi) < p)
        {
            lo = hi;
            hi *= 2;
        }

        double x = wh > lo && wh < hi ? wh : 0.5 * (lo + hi);
        double logNorm = LogGamma(a);
        for (int i = 0; i < 300; i++)
        {
            double f = GammaP(a, x) - p;
            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double density = Math.Exp(((a - 1) * Math.Log(x)) - x - logNorm);
            double next = density > 0 ? x - (f / density) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 1e-15 * Math.Max(1, x))
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    /// <summary>Quantile of the chi-square distribution (R: qchisq(p, df)); df may be non-integer.</summary>
    public static double ChiSquareQuantile(double p, double df)
    {
        return 2 * GammaQuantile(p, df / 2);
    }

    internal static void GuardLevel(double level)
    {
        if (double.IsNaN(level) || level <= 0 || level >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }
    }

    private static double GammaSeries(double a, double x)
    {
        double sum = 1 / a, term = sum, ap = a;
        for (int n = 0; n < 10000; n++)
        {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-16)
            {
                break;
            }
        }

        return sum * Math.Exp((a * Math.Log(x)) - x - LogGamma(a));
    }

    private static double GammaContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp((a * Math.Log(x)) - x - LogGamma(a)) * h;
    }
}
