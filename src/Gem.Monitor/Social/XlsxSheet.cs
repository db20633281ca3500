using System.IO.Compression;
using System.Xml;

namespace Gem.Monitor.Social;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook as rows of text cells (shared strings, inline strings and plain values), with
/// System.IO.Compression and XmlReader only. The RIVM StatLine exports are one sheet of text cells, so no spreadsheet library is
/// needed (docs/decisions/110-social-monitor-sources.md). A missing cell is an empty string; nothing is trimmed here.
/// </summary>
public static class XlsxSheet
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The rows of the first sheet; <c>rows[i]</c> is spreadsheet row <c>i + 1</c> (rows the file leaves out are empty arrays).</summary>
    public static IReadOnlyList<string[]> Read(string path)
    {
        string source = Path.GetFileName(path);
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            IReadOnlyList<string> shared = ReadSharedStrings(zip);
            ZipArchiveEntry sheet = zip.GetEntry("xl/worksheets/sheet1.xml")
                ?? throw new SocialFormatException($"{source}: the workbook has no first worksheet (xl/worksheets/sheet1.xml).");
            using Stream stream = sheet.Open();
            return ReadSheet(stream, shared, source);
        }
        catch (InvalidDataException e)
        {
            throw new SocialFormatException($"{source}: not a readable .xlsx workbook ({e.Message}).");
        }
        catch (XmlException e)
        {
            throw new SocialFormatException($"{source}: the worksheet XML is broken at line {e.LineNumber}, position {e.LinePosition} ({e.Message}).");
        }
    }

    private static List<string> ReadSharedStrings(ZipArchive zip)
    {
        var strings = new List<string>();
        ZipArchiveEntry? entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }

        using Stream stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        while (xml.ReadToFollowing("si", Main))
        {
            using XmlReader si = xml.ReadSubtree();
            var text = new System.Text.StringBuilder();
            while (si.Read())
            {
                // Rich text runs (<r><t>) and plain <t>; phonetic runs (<rPh>) are not text of the cell.
                if (si.NodeType == XmlNodeType.Element && si.LocalName == "rPh")
                {
                    si.Skip();
                }

                if (si.NodeType == XmlNodeType.Element && si.LocalName == "t")
                {
                    text.Append(si.ReadElementContentAsString());
                }
            }

            strings.Add(text.ToString());
        }

        return strings;
    }

    private static List<string[]> ReadSheet(Stream stream, IReadOnlyList<string> shared, string source)
    {
        var rows = new List<string[]>();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        while (xml.ReadToFollowing("row", Main))
        {
            int rowNumber = int.Parse(xml.GetAttribute("r") ?? (rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            while (rows.Count < rowNumber - 1)
            {
                rows.Add([]);
            }

            var cells = new List<string>();
            using XmlReader row = xml.ReadSubtree();
            while (row.ReadToFollowing("c", Main))
            {
                string reference = row.GetAttribute("r") ?? string.Empty;
                string? type = row.GetAttribute("t");
                int column = reference.Length > 0 ? ColumnIndex(reference) : cells.Count;
                string value = string.Empty;
                using (XmlReader cell = row.ReadSubtree())
                {
                    while (cell.Read())
                    {
                        if (cell.NodeType == XmlNodeType.Element && (cell.LocalName == "v" || cell.LocalName == "t"))
                        {
                            value += cell.ReadElementContentAsString();
                        }
                    }
                }

                if (type == "s")
                {
                    if (!int.TryParse(value, out int index) || index < 0 || index >= shared.Count)
                    {
                        throw new SocialFormatException($"{source}: cell {reference} refers to shared string '{value}', which does not exist.");
                    }

                    value = shared[index];
                }

                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(value);
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    /// <summary>0-based column of a cell reference such as "AQ17342".</summary>
    internal static int ColumnIndex(string reference)
    {
        int column = 0;
        foreach (char c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }
}
