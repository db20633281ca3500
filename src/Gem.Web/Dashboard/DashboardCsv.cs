using System.Text;
using Gem.Core.Dashboard;

namespace Gem.Web.Dashboard;

/// <summary>A dashboard table as CSV (RFC 4180, comma, UTF-8): the same published figures as the page, "&lt; 10" and "x" included.</summary>
public static class DashboardCsv
{
    public static string Write(DashboardTable table, Func<string, string> header, Func<DashboardRow, string> label)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(label);
        var sb = new StringBuilder();
        sb.Append(Quote(header("Label")));
        foreach (var c in table.Columns) sb.Append(',').Append(Quote(header(c)));
        sb.Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.Append(Quote(label(row)));
            foreach (var v in row.Values) sb.Append(',').Append(Quote(v.ToString()));
            sb.Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Quotes when needed; a text cell with a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a
    /// formula. A number (invariant, such as "-0.156") is data, not a formula, and stays a number.
    /// </summary>
    internal static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@'
            && (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
