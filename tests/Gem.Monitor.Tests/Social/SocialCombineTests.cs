using Gem.Monitor.Gemeenten;
using Gem.Monitor.Social;

namespace Gem.Monitor.Tests.Social;

/// <summary>How the parts of a later merger are combined (decision 110): counts add, ratios of counts add up, published rates do not.</summary>
public class SocialCombineTests
{
    // Brielle, Hellevoetsluis and Westvoorne merged into Voorne aan Zee (2023); Haaren was split (2021).
    private const string Csv = "\uFEFFID;RegioS;Perioden;Teller_1;Noemer_2;Percentage_3\n"
        + "0;Nederland;2022;100.0;1000.0;10.0\n"
        + "1;Brielle;2022;10.0;100.0;10.0\n"
        + "2;Hellevoetsluis;2022;30.0;200.0;15.0\n"
        + "3;Westvoorne;2022;;;\n"
        + "4;Haaren;2022;5.0;50.0;10.0\n"
        + "5;Zuid-Holland (PV);2022;40.0;300.0;13.3\n"
        + "6;Harderwijk;2022;7.0;70.0;10.0\n"
        + "7;Oud-Gemeente-Zonder-Waarde;2022;;;\n";

    private static CbsTable Table() => CbsTable.Read(new StringReader(Csv), "t.csv");

    [Fact]
    public void Count_MergedParts_AreAdded()
    {
        SocialSeries s = CbsSocialReader.Published(Table(), SocialData.WmoCount, SocialData.All(Table()), "Perioden", "2022", "Teller_1", additive: true, GemeenteNames.Default);
        Assert.Equal(40, s.Of("Voorne aan Zee")!.Value);
        Assert.Equal(7, s.Of("Harderwijk")!.Value);
        Assert.Equal(100, s.Nation!.Value);
        Assert.Equal(2, s.Gemeenten.Count); // Haaren (split) only in the nation; the province is an aggregate
    }

    [Fact]
    public void Ratio_MergedParts_SumOfNumeratorsOverSumOfDenominators()
    {
        SocialSeries s = CbsSocialReader.Ratio(Table(), SocialData.Bijstand, SocialData.All(Table()), "Perioden", "2022", "Teller_1", "Noemer_2", 1000, GemeenteNames.Default);
        Assert.Equal(1000.0 * 40 / 300, s.Of("Voorne aan Zee")!.Value, 12);
        Assert.Equal(100, s.Nation!.Value, 12);
    }

    [Fact]
    public void PublishedRate_MergedParts_NotCombined()
    {
        SocialSeries s = CbsSocialReader.Published(Table(), SocialData.Wmo, SocialData.All(Table()), "Perioden", "2022", "Percentage_3", additive: false, GemeenteNames.Default);
        Assert.Null(s.Of("Voorne aan Zee"));
        Assert.Equal(["Voorne aan Zee"], s.NotCombined);
        Assert.Equal(10, s.Of("Harderwijk")!.Value);
    }

    [Fact]
    public void Period_NotInTable_IsAnError()
    {
        var e = Assert.Throws<SocialFormatException>(() => CbsSocialReader.Published(Table(), SocialData.Wmo, SocialData.All(Table()), "Perioden", "2030", "Percentage_3", additive: false, GemeenteNames.Default));
        Assert.Contains("period '2030'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_NotAWorkbook_ErrorNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "gem-not-a-workbook-" + Guid.NewGuid().ToString("N") + ".xlsx");
        File.WriteAllText(path, "not a zip");
        try
        {
            var e = Assert.Throws<SocialFormatException>(() => XlsxSheet.Read(path));
            Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("AQ17342", 42)]
    [InlineData("Z9", 25)]
    public void Xlsx_ColumnIndex_FromCellReference(string reference, int column) => Assert.Equal(column, XlsxSheet.ColumnIndex(reference));
}
