using System.Text;
using Gem.Core.Dashboard;
using Gem.Web.Hosting;

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
        sb.Append(CsvCell.Quote(header("Label")));
        foreach (var c in table.Columns) sb.Append(',').Append(CsvCell.Quote(header(c)));
        sb.Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.Append(CsvCell.Quote(label(row)));
            foreach (var v in row.Values) sb.Append(',').Append(CsvCell.Quote(v.ToString()));
            sb.Append("\r\n");
        }
        return sb.ToString();
    }
}
