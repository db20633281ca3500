using System.Globalization;

namespace Gem.Core.Atlas.Import;

/// <summary>A reason in Dutch and in English, shown side by side to people who import.</summary>
public sealed record Bilingual(string Nl, string En)
{
    public override string ToString() => Nl + " / " + En;
}

/// <summary>
/// One bad cell of an import file: the line (1-based, as a spreadsheet or text editor shows it), the column
/// (a letter for CSV and Excel, the HSDS field for JSON), the column's heading when there is one, and why.
/// Line 0 means the file as a whole.
/// </summary>
public sealed record ImportError(int Line, string Column, string? Heading, Bilingual Reason)
{
    public string ColumnLabel => string.IsNullOrEmpty(Heading) || Heading == Column ? Column : $"{Column} ({Heading})";

    /// <summary>"regel 12, kolom E (pc4): … / line 12, column E (pc4): …"</summary>
    public override string ToString() => Line == 0
        ? $"bestand: {Reason.Nl} / file: {Reason.En}"
        : string.Create(CultureInfo.InvariantCulture,
            $"regel {Line}, kolom {ColumnLabel}: {Reason.Nl} / line {Line}, column {ColumnLabel}: {Reason.En}");

    internal static ImportError File(string nl, string en) => new(0, "", null, new Bilingual(nl, en));
}

/// <summary>The outcome of an import: either every row was written, or none was and <see cref="Errors"/> says why.</summary>
/// <summary>What an import did: <paramref name="Imported"/> offers written, of which <paramref name="Updated"/> were already in Gem (same key) and were updated.</summary>
public sealed record ImportResult(int Rows, int Imported, IReadOnlyList<ImportError> Errors, int Updated = 0)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The import file formats Gem reads.</summary>
public enum ImportFormat { Csv, Xlsx, HsdsJson }
