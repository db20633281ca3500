using System.Globalization;
using System.IO.Compression;
using System.Text;
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

    /// <summary>Columns an Excel sheet may use; the template has about twenty. Beyond this the sheet is refused before it is walked.</summary>
    public const int MaxColumns = 100;
    /// <summary>What an .xlsx may hold unpacked; a zip that unpacks to more is refused before it is read.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportSheet ReadCsv(Stream stream)
    {
        var errors = new List<ImportError>();
        var rows = new List<RawRow>();
        IReadOnlyList<string>? headings = null;
        // Excel's plain "CSV" is Windows-1252, not UTF-8: refuse it with a way out instead of importing garbled letters.
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (InvalidUtf8At(bytes) is { } bad)
        {
            var line = bytes[..bad].Count((byte)'\n') + 1;
            return new ImportSheet([], [new ImportError(line, "", null, new Bilingual(
                "Dit bestand is niet opgeslagen als UTF-8 (waarschijnlijk als 'CSV' uit Excel, Windows-1252), dus letters als é of ë zouden verkeerd overkomen. Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw.",
                "This file is not saved as UTF-8 (probably as Excel's plain 'CSV', Windows-1252), so letters such as é or ë would come out wrong. In Excel, save it as 'CSV UTF-8 (Comma delimited)' and try again."))]);
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, StrictUtf8, detectEncodingFromByteOrderMarks: true);
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

    /// <summary>The offset of the first byte that is not valid UTF-8 (a BOM is fine); null when all is valid.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException e)
        {
            return Math.Clamp(e.Index, 0, bytes.Length);
        }
    }

    public static ImportSheet ReadXlsx(Stream stream)
    {
        XLWorkbook workbook;
        try
        {
            // A zip bomb is refused before ClosedXML unpacks it.
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                buffer.Position = 0;
                using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
                    if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                        return new ImportSheet([], [ImportError.File("Dit Excel-bestand is uitgepakt groter dan 200 MB; dat kan geen aanbod-lijst zijn.",
                            "This Excel file unpacks to more than 200 MB; that cannot be a list of offers.")]);
                buffer.Position = 0;
                workbook = new XLWorkbook(buffer);
            }
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
            // Refuse a sheet that reaches beyond the limits before walking it: one cell at XFD1048576 would otherwise
            // make every cell in between exist (issue 12: 10 million cells, 13 s, +2 GB).
            var lastRow = used.LastRow().RowNumber();
            if (lastRow - used.FirstRow().RowNumber() > OfferImporter.MaxRows)
                return new ImportSheet([], [new ImportError(lastRow, ColumnLetter(used.LastColumn().ColumnNumber() - 1), null, new Bilingual(
                    $"Er staat iets in regel {lastRow}; Gem leest hoogstens {OfferImporter.MaxRows} regels. Maak de cellen daarna leeg of splits het bestand op.",
                    $"Something is in row {lastRow}; Gem reads at most {OfferImporter.MaxRows} rows. Clear the cells below or split the file."))]);
            if (lastColumn - firstColumn >= MaxColumns)
                return new ImportSheet([], [new ImportError(used.FirstRow().RowNumber(), ColumnLetter(lastColumn - 1), null, new Bilingual(
                    $"Er staat iets in kolom {ColumnLetter(lastColumn - 1)}; Gem leest hoogstens {MaxColumns} kolommen. Maak de cellen rechts van het sjabloon leeg.",
                    $"Something is in column {ColumnLetter(lastColumn - 1)}; Gem reads at most {MaxColumns} columns. Clear the cells to the right of the template."))]);
            IReadOnlyList<string>? headings = null;
            var rows = new List<RawRow>();
            foreach (var row in sheet.RowsUsed())
            {
                var cells = new string[lastColumn - firstColumn + 1];
                Array.Fill(cells, "");
                foreach (var cell in row.CellsUsed()) cells[cell.Address.ColumnNumber - firstColumn] = CellText(cell);
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

    private static bool IsForbiddenControl(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

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
            // NUL and other control characters (tab and line breaks inside a cell are fine) are refused, cell by cell.
            for (var i = 0; i < raw.Cells.Count; i++)
                if (raw.Cells[i] is { } text && text.ToList().FindIndex(IsForbiddenControl) is var at and >= 0 && text[at] is var bad)
                    errors.Add(new ImportError(raw.Line, column(i, i < headings.Count ? headings[i] : ""), i < headings.Count ? headings[i].Trim() : null, new Bilingual(
                        string.Create(CultureInfo.InvariantCulture, $"Deze cel bevat een onzichtbaar stuurteken (U+{(int)bad:X4}). Haal het weg."),
                        string.Create(CultureInfo.InvariantCulture, $"This cell holds an invisible control character (U+{(int)bad:X4}). Remove it."))));
            var input = new OfferInput();
            string? partner = null, key = null;
            for (var i = 0; i < map.Length; i++)
            {
                if (map[i] is not { } col) continue;
                var cell = i < raw.Cells.Count ? raw.Cells[i] ?? "" : "";
                if (col.Field == OfferColumns.PartnerField)
                {
                    partner = string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();
                    continue;
                }
                if (col.Field == OfferColumns.KeyField)
                {
                    key = string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();
                    continue;
                }
                input = col.Read(input, cell, out var error);
                if (error is not null) errors.Add(new ImportError(raw.Line, column(i, headings[i]), headings[i].Trim(), error));
            }
            if (raw.Cells.Count > map.Length && raw.Cells.Skip(map.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
                errors.Add(new ImportError(raw.Line, column(map.Length, ""), null, new Bilingual(
                    "Deze regel heeft meer cellen dan er koppen zijn.", "This line has more cells than there are headings.")));
            rows.Add(new ImportRow(raw.Line, partner, input) { Cells = cellsByField, Key = key });
        }
        return new ImportSheet(rows, errors);
    }
}
