using System.Globalization;
using System.Text;

namespace Gem.Monitor.Social;

/// <summary>A CBS or RIVM table that cannot be read or placed; the message names the file, line (row) and column.</summary>
public sealed class SocialFormatException(string message) : Exception(message);

/// <summary>
/// One CBS StatLine table as CSV (the dertje/cbs_datasets dump: UTF-8 with BOM, ';' separator, '.' decimal, first row the
/// CBS column keys, dimensions as labels). Rows are kept as text; <see cref="Number"/> parses one cell and
/// <see cref="Block"/> selects a block of a dimension, refusing a block that a cut-off file does not hold completely.
/// </summary>
public sealed class CbsTable
{
    /// <summary>The dump read only the first page of the CBS OData feed: a file with exactly this many data rows is cut off.</summary>
    public const int FeedPageRows = 10_000;

    private readonly Dictionary<string, int> _columns;

    private CbsTable(string source, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
    {
        Source = source;
        Columns = columns;
        Rows = rows;
        _columns = columns.Select((c, i) => (c, i)).ToDictionary(static x => x.c, static x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The file name, used in every error message.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Data rows (the header excluded); row i is on line i + 2 of the file.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>True when the file stops at the feed's first page, so its last block is incomplete.</summary>
    public bool CutOff => Rows.Count == FeedPageRows;

    public static CbsTable ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }

    public static CbsTable Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string header = reader.ReadLine() ?? throw new SocialFormatException($"{source}: the file is empty.");
        string[] columns = header.TrimStart('\uFEFF').Split(';');
        if (columns.Length < 2 || columns[0] != "ID")
        {
            throw new SocialFormatException($"{source}: line 1 is not a CBS header (expected 'ID;…', found '{Shorten(header)}').");
        }

        var rows = new List<string[]>();
        string? line;
        int lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(';');
            if (fields.Length != columns.Length)
            {
                throw new SocialFormatException($"{source}: line {lineNumber} has {fields.Length} fields, the header has {columns.Length}.");
            }

            rows.Add(fields);
        }

        return new CbsTable(source, columns, rows);
    }

    /// <summary>The index of a column, or an error naming the file and the column.</summary>
    public int Column(string key)
    {
        return _columns.TryGetValue(key, out int i)
            ? i
            : throw new SocialFormatException($"{Source}: column '{key}' is missing (the header has {string.Join(", ", Columns.Take(8))}…).");
    }

    /// <summary>The first of several possible region columns (CBS uses RegioS, Regiokenmerken or Regio).</summary>
    public int RegionColumn()
    {
        foreach (string key in new[] { "RegioS", "Regiokenmerken", "Regio", "WijkenEnBuurten" })
        {
            if (_columns.TryGetValue(key, out int i))
            {
                return i;
            }
        }

        throw new SocialFormatException($"{Source}: no region column (RegioS, Regiokenmerken or Regio).");
    }

    /// <summary>A cell as a number; empty means no value (CBS '.' or 'x'); anything else that is not a number is an error naming line and column.</summary>
    public double? Number(int row, int column)
    {
        string text = Rows[row][column].Trim();
        if (text is "" or "." or "x")
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new SocialFormatException($"{Source}: line {row + 2}, column '{Columns[column]}': '{Shorten(text)}' is not a number.");
    }

    /// <summary>
    /// The rows where <paramref name="dimension"/> equals <paramref name="value"/>, which must form one complete block:
    /// contiguous, present, and — in a cut-off file — not the block the file stops in (that block lost its tail, and
    /// the blocks after it are missing). Rule: docs/decisions/110-social-monitor-sources.md.
    /// </summary>
    public IReadOnlyList<int> Block(string dimension, string value)
    {
        int column = Column(dimension);
        var rows = new List<int>();
        for (int i = 0; i < Rows.Count; i++)
        {
            if (Rows[i][column] == value)
            {
                if (rows.Count > 0 && rows[^1] != i - 1)
                {
                    throw new SocialFormatException($"{Source}: block {dimension} = '{value}' is not contiguous (line {rows[^1] + 2}, then line {i + 2}).");
                }

                rows.Add(i);
            }
        }

        if (rows.Count == 0)
        {
            throw new SocialFormatException(
                $"{Source}: column '{dimension}' has no block '{value}'"
                + (CutOff ? $" (the file is cut off at {FeedPageRows} rows; later blocks are missing)." : "."));
        }

        if (CutOff && rows[^1] == Rows.Count - 1)
        {
            throw new SocialFormatException(
                $"{Source}: block {dimension} = '{value}' (lines {rows[0] + 2}–{rows[^1] + 2}) is cut off: the file stops inside it at "
                + $"{FeedPageRows} data rows (the first page of the CBS feed). Only the complete blocks named in SOURCE.md may be used.");
        }

        return rows;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
