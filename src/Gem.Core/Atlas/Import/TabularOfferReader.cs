using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gem.Core.Atlas.Import;

/// <summary>
/// Reads the CSV and Excel template (docs/import.md): a heading row, then one offer per row. Column letters and
/// line numbers are the ones a spreadsheet shows, so people find the cell an error names.
/// </summary>
public static class TabularOfferReader
{
    private sealed record RawRow(int Line, IReadOnlyList<string> Cells);

    public static ImportSheet ReadCsv(Stream stream)
    {
        var errors = new List<ImportError>();
        var rows = new List<RawRow>();
        IReadOnlyList<string>? headings = null;
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = args => errors.Add(new ImportError(args.Context.Parser?.RawRow ?? 0, "", null,
                new Bilingual("Deze regel heeft een aanhalingsteken op een verkeerde plek.", "This line has a quote in the wrong place."))),
        };
        try
        {
            using var csv = new CsvParser(reader, config);
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                var newlines = csv.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
                var line = csv.RawRow - newlines;
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (headings is null) headings = record;
                else rows.Add(new RawRow(line, record));
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new ImportError(e.Context?.Parser?.RawRow ?? 0, "", null,
                new Bilingual("Dit is geen leesbaar CSV-bestand.", "This is not a readable CSV file.")));
        }
        if (errors.Count > 0) return new ImportSheet([], errors);
        return Read(headings, rows, (index, _) => ColumnLetter(index));
    }

    public static ImportSheet ReadXlsx(Stream stream)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ImportSheet([], [ImportError.File("Dit is geen leesbaar Excel-bestand (.xlsx).", "This is not a readable Excel file (.xlsx).")]);
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null) return Read(null, [], (i, _) => ColumnLetter(i));
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            IReadOnlyList<string>? headings = null;
            var rows = new List<RawRow>();
            foreach (var row in used.Rows())
            {
                var cells = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => CellText(sheet.Cell(row.RowNumber(), c))).ToList();
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (headings is null) headings = cells;
                else rows.Add(new RawRow(row.RowNumber(), cells));
            }
            return Read(headings, rows, (index, _) => ColumnLetter(firstColumn - 1 + index));
        }
    }

    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        XLDataType.Boolean => cell.GetBoolean() ? "ja" : "nee",
        _ => cell.GetString(),
    };

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static ImportSheet Read(IReadOnlyList<string>? headings, List<RawRow> rawRows, Func<int, string, string> column)
    {
        var errors = new List<ImportError>();
        if (headings is null)
            return new ImportSheet([], [ImportError.File("Het bestand is leeg: er staat geen kopregel in.", "The file is empty: it has no heading row.")]);

        var map = new OfferColumn?[headings.Count];
        var seen = new Dictionary<OfferColumn, string>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i].Trim();
            if (heading.Length == 0) continue;
            var found = OfferColumns.Find(heading);
            if (found is null)
                errors.Add(new ImportError(1, column(i, heading), heading, new Bilingual(
                    $"Onbekende kolom '{heading}'. Gebruik de koppen uit het sjabloon (docs/import.md).",
                    $"Unknown column '{heading}'. Use the headings of the template (docs/import.md).")));
            else if (!seen.TryAdd(found, column(i, heading)))
                errors.Add(new ImportError(1, column(i, heading), heading, new Bilingual(
                    $"De kolom '{found.Dutch}' staat er twee keer in (ook in kolom {seen[found]}).",
                    $"The column '{found.English}' appears twice (also in column {seen[found]}).")));
            else map[i] = found;
        }
        foreach (var missing in OfferColumns.All.Where(c => c.Required && !seen.ContainsKey(c)))
            errors.Add(new ImportError(1, "-", missing.Dutch, new Bilingual(
                $"De kolom '{missing.Dutch}' ontbreekt.", $"The column '{missing.English}' is missing.")));
        if (errors.Count > 0) return new ImportSheet([], errors);

        var cellsByField = new Dictionary<string, (string, string?)>();
        for (var i = 0; i < map.Length; i++)
            if (map[i] is { } c) cellsByField[c.Field] = (column(i, headings[i]), headings[i].Trim());

        var rows = new List<ImportRow>();
        foreach (var raw in rawRows)
        {
            var input = new OfferInput();
            string? partner = null;
            for (var i = 0; i < map.Length; i++)
            {
                if (map[i] is not { } col) continue;
                var cell = i < raw.Cells.Count ? raw.Cells[i] ?? "" : "";
                if (col.Field == OfferColumns.PartnerField)
                {
                    partner = string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();
                    continue;
                }
                input = col.Read(input, cell, out var error);
                if (error is not null) errors.Add(new ImportError(raw.Line, column(i, headings[i]), headings[i].Trim(), error));
            }
            if (raw.Cells.Count > map.Length && raw.Cells.Skip(map.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
                errors.Add(new ImportError(raw.Line, column(map.Length, ""), null, new Bilingual(
                    "Deze regel heeft meer cellen dan er koppen zijn.", "This line has more cells than there are headings.")));
            rows.Add(new ImportRow(raw.Line, partner, input) { Cells = cellsByField });
        }
        return new ImportSheet(rows, errors);
    }
}
