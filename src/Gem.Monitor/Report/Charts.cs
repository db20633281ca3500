using System.Globalization;
using System.Net;
using System.Text;
using Gem.Monitor.Statistics;

namespace Gem.Monitor.Report;

/// <summary>A point in a chart, with a label for its tooltip.</summary>
/// <param name="Highlight">Drawn larger, outlined and on top (e.g. the region's own gemeenten among all others).</param>
/// <param name="Tag">A short name written next to the point in the drawing (e.g. the gemeente of a highlighted point).</param>
public sealed record ChartPoint(double X, double Y, string Label, string Colour = "#3182bd", bool Highlight = false, string? Tag = null);

/// <summary>One entry of a colour legend.</summary>
public sealed record LegendEntry(string Colour, string Label, bool Outlined = false, bool Dashed = false);

/// <summary>One line of a chart over the years; a year without a value breaks the line.</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyDictionary<int, double> Values, bool Bold = false);

/// <summary>Small self-contained SVG charts (no script): funnel plot and scatter with a fitted line.</summary>
public static class Charts
{
    private const double W = 640, H = 400, Left = 64, Right = 16, Top = 36, Bottom = 48;

    /// <summary>Funnel plot: x = denominator on a log scale, y = value; target line and 95% / 99.8% limits.</summary>
    /// <param name="legend">The legend of the limit lines (default Dutch).</param>
    /// <param name="colours">What the point colours mean, drawn as a legend under the plot (none when null).</param>
    public static string Funnel(string id, string title, IReadOnlyList<ChartPoint> points, double target, Func<double, FunnelLimit> limits, string xLabel, string yLabel, string legend = "— 95%-grens   - - 99,8%-grens", IReadOnlyList<LegendEntry>? colours = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(limits);
        double xMin = Math.Log10(Math.Max(1, points.Min(static p => p.X) * 0.8)), xMax = Math.Log10(points.Max(static p => p.X) * 1.2);
        FunnelLimit atMin = limits(Math.Pow(10, xMin));
        double yMin = Math.Min(points.Min(static p => p.Y), atMin.Lower998), yMax = Math.Max(points.Max(static p => p.Y), atMin.Upper998);
        double pad = (yMax - yMin) * 0.05;
        yMin -= pad;
        yMax += pad;
        if (points.All(static p => p.Y >= 0))
        {
            yMin = Math.Max(yMin, 0); // values that cannot be negative get no axis below zero (no "-59" tick)
        }

        double Sx(double n) => Left + ((Math.Log10(n) - xMin) / (xMax - xMin) * (W - Left - Right));
        double Sy(double v) => Top + ((yMax - v) / (yMax - yMin) * (H - Top - Bottom));

        var legendEntries = new List<LegendEntry>(colours ?? []);
        double height = H + LegendHeight(legendEntries.Count + 1);
        var sb = Open(id, title, height);
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
        Tags(sb, points, p => Sx(p.X), p => Sy(p.Y));
        double ly = H + 4;
        sb.Append(CultureInfo.InvariantCulture, $"<g font-size=\"12\" font-family=\"sans-serif\" fill=\"#333\"><text x=\"{F(Left)}\" y=\"{F(ly + 10)}\">{WebUtility.HtmlEncode(legend)}</text></g>");
        Legend(sb, legendEntries, ly + 18);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A line per series over consecutive years, on an axis from zero; a year in <paramref name="years"/> with no value in
    /// any series is marked in the drawing with <paramref name="missing"/> (e.g. "geen gegevens"), and breaks the lines.
    /// Every point carries its value as a tooltip; the last point of a bold series also as text.
    /// </summary>
    public static string Trend(string id, string title, IReadOnlyList<int> years, IReadOnlyList<ChartSeries> series, string yLabel, Func<double, string> format, string missing)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(format);
        double[] values = [.. series.SelectMany(static s => s.Values.Values).Where(double.IsFinite)];
        double yMax = values.Length == 0 ? 1 : values.Max() * 1.1;
        double yMin = Math.Min(0, values.DefaultIfEmpty(0).Min());
        double step = years.Count <= 1 ? 0 : (W - Left - Right - 40) / (years.Count - 1);
        double Sx(int i) => Left + 20 + (i * step);
        double Sy(double v) => Top + ((yMax - v) / (yMax - yMin) * (H - Top - Bottom));
        var sb = Open(id, title, H + LegendHeight(series.Count));
        sb.Append("<g font-size=\"12\" font-family=\"sans-serif\" fill=\"#333\">");
        foreach (double tick in NiceTicks(yMin, yMax))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(W - Right)}\" y1=\"{F(Sy(tick))}\" y2=\"{F(Sy(tick))}\" stroke=\"#e0e0e0\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(Sy(tick) + 4)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(format(tick))}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{F(Top - 10)}\">{WebUtility.HtmlEncode(yLabel)}</text>");
        for (int i = 0; i < years.Count; i++)
        {
            bool none = series.All(s => !s.Values.ContainsKey(years[i]));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Sx(i))}\" y=\"{F(H - Bottom + 16)}\" text-anchor=\"middle\">{years[i].ToString(CultureInfo.InvariantCulture)}</text>");
            if (none)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"missing-year\" x=\"{F(Sx(i) - 12)}\" y=\"{F(Top)}\" width=\"24\" height=\"{F(H - Top - Bottom)}\" fill=\"#f0f0f0\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Sx(i))}\" y=\"{F(H - Bottom + 32)}\" text-anchor=\"middle\" font-style=\"italic\">{WebUtility.HtmlEncode(missing)}</text>");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(H - Bottom)}\" x2=\"{F(W - Right)}\" y2=\"{F(H - Bottom)}\" stroke=\"#333\"/>");
        sb.Append("</g>");
        foreach (ChartSeries line in series)
        {
            var d = new StringBuilder();
            bool pen = false;
            for (int i = 0; i < years.Count; i++)
            {
                if (line.Values.TryGetValue(years[i], out double v) && double.IsFinite(v))
                {
                    d.Append(pen ? 'L' : 'M').Append(F(Sx(i))).Append(' ').Append(F(Sy(v)));
                    pen = true;
                }
                else
                {
                    pen = false;
                }
            }

            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"{(line.Bold ? 3 : 2)}\"{(line.Bold ? string.Empty : " stroke-dasharray=\"6 3\"")}/>");
            for (int i = 0; i < years.Count; i++)
            {
                if (line.Values.TryGetValue(years[i], out double v) && double.IsFinite(v))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(Sx(i))}\" cy=\"{F(Sy(v))}\" r=\"{(line.Bold ? 4 : 3)}\" fill=\"{line.Colour}\"><title>{WebUtility.HtmlEncode(line.Name + " " + years[i].ToString(CultureInfo.InvariantCulture) + ": " + format(v))}</title></circle>");
                }
            }

            int last = Enumerable.Range(0, years.Count).LastOrDefault(i => line.Values.ContainsKey(years[i]), -1);
            if (line.Bold && last >= 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Sx(last) - 6)}\" y=\"{F(Sy(line.Values[years[last]]) - 10)}\" text-anchor=\"end\" font-size=\"12\" font-weight=\"700\" font-family=\"sans-serif\">{WebUtility.HtmlEncode(format(line.Values[years[last]]))}</text>");
            }
        }

        Legend(sb, [.. series.Select(static s => new LegendEntry(s.Colour, s.Name, Dashed: !s.Bold))], H + 4, lines: true);
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double LegendHeight(int entries) => entries == 0 ? 0 : 10 + (entries * 18);

    /// <summary>A legend under the plot, one entry a line: a dot (or a line) in the colour, then its meaning.</summary>
    private static void Legend(StringBuilder sb, IReadOnlyList<LegendEntry> entries, double y, bool lines = false)
    {
        if (entries.Count == 0)
        {
            return;
        }

        sb.Append("<g class=\"legend\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#333\">");
        for (int i = 0; i < entries.Count; i++)
        {
            double cy = y + 8 + (i * 18);
            LegendEntry e = entries[i];
            sb.Append(lines
                ? string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(Left + 22)}\" y1=\"{F(cy)}\" y2=\"{F(cy)}\" stroke=\"{e.Colour}\" stroke-width=\"3\"{(e.Dashed ? " stroke-dasharray=\"6 3\"" : string.Empty)}/>")
                : string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{F(Left + 11)}\" cy=\"{F(cy)}\" r=\"{(e.Outlined ? 5.5 : 4)}\" fill=\"{e.Colour}\"{(e.Outlined ? " stroke=\"#000\" stroke-width=\"1.5\"" : string.Empty)}/>"));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left + 30)}\" y=\"{F(cy + 4)}\">{WebUtility.HtmlEncode(e.Label)}</text>");
        }

        sb.Append("</g>");
    }

    /// <summary>The tags of highlighted points, right of each point, moved down where two would overlap.</summary>
    private static void Tags(StringBuilder sb, IReadOnlyList<ChartPoint> points, Func<ChartPoint, double> sx, Func<ChartPoint, double> sy)
    {
        var tagged = points.Where(static p => p.Tag is not null).Select(p => (Point: p, X: sx(p), Y: sy(p))).OrderBy(static t => t.Y).ToList();
        if (tagged.Count == 0)
        {
            return;
        }

        sb.Append("<g class=\"tags\" font-size=\"12\" font-family=\"sans-serif\" font-weight=\"700\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">");
        double lastY = double.NegativeInfinity;
        foreach (var (point, x, y) in tagged)
        {
            double ty = Math.Max(y + 4, lastY + 13);
            lastY = ty;
            bool left = x > W - 140;
            if (ty - y > 10)
            {
                // moved down to stay readable: a thin line leads from the point to its name
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(y)}\" x2=\"{F(left ? x - 8 : x + 8)}\" y2=\"{F(ty - 4)}\" stroke=\"#111\" stroke-width=\"0.8\"/>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left ? x - 9 : x + 9)}\" y=\"{F(ty)}\" text-anchor=\"{(left ? "end" : "start")}\">{WebUtility.HtmlEncode(point.Tag!)}</text>");
        }

        sb.Append("</g>");
    }

    /// <summary>Round tick values (1, 2 or 5 × 10^k apart), about <paramref name="target"/> of them, inside [min, max].</summary>
    public static IReadOnlyList<double> NiceTicks(double min, double max, int target = 5)
    {
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            return [min];
        }

        double step = NiceStep((max - min) / target);
        int digits = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var ticks = new List<double>();
        for (long i = (long)Math.Ceiling((min / step) - 1e-9); i * step <= max + (step * 1e-9); i++)
        {
            ticks.Add(Math.Round(i * step, digits) + 0.0); // + 0.0: no "-0"
        }

        return ticks;
    }

    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double n = raw / magnitude;
        return (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * magnitude;
    }

    /// <summary>Ticks on a log axis: 1, 2 and 5 × 10^k inside [10^min, 10^max], thinned to powers of ten when there are many.</summary>
    public static IReadOnlyList<double> LogTicks(double logMin, double logMax)
    {
        var ticks = new List<double>();
        for (int k = (int)Math.Floor(logMin); k <= (int)Math.Ceiling(logMax); k++)
        {
            foreach (double m in new[] { 1.0, 2.0, 5.0 })
            {
                double v = m * Math.Pow(10, k), l = Math.Log10(v);
                if (l >= logMin - 1e-9 && l <= logMax + 1e-9)
                {
                    ticks.Add(v);
                }
            }
        }

        return ticks.Count > 8 ? [.. ticks.Where(static v => Math.Abs(Math.Log10(v) - Math.Round(Math.Log10(v))) < 1e-9)] : ticks;
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
        var sb = Open(id, title, H);
        Axes(sb, xMin, xMax, yMin, yMax, logX: false, xLabel, yLabel);
        Points(sb, points, p => Sx(p.X), p => Sy(p.Y));
        double y0 = Math.Clamp(intercept + (slope * xMin), yMin, yMax), y1 = Math.Clamp(intercept + (slope * xMax), yMin, yMax);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Sx(xMin))}\" y1=\"{F(Sy(y0))}\" x2=\"{F(Sx(xMax))}\" y2=\"{F(Sy(y1))}\" stroke=\"#de2d26\" stroke-width=\"1.5\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static StringBuilder Open(string id, string title, double height)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W:0} {height:0}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title>");
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
        double Px(double v) => Left + ((v - xMin) / (xMax - xMin) * (W - Left - Right));
        double Py(double v) => H - Bottom - ((v - yMin) / (yMax - yMin) * (H - Top - Bottom));
        sb.Append("<g font-size=\"11\" font-family=\"sans-serif\" fill=\"#333\" stroke=\"none\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(H - Bottom)}\" x2=\"{F(W - Right)}\" y2=\"{F(H - Bottom)}\" stroke=\"#333\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(Top)}\" x2=\"{F(Left)}\" y2=\"{F(H - Bottom)}\" stroke=\"#333\"/>");
        IEnumerable<(double At, string Text)> xTicks = logX
            ? LogTicks(xMin, xMax).Select(static v => (Math.Log10(v), Nl(v, 0)))
            : NiceTicks(xMin, xMax).Select(v => (v, Nl(v, Decimals(xMin, xMax))));
        foreach ((double at, string text) in xTicks)
        {
            double x = Px(at);
            string anchor = x > W - Right - 24 ? "end" : x < Left + 24 ? "start" : "middle"; // no label past the edge
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{F(H - Bottom)}\" y2=\"{F(H - Bottom + 4)}\" stroke=\"#333\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(H - Bottom + 16)}\" text-anchor=\"{anchor}\">{text}</text>");
        }

        int yDecimals = Decimals(yMin, yMax);
        foreach (double v in NiceTicks(yMin, yMax))
        {
            double y = Py(v);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(W - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#ececec\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Nl(v, yDecimals)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F((Left + W - Right) / 2)}\" y=\"{F(H - 12)}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(xLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{F(Top - 12)}\">{WebUtility.HtmlEncode(yLabel)}</text>");
        sb.Append("</g>");
    }

    /// <summary>Decimals for ticks over a range: none from a step of 1, else enough to tell ticks apart.</summary>
    private static int Decimals(double min, double max)
    {
        double step = NiceStep(Math.Max(max - min, 1e-9) / 5);
        return step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step));
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
