using System.Globalization;
using System.Net;
using Gem.Core.Diary;

namespace Gem.Web.Diary;

/// <summary>
/// Plain SVG for "jouw week": one row per category, a dot at the mean "good feeling" (1–7) and a line for its 95% interval,
/// with the number of moments. No script, no inline style (classes from diary.css); a table beside it carries the same numbers.
/// </summary>
public static class DiarySvg
{
    private const int Width = 320, Row = 30, Left = 120, Right = 300, Top = 24;

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static double X(double score) => Left + (score - 1) / 6 * (Right - Left);

    public static string Render(string title, IReadOnlyList<MoodByCategory> rows, Func<string, string> label)
    {
        var height = Top + rows.Count * Row + 24;
        var w = new System.Text.StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"<svg class=\"diary-chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        w.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        foreach (var tick in new[] { 1, 4, 7 })
        {
            w.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(X(tick))}\" x2=\"{F(X(tick))}\" y1=\"{Top - 8}\" y2=\"{height - 20}\"/>");
            w.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(X(tick))}\" y=\"{height - 6}\" text-anchor=\"middle\">{tick}</text>");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = Top + i * Row + Row / 2;
            w.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{Left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{WebUtility.HtmlEncode(label(r.Category))} ({r.Count})</text>");
            w.Append(CultureInfo.InvariantCulture, $"<line class=\"interval\" x1=\"{F(X(r.Low))}\" x2=\"{F(X(r.High))}\" y1=\"{y}\" y2=\"{y}\"/>");
            w.Append(CultureInfo.InvariantCulture, $"<circle class=\"mean\" cx=\"{F(X(r.Mean))}\" cy=\"{y}\" r=\"5\"/>");
        }
        w.Append("</svg>");
        return w.ToString();
    }
}
