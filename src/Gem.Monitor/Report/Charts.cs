using System.Globalization;
using System.Net;
using System.Text;
using Gem.Monitor.Statistics;

namespace Gem.Monitor.Report;

/// <summary>A point in a chart, with a label for its tooltip.</summary>
/// <param name="Highlight">Drawn larger, outlined and on top (e.g. the region's own gemeenten among all others).</param>
public sealed record ChartPoint(double X, double Y, string Label, string Colour = "#3182bd", bool Highlight = false);

/// <summary>Small self-contained SVG charts (no script): funnel plot and scatter with a fitted line.</summary>
public static class Charts
{
    private const double W = 640, H = 380, Left = 64, Right = 16, Top = 16, Bottom = 48;

    /// <summary>Funnel plot: x = denominator on a log scale, y = value; target line and 95% / 99.8% limits.</summary>
    /// <param name="legend">The legend of the limit lines (default Dutch).</param>
    public static string Funnel(string id, string title, IReadOnlyList<ChartPoint> points, double target, Func<double, FunnelLimit> limits, string xLabel, string yLabel, string legend = "— 95%-grens   - - 99,8%-grens")
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(limits);
        double xMin = Math.Log10(Math.Max(1, points.Min(static p => p.X) * 0.8)), xMax = Math.Log10(points.Max(static p => p.X) * 1.2);
        FunnelLimit atMin = limits(Math.Pow(10, xMin));
        double yMin = Math.Min(points.Min(static p => p.Y), atMin.Lower998), yMax = Math.Max(points.Max(static p => p.Y), atMin.Upper998);
        double pad = (yMax - yMin) * 0.05;
        if (points.All(static p => p.Y >= 0))
        {
            yMin = Math.Max(yMin, 0); // limits below zero are not shown for non-negative values
        }

        yMin -= pad;
        yMax += pad;
        double Sx(double n) => Left + ((Math.Log10(n) - xMin) / (xMax - xMin) * (W - Left - Right));
        double Sy(double v) => Top + ((yMax - v) / (yMax - yMin) * (H - Top - Bottom));

        var sb = Open(id, title);
        Axes(sb, xMin, xMax, yMin, yMax, logX: true, xLabel, yLabel);
        string Line(Func<FunnelLimit, double> pick)
        {
            var d = new StringBuilder();
            for (int i = 0; i <= 80; i++)
            {
                double n = Math.Pow(10, xMin + ((xMax - xMin) * i / 80));
                double v = Math.Clamp(pick(limits(n)), yMin, yMax);
                d.Append(i == 0 ? 'M' : 'L').Append(F(Sx(n))).Append(' ').Append(F(Sy(v)));
            }

            return d.ToString();
        }

        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{Line(static l => l.Upper998)}\" fill=\"none\" stroke=\"#de2d26\" stroke-dasharray=\"4 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{Line(static l => l.Lower998)}\" fill=\"none\" stroke=\"#de2d26\" stroke-dasharray=\"4 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{Line(static l => l.Upper95)}\" fill=\"none\" stroke=\"#fb6a4a\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{Line(static l => l.Lower95)}\" fill=\"none\" stroke=\"#fb6a4a\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(W - Right)}\" y1=\"{F(Sy(target))}\" y2=\"{F(Sy(target))}\" stroke=\"#333\"/>");
        Points(sb, points, p => Sx(p.X), p => Sy(p.Y));
        sb.Append(CultureInfo.InvariantCulture, $"<g font-size=\"10\" font-family=\"sans-serif\"><text x=\"{F(W - 210)}\" y=\"{F(Top + 10)}\">{WebUtility.HtmlEncode(legend)}</text></g>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Scatter plot with the line a + b·x.</summary>
    public static string Scatter(string id, string title, IReadOnlyList<ChartPoint> points, double intercept, double slope, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(points);
        double xMin = points.Min(static p => p.X), xMax = points.Max(static p => p.X);
        double yMin = points.Min(static p => p.Y), yMax = points.Max(static p => p.Y);
        double px = (xMax - xMin) * 0.05, py = (yMax - yMin) * 0.05;
        xMin -= px;
        xMax += px;
        yMin -= py;
        yMax += py;
        double Sx(double x) => Left + ((x - xMin) / (xMax - xMin) * (W - Left - Right));
        double Sy(double y) => Top + ((yMax - y) / (yMax - yMin) * (H - Top - Bottom));
        var sb = Open(id, title);
        Axes(sb, xMin, xMax, yMin, yMax, logX: false, xLabel, yLabel);
        Points(sb, points, p => Sx(p.X), p => Sy(p.Y));
        double y0 = Math.Clamp(intercept + (slope * xMin), yMin, yMax), y1 = Math.Clamp(intercept + (slope * xMax), yMin, yMax);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Sx(xMin))}\" y1=\"{F(Sy(y0))}\" x2=\"{F(Sx(xMax))}\" y2=\"{F(Sy(y1))}\" stroke=\"#de2d26\" stroke-width=\"1.5\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static StringBuilder Open(string id, string title)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W:0} {H:0}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title>");
        return sb;
    }

    private static void Points(StringBuilder sb, IReadOnlyList<ChartPoint> points, Func<ChartPoint, double> sx, Func<ChartPoint, double> sy)
    {
        sb.Append("<g fill-opacity=\"0.75\">");
        foreach (ChartPoint p in points.OrderBy(static p => p.Highlight))
        {
            string look = p.Highlight ? "class=\"point highlight\" r=\"5.5\" stroke=\"#000\" stroke-width=\"1.5\" fill-opacity=\"1\"" : "class=\"point\" r=\"3\"";
            sb.Append(CultureInfo.InvariantCulture, $"<circle {look} cx=\"{F(sx(p))}\" cy=\"{F(sy(p))}\" fill=\"{p.Colour}\"><title>{WebUtility.HtmlEncode(p.Label)}</title></circle>");
        }

        sb.Append("</g>");
    }

    private static void Axes(StringBuilder sb, double xMin, double xMax, double yMin, double yMax, bool logX, string xLabel, string yLabel)
    {
        sb.Append("<g font-size=\"10\" font-family=\"sans-serif\" fill=\"#333\" stroke=\"none\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(H - Bottom)}\" x2=\"{F(W - Right)}\" y2=\"{F(H - Bottom)}\" stroke=\"#333\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(Top)}\" x2=\"{F(Left)}\" y2=\"{F(H - Bottom)}\" stroke=\"#333\"/>");
        for (int i = 0; i <= 5; i++)
        {
            double fx = xMin + ((xMax - xMin) * i / 5), fy = yMin + ((yMax - yMin) * i / 5);
            double px = Left + ((W - Left - Right) * i / 5), py = H - Bottom - ((H - Top - Bottom) * i / 5);
            string xl = logX ? Nl(Math.Pow(10, fx), 0) : Nl(fx, 2);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(px)}\" y=\"{F(H - Bottom + 14)}\" text-anchor=\"middle\">{xl}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(py + 3)}\" text-anchor=\"end\">{Nl(fy, Math.Abs(yMax - yMin) < 5 ? 2 : 0)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F((Left + W - Right) / 2)}\" y=\"{F(H - 10)}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(xLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {F((Top + H - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\">{WebUtility.HtmlEncode(yLabel)}</text>");
        sb.Append("</g>");
    }

    /// <summary>The colour of a funnel position: reds above, blues below, grey within the 95% limits.</summary>
    public static string FunnelColour(FunnelPosition position) => position switch
    {
        FunnelPosition.Above998 => "#a50f15",
        FunnelPosition.Above95 => "#fb6a4a",
        FunnelPosition.Below95 => "#6baed6",
        FunnelPosition.Below998 => "#08519c",
        _ => "#969696",
    };

    /// <summary>Dutch number formatting (decimal comma, dot for thousands).</summary>
    public static string Nl(double value, int decimals)
    {
        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("nl-NL"));
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
