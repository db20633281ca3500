using System.Globalization;
using System.Net;
using System.Text;

namespace Gem.Core.Plan;

/// <summary>A server-rendered SVG line chart of check-ins over time: one line per 0–10 item. No JavaScript, no I/O.</summary>
public static class CheckInChart
{
    public sealed record Series(string Label, string Colour, Func<CheckIn, int> Value);

    public const int Width = 640, Height = 260, Left = 46, Right = 12, Top = 12, Bottom = 30;

    public static string Render(IReadOnlyList<CheckIn> checkIns, IReadOnlyList<Series> series, string title)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(series);
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" class=\"checkin-chart\">");
        sb.Append(ci, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        for (var v = 0; v <= 10; v += 2)
        {
            var y = Top + plotH - v / 10.0 * plotH;
            sb.Append(ci, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>");
            sb.Append(ci, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{v}</text>");
        }
        if (checkIns.Count > 0)
        {
            double X(int i) => checkIns.Count == 1 ? Left + plotW / 2 : Left + i * plotW / (checkIns.Count - 1);
            double Y(int v) => Top + plotH - Math.Clamp(v, 0, 10) / 10.0 * plotH;
            foreach (var s in series)
            {
                var points = string.Join(" ", checkIns.Select((c, i) => string.Create(ci, $"{X(i):0.#},{Y(s.Value(c)):0.#}")));
                sb.Append(ci, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2\" points=\"{points}\"><title>{WebUtility.HtmlEncode(s.Label)}</title></polyline>");
                for (var i = 0; i < checkIns.Count; i++)
                    sb.Append(ci, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(s.Value(checkIns[i])):0.#}\" r=\"3\" fill=\"{s.Colour}\"/>");
            }
            sb.Append(ci, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">{TimeZoneInfo.ConvertTime(checkIns[0].At, LocalTime.Zone).ToString("yyyy-MM-dd", ci)}</text>");
            if (checkIns.Count > 1)
                sb.Append(ci, $"<text x=\"{Width - Right}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"end\">{TimeZoneInfo.ConvertTime(checkIns[^1].At, LocalTime.Zone).ToString("yyyy-MM-dd", ci)}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The seven 0–10 items with distinguishable colours (Okabe–Ito palette).</summary>
    public static IReadOnlyList<Series> DefaultSeries(Func<string, string> label) =>
    [
        new(label("Connectedness"), "#0072B2", c => c.Connectedness),
        new(label("Hope"), "#E69F00", c => c.Hope),
        new(label("Identity"), "#009E73", c => c.Identity),
        new(label("Meaning"), "#CC79A7", c => c.Meaning),
        new(label("Empowerment"), "#D55E00", c => c.Empowerment),
        new(label("QualityOfLife"), "#56B4E9", c => c.QualityOfLife),
        new(label("Participation"), "#000000", c => c.Participation),
    ];
}
