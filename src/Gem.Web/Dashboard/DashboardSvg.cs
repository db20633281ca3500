using System.Globalization;
using System.Net;
using System.Text;
using Gem.Core.Dashboard;

namespace Gem.Web.Dashboard;

/// <summary>
/// Server-rendered horizontal bar chart of one figure per row. Suppressed rows get no bar, only their text ("&lt; 10", "x"),
/// so the picture says no more than the table. The SVG has a title and description; the table next to it is the full
/// text alternative. No script, no external file.
/// </summary>
public static class DashboardSvg
{
    private const int LabelWidth = 230, BarWidth = 320, RowHeight = 22, ValueWidth = 70;

    public static string Bars(string id, string title, string description, IReadOnlyList<(string Label, Figure Value)> rows, double? goal = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var max = rows.Where(r => r.Value.IsPublished).Select(r => r.Value.Kind == FigureKind.Share ? 1.0 : r.Value.Value).DefaultIfEmpty(0).Max();
        if (rows.Any(r => r.Value.Kind == FigureKind.Share)) max = 1.0;
        if (max <= 0) max = 1;
        int width = LabelWidth + BarWidth + ValueWidth, height = (rows.Count * RowHeight) + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(description)}</desc>");
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            int y = 5 + (i * RowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{E(Truncate(label))}</text>");
            if (value.IsPublished)
            {
                var v = value.Kind == FigureKind.Share ? value.Value : value.Value;
                var w = Math.Max(1, v / max * BarWidth);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 6}\" fill=\"#2b6a8f\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 4:0.#}\" y=\"{y + 15}\" font-size=\"12\">{E(value.ToString())}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + 4}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#555\">{E(value.ToString())}</text>");
            }
        }
        if (goal is { } g)
        {
            var x = LabelWidth + (g / max * BarWidth);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"0\" y2=\"{height}\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"/>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Means with their 95% interval per row (<see cref="FigureKind.Mean"/>), as a dot with a whisker on one scale that
    /// includes zero, with the zero line drawn: change that crosses the line is not clearly up or down. Suppressed rows
    /// get their text only.
    /// </summary>
    /// <param name="format">How the page writes a figure (its culture); default <see cref="Figure.ToString"/>.</param>
    public static string Intervals(string id, string title, string description, IReadOnlyList<(string Label, Figure Value)> rows, Func<Figure, string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        format ??= static f => f.ToString();
        var shown = rows.Where(r => r.Value.IsPublished).Select(r => r.Value).ToList();
        double low = Math.Min(0, shown.Select(v => v.Low).DefaultIfEmpty(-1).Min()), high = Math.Max(0, shown.Select(v => v.High).DefaultIfEmpty(1).Max());
        if (high - low < 1e-9) (low, high) = (-1, 1);
        double pad = (high - low) * 0.05;
        (low, high) = (low - pad, high + pad);
        double X(double v) => LabelWidth + ((v - low) / (high - low) * BarWidth);
        int width = LabelWidth + BarWidth + ValueWidth + 60, height = (rows.Count * RowHeight) + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0):0.#}\" x2=\"{X(0):0.#}\" y1=\"0\" y2=\"{height}\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            int y = 5 + (i * RowHeight), mid = y + (RowHeight / 2);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{E(Truncate(label))}</text>");
            if (value.IsPublished)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(value.Low):0.#}\" x2=\"{X(value.High):0.#}\" y1=\"{mid}\" y2=\"{mid}\" stroke=\"#2b6a8f\" stroke-width=\"2\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(value.Value):0.#}\" cy=\"{mid}\" r=\"4\" fill=\"#2b6a8f\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarWidth + 6}\" y=\"{y + 15}\" font-size=\"12\">{E(format(value))}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + 4}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#555\">{E(value.ToString())}</text>");
            }
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Long names are cut so they fit the label column (about 32 characters at 12 px in 224 px).</summary>
    private static string Truncate(string s) => s.Length > 32 ? s[..31] + "…" : s;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
