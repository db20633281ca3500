using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Vektis;

public class VektisReaderTests
{
    private const string Header2022 =
        "geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;aantal_verzekerdejaren;kosten_medisch_specialistische_z;kosten_consulten_ggz;kosten_intramuraal_verblijf_ggz;kosten_overige_prestaties_ggz;kosten_innovatiegelden_ggz";

    [Fact]
    public void Read_ShortenedZorgprestatiemodelHeader_MapsColumnsAndScheme()
    {
        string csv = Header2022 + "\nV;20 t/m 24 jaar;S GRAVENHAGE;100;90.5;1000;10;20;30;1\n;;;5;4;1;1;1;1;0\n";
        VektisFile file = VektisReader.Read(new StringReader(csv), 2023, "test.csv");

        Assert.Equal(GgzScheme.Zorgprestatiemodel, file.Scheme);
        Assert.Equal(2, file.Rows.Count);
        VektisRow row = file.Rows[0];
        Assert.Equal("20-24", row.AgeBand);
        Assert.Equal(90.5, row.PersonYears);
        Assert.Equal(1000, row.Cost(VektisCost.MedischSpecialistischeZorg));
        Assert.Equal(20, row.Cost(VektisCost.IntramuraalVerblijfGgz));
        Assert.True(file.Rows[1].IsRest);
    }

    [Fact]
    public void Read_UnmappableColumn_ThrowsNamingTheColumnAndPosition()
    {
        string csv = "GESLACHT;LEEFTIJDSKLASSE;GEMEENTENAAM;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_SPECIALISTISCHE_GGZ;KOSTEN_WIJKVERPLEGING\n";
        var ex = Assert.Throws<VektisFormatException>(() => VektisReader.Read(new StringReader(csv), 2016, "x.csv"));
        Assert.Contains("column 7 'KOSTEN_WIJKVERPLEGING'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("x.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DecimalComma_ThrowsWithLineColumnAndValue()
    {
        string csv = "GESLACHT;LEEFTIJDSKLASSE;GEMEENTENAAM;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_SPECIALISTISCHE_GGZ\n"
            + "M;90+;UTRECHT;10;9.5;100\nV;90+;UTRECHT;10;9,5;100\n";
        var ex = Assert.Throws<VektisFormatException>(() => VektisReader.Read(new StringReader(csv), 2016, "y.csv"));
        Assert.Contains("line 3, column 5 'AANTAL_VERZEKERDEJAREN'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'9,5'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingPersonYears_ThrowsNamingRequiredColumn()
    {
        string csv = "geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;kosten_specialistische_ggz\n";
        var ex = Assert.Throws<VektisFormatException>(() => VektisReader.Read(new StringReader(csv), 2019, "z.csv"));
        Assert.Contains("'aantal_verzekerdejaren'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoHeadersForOneColumn_Throws()
    {
        string csv = "geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;aantal_verzekerdejaren;kosten_medisch_specialistische_zorg;kosten_medisch_specialistische_z;kosten_specialistische_ggz\n";
        var ex = Assert.Throws<VektisFormatException>(() => VektisReader.Read(new StringReader(csv), 2019, "d.csv"));
        Assert.Contains("both map to 'kosten_medisch_specialistische_zorg'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_ShippedYears_ReadsEveryYearWithItsGgzScheme()
    {
        IReadOnlyList<VektisFile> files = VektisReader.ReadFolder(RepoPaths.Vektis);

        Assert.Equal([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022], files.Select(static f => f.Year));
        Assert.All(files.Where(static f => f.Year <= 2021), static f => Assert.Equal(GgzScheme.BasicSpecialist, f.Scheme));
        Assert.Equal(GgzScheme.Zorgprestatiemodel, files[^1].Scheme);
        Assert.Equal(13479, files[0].Rows.Count);
        Assert.Equal(12989, files[^1].Rows.Count);
        Assert.All(files, static f => Assert.Single(f.Rows, static r => r.IsRest));
    }

    [Fact]
    public void Compute_ShippedYears_EveryVektisGemeenteResolvesAndNothingIsLost()
    {
        foreach (VektisFile file in VektisReader.ReadFolder(RepoPaths.Vektis))
        {
            GgzYear year = GgzExpenditure.Compute(file, GemeenteNames.Default);
            double sumAreas = year.Gemeenten.Sum(static g => g.Amounts.Ggz) + year.NotAllocated.Ggz;
            Assert.Equal(year.National.Amounts.Ggz, sumAreas, 1e-9 * year.National.Amounts.Ggz);
            Assert.InRange(year.Gemeenten.Count, 340, 343);
        }
    }
}
