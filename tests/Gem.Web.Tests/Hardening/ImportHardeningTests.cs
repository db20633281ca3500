using System.Text;
using ClosedXML.Excel;
using Gem.Core.Atlas.Import;

namespace Gem.Web.Tests.Hardening;

/// <summary>Issue 12 findings 1 and 8: the XLSX bomb, Windows-1252 CSV and control characters in cells.</summary>
public sealed class ImportHardeningTests
{
    private static readonly string Headings = string.Join(';', OfferColumns.All.Select(c => c.Dutch));

    /// <summary>One cell in A1 and one at XFD1048576: a small file whose used range is 17 billion cells.</summary>
    public static byte[] FarCornerXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("aanbod");
        sheet.Cell(1, 1).Value = "naam";
        sheet.Cell(XLHelper.MaxRowNumber, XLHelper.MaxColumnNumber).Value = "x";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Xlsx_WithACellInTheFarCorner_IsRefusedBeforeItsCellsAreWalked()
    {
        var bytes = FarCornerXlsx();
        Assert.True(bytes.Length < 16 * 1024, bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var sheet = OfferImporter.ReadSheet(new MemoryStream(bytes), ImportFormat.Xlsx);
        Assert.Empty(sheet.Rows);
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(XLHelper.MaxRowNumber, error.Line);
        Assert.Equal("XFD", error.Column);
        Assert.Contains("5000", error.Reason.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_WithACellFarToTheRight_IsRefused()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("aanbod");
        sheet.Cell(1, 1).Value = "naam";
        sheet.Cell(2, XLHelper.MaxColumnNumber).Value = "x";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        var error = Assert.Single(OfferImporter.ReadSheet(stream, ImportFormat.Xlsx).Errors);
        Assert.Equal("XFD", error.Column);
    }

    [Fact]
    public void Csv_InWindows1252_IsRefusedWithAClearMessage()
    {
        var text = Headings + "\r\n;Wandelgroep Café;Samen wandelen en koffie drinken in het park;groep\r\n";
        var bytes = CodePages().GetBytes(text);
        var sheet = OfferImporter.ReadSheet(new MemoryStream(bytes), ImportFormat.Csv);
        Assert.Empty(sheet.Rows);
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("UTF-8", error.Reason.Nl, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Reason.En, StringComparison.Ordinal);

        // The same text in UTF-8 reads, with the é intact.
        var utf8 = OfferImporter.ReadSheet(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Csv);
        Assert.DoesNotContain(utf8.Errors, e => e.Reason.Nl.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Equal("Wandelgroep Café", Assert.Single(utf8.Rows).Input.Name);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\u0007')]
    [InlineData('\u001b')]
    public void Csv_ControlCharacterInACell_IsRefusedWithLineAndColumn(char control)
    {
        var text = Headings + "\r\n;Wandel" + control + "groep;Samen wandelen en koffie drinken in het park;groep\r\n";
        var sheet = OfferImporter.ReadSheet(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Csv);
        var error = Assert.Single(sheet.Errors, e => e.Reason.En.Contains("control character", StringComparison.Ordinal));
        Assert.Equal(2, error.Line);
        Assert.Equal("B", error.Column);
    }

    [Fact]
    public void Xlsx_ControlCharacterInACell_IsRefusedWithLineAndColumn()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("aanbod");
        var columns = OfferColumns.All.ToList();
        for (var i = 0; i < columns.Count; i++) sheet.Cell(1, i + 1).Value = columns[i].Dutch;
        sheet.Cell(3, 2).Value = "Wandel\u0001groep";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        var error = Assert.Single(OfferImporter.ReadSheet(stream, ImportFormat.Xlsx).Errors, e => e.Reason.En.Contains("control character", StringComparison.Ordinal));
        Assert.Equal(3, error.Line);
        Assert.Equal("B", error.Column);
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
