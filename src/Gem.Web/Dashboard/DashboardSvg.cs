using System.Globalization;
using System.Net;
using System.Text;
using Gem.Core.Dashboard;

namespace Gem.Web.Dashboard;

/// <summary>
/// Server-rendered charts of the dashboard, laid out for a phone: each row's label on its own line above its bar, so
/// the drawing is narrow (<see cref="Width"/> units) and its text stays readable when it is scaled to 360 px. Every bar
/// carries its value; shares get an axis 0–100%; a goal line is named in a legend. Suppressed rows get no bar, only
/// their text ("&lt; 10", "x"), so the picture says no more than the table. Title and description; no script.
/// </summary>
public static class DashboardSvg
{
    /// <summary>The drawing's width; at 360 px a 13-unit font shows at about 11 px.</summary>
    public const int Width = 420;

    private const int Pad = 4, ValueWidth = 56, RowHeight = 40, BarHeight = 16, FontSize = 13;
    private const string Bar = "#2b6a8f", GoalColour = "#b3261e";

    /// <param name="goal">A target share (0..1) drawn as a dashed line, named by <paramref name="goalLabel"/> in the legend.</param>
    public static string Bars(string id, string title, string description, IReadOnlyList<(string Label, Figure Value)> rows, double? goal = null, string? goalLabel = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        bool share = rows.Any(r => r.Value.Kind == FigureKind.Share);
        var max = share ? 1.0 : rows.Where(r => r.Value.IsPublished).Select(r => r.Value.Value).DefaultIfEmpty(0).Max();
        if (max <= 0) max = 1;
        const int plot = Width - Pad - ValueWidth;
        double X(double v) => Pad + (v / max * plot);
        int top = goal is null ? 4 : 26, axis = share ? 22 : 0;
        int height = top + (rows.Count * RowHeight) + axis + 4;
        var sb = Open(id, title, description, height);
        if (goal is { } g)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" x2=\"{Pad + 24}\" y1=\"10\" y2=\"10\" stroke=\"{GoalColour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad + 30}\" y=\"14\" font-size=\"{FontSize}\">{E(goalLabel ?? string.Empty)}</text>");
        }
        if (share)
        {
            int bottom = top + (rows.Count * RowHeight);
            for (int k = 0; k <= 4; k++)
            {
                double x = X(k / 4.0);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{top}\" y2=\"{bottom}\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>");
                string anchor = k == 0 ? "start" : k == 4 ? "end" : "middle";
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{bottom + 16}\" font-size=\"11\" fill=\"#555\" text-anchor=\"{anchor}\">{k * 25}%</text>");
            }
        }
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            int y = top + (i * RowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{y + 14}\" font-size=\"{FontSize}\">{E(Truncate(label))}</text>");
            if (value.IsPublished)
            {
                var w = Math.Max(1, value.Value / max * plot);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Pad}\" y=\"{y + 19}\" width=\"{w:0.#}\" height=\"{BarHeight}\" fill=\"{Bar}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad + w + 4:0.#}\" y=\"{y + 32}\" font-size=\"{FontSize}\" font-weight=\"700\">{E(value.ToString())}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{y + 32}\" font-size=\"{FontSize}\" fill=\"#555\">{E(value.ToString())}</text>");
            }
        }
        if (goal is { } line)
        {
            var x = X(line);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{top}\" y2=\"{top + (rows.Count * RowHeight)}\" stroke=\"{GoalColour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A share over time (one point per period, e.g. a quarter) as a line on a 0–100% axis with the goal line; a
    /// suppressed period breaks the line and is named below its place on the axis ("&lt; 10").
    /// </summary>
    public static string Trend(string id, string title, string description, IReadOnlyList<(string Label, Figure Value)> points, double? goal = null, string? goalLabel = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        const int left = 40, right = 16, top = 30, plotHeight = 150;
        int height = top + plotHeight + 44;
        double step = points.Count <= 1 ? 0 : (Width - left - right) / (double)(points.Count - 1);
        double X(int i) => points.Count <= 1 ? (Width + left - right) / 2.0 : left + (i * step);
        static double Y(double share) => top + ((1 - share) * plotHeight);
        var sb = Open(id, title, description, height);
        for (int k = 0; k <= 4; k++)
        {
            double y = Y(k / 4.0);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d0d0d0\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\">{k * 25}%</text>");
        }
        if (goal is { } g)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{Y(g):0.#}\" y2=\"{Y(g):0.#}\" stroke=\"{GoalColour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + 24}\" y1=\"12\" y2=\"12\" stroke=\"{GoalColour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 30}\" y=\"16\" font-size=\"{FontSize}\">{E(goalLabel ?? string.Empty)}</text>");
        }
        var path = new StringBuilder();
        var marks = new StringBuilder(); // drawn after the line, so dots and numbers sit on top
        bool pen = false;
        for (int i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            double x = X(i);
            string anchor = points.Count > 1 && i == 0 ? "start" : points.Count > 1 && i == points.Count - 1 ? "end" : "middle";
            marks.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{top + plotHeight + 18}\" font-size=\"11\" fill=\"#555\" text-anchor=\"{anchor}\">{E(label)}</text>");
            if (value.IsPublished)
            {
                double y = Y(Math.Clamp(value.Value, 0, 1));
                path.Append(CultureInfo.InvariantCulture, $"{(pen ? 'L' : 'M')}{x:0.#} {y:0.#}");
                pen = true;
                marks.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{Bar}\"/>");
                marks.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y - 8:0.#}\" font-size=\"{FontSize}\" font-weight=\"700\" text-anchor=\"{anchor}\">{E(value.ToString())}</text>");
            }
            else
            {
                pen = false;
                marks.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{top + plotHeight + 34}\" font-size=\"11\" fill=\"#555\" text-anchor=\"{anchor}\">{E(value.ToString())}</text>");
            }
        }
        if (path.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2\"/>");
        sb.Append(marks);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Means with their 95% interval per row (<see cref="FigureKind.Mean"/>), as a dot with a whisker on one scale that
    /// includes zero, with the zero line drawn and labelled: change that crosses the line is not clearly up or down. The
    /// label sits above each row, the value at the right end. Suppressed rows get their text only.
    /// </summary>
    /// <param name="format">How the page writes a figure (its culture); default <see cref="Figure.ToString"/>.</param>
    /// <param name="zeroLabel">Names the dashed zero line (e.g. "0 = geen verandering").</param>
    public static string Intervals(string id, string title, string description, IReadOnlyList<(string Label, Figure Value)> rows, Func<Figure, string>? format = null, string? zeroLabel = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        format ??= static f => f.ToString();
        var shown = rows.Where(r => r.Value.IsPublished).Select(r => r.Value).ToList();
        double low = Math.Min(0, shown.Select(v => v.Low).DefaultIfEmpty(-1).Min()), high = Math.Max(0, shown.Select(v => v.High).DefaultIfEmpty(1).Max());
        if (high - low < 1e-9) (low, high) = (-1, 1);
        double pad = (high - low) * 0.05;
        (low, high) = (low - pad, high + pad);
        const int valueWidth = 150, plot = Width - Pad - valueWidth - 8;
        double X(double v) => Pad + ((v - low) / (high - low) * plot);
        int top = zeroLabel is null ? 4 : 24;
        int height = top + (rows.Count * RowHeight) + 4;
        var sb = Open(id, title, description, height);
        if (zeroLabel is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" x2=\"{Pad + 24}\" y1=\"10\" y2=\"10\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad + 30}\" y=\"14\" font-size=\"{FontSize}\">{E(zeroLabel)}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0):0.#}\" x2=\"{X(0):0.#}\" y1=\"{top}\" y2=\"{height}\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            int y = top + (i * RowHeight), mid = y + 27;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{y + 14}\" font-size=\"{FontSize}\">{E(Truncate(label))}</text>");
            if (value.IsPublished)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(value.Low):0.#}\" x2=\"{X(value.High):0.#}\" y1=\"{mid}\" y2=\"{mid}\" stroke=\"{Bar}\" stroke-width=\"2\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(value.Value):0.#}\" cy=\"{mid}\" r=\"4\" fill=\"{Bar}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"{mid + 4}\" font-size=\"{FontSize}\" text-anchor=\"end\">{E(format(value))}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{mid + 4}\" font-size=\"{FontSize}\" fill=\"#555\">{E(value.ToString())}</text>");
            }
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static StringBuilder Open(string id, string title, string description, int height)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"sans-serif\" fill=\"#1d2430\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(description)}</desc>");
        return sb;
    }

    /// <summary>Long names are cut so they fit one line of the drawing (about 52 characters at 13 units in 412).</summary>
    private static string Truncate(string s) => s.Length > 52 ? s[..51] + "…" : s;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
