using System.Globalization;
using System.Net;
using System.Text;
using Gem.Core.Dashboard;
using Gem.Core.Learning;

namespace Gem.Web.Learning;

/// <summary>
/// A run chart as server-rendered SVG in the dashboard's style (same colours, font size, title and description, no script):
/// the published points joined by a line (a suppressed point is a gap), the baseline median as a solid line, Shewhart's
/// limits dashed, a dotted line where the change started, and points the rules flag (shift or outside the limits) drawn as
/// squares, so the signal does not rest on colour alone. The table under it is the full text alternative.
/// </summary>
public static class RunChartSvg
{
    private const int Width = 640, Height = 240, Left = 56, Right = 16, Top = 12, Bottom = 36;

    public static string Render(string id, string title, string description, MeasureSeries series, Func<Figure, string> format, Func<DateOnly, string> period)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(period);
        var points = series.Points;
        var rules = series.Rules;
        var shown = points.Select((p, i) => (p, i)).Where(x => x.p.Value.IsPublished).ToList();
        var values = shown.Select(x => x.p.Value.Value).ToList();
        if (rules is not null) values.AddRange([rules.Median, rules.Upper, rules.Lower]);
        double low = values.DefaultIfEmpty(0).Min(), high = values.DefaultIfEmpty(1).Max();
        if (series.Points.Any(p => p.Value.Kind == FigureKind.Share)) (low, high) = (Math.Max(0, Math.Min(low, 0)), Math.Min(1, Math.Max(high, 1)));
        if (high - low < 1e-9) (low, high) = (low - 1, high + 1);
        double X(int i) => Left + (points.Count <= 1 ? 0 : (double)i / (points.Count - 1) * (Width - Left - Right));
        double Y(double v) => Top + ((high - v) / (high - low) * (Height - Top - Bottom));
        var flagged = new HashSet<int>();
        if (rules is not null)
        {
            foreach (var k in rules.ShiftPoints.Concat(rules.OutsideLimits)) flagged.Add(shown[k].i);
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Y(high) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\">{E(format(Like(points, high)))}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Y(low) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\">{E(format(Like(points, low)))}</text>");
        if (points.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 14}\" font-size=\"12\">{E(period(points[0].From))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 14}\" text-anchor=\"end\" font-size=\"12\">{E(period(points[^1].From))}</text>");
        }
        var changeAt = points.ToList().FindIndex(p => !p.Baseline);
        if (changeAt > 0)
        {
            var x = (X(changeAt - 1) + X(changeAt)) / 2;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#555\" stroke-dasharray=\"1 3\"/>");
        }
        if (rules is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"median\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(rules.Median):0.#}\" y2=\"{Y(rules.Median):0.#}\" stroke=\"#555\"/>");
            if (rules.Sigma > 0)
            {
                foreach (var limit in new[] { rules.Upper, rules.Lower }.Where(v => v >= low && v <= high))
                    sb.Append(CultureInfo.InvariantCulture, $"<line class=\"limit\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(limit):0.#}\" y2=\"{Y(limit):0.#}\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"/>");
            }
        }
        // The line: joined only between neighbouring published points.
        for (int k = 1; k < shown.Count; k++)
        {
            if (shown[k].i != shown[k - 1].i + 1) continue;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(shown[k - 1].i):0.#}\" x2=\"{X(shown[k].i):0.#}\" y1=\"{Y(shown[k - 1].p.Value.Value):0.#}\" y2=\"{Y(shown[k].p.Value.Value):0.#}\" stroke=\"#2b6a8f\" stroke-width=\"2\"/>");
        }
        foreach (var (p, i) in shown)
        {
            double x = X(i), y = Y(p.Value.Value);
            sb.Append(flagged.Contains(i)
                ? string.Create(CultureInfo.InvariantCulture, $"<rect class=\"signal\" x=\"{x - 5:0.#}\" y=\"{y - 5:0.#}\" width=\"10\" height=\"10\" fill=\"#b3261e\"/>")
                : string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"#2b6a8f\"/>"));
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>An axis value written like the series' figures (a share as a percentage).</summary>
    private static Figure Like(IReadOnlyList<MeasurePoint> points, double v) =>
        new(points.FirstOrDefault(p => p.Value.IsPublished)?.Value.Kind ?? FigureKind.Plain, v);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
