using System.Text;
using Gem.Web.Hosting;

namespace Gem.Web.Monitor;

/// <summary>A monitor table as CSV (RFC 4180, comma, UTF-8, invariant numbers): the same published cells as the page, "x" when suppressed.</summary>
public static class MonitorCsv
{
    public const string Source = "# Bron: Vektis (Open Databestand Zvw, gemeente); CBS (SES-WOA, postcodes), CC BY 4.0. Berekend met Gem.Monitor.";

    /// <param name="header">Column header text from its resource key; a column of percentages gets " (%)".</param>
    /// <param name="label">The row label as the page shows it.</param>
    public static string Write(MonitorTable table, Func<string, string> header, Func<MonitorRow, string> label)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(label);
        var sb = new StringBuilder();
        sb.Append(Source).Append("\r\n");
        sb.AppendJoin(',', table.Columns.Select((c, i) => CsvCell.Quote(header(c) + (i > 0 && table.Rows.Any(r => r.Cells[i - 1].Kind == CellKind.Percent) ? " (%)" : string.Empty))));
        sb.Append("\r\n");
        foreach (MonitorRow row in table.Rows)
        {
            sb.Append(CsvCell.Quote(label(row)));
            foreach (MonitorCell cell in row.Cells)
            {
                sb.Append(',').Append(CsvCell.Quote(cell.Csv()));
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }
}
