using Gem.Monitor.Gemeenten;
using Gem.Monitor.Social;

namespace Gem.Monitor.Tests.Social;

/// <summary>The social readers on the shipped CBS/RIVM files, checked against published values (SOURCE.md and the CBS/RIVM pages).</summary>
public class SocialReaderTests
{
    private static string Cbs(string file) => Path.Combine(RepoPaths.Datasets, file.StartsWith("8556", StringComparison.Ordinal) ? "cbs-gezondheidsmonitor" : "cbs-sociaal-domein", file);

    private static string Rivm(string file) => Path.Combine(RepoPaths.Datasets, "rivm-gezondheid-wijk-buurt", file);

    [Fact]
    public void Gezondheidsmonitor2022_MentalComplaints_NationAndAmsterdamAsPublished()
    {
        CbsTable table = CbsTable.ReadFile(Cbs("85563NED.csv"));
        SocialSeries s = CbsSocialReader.Gezondheidsmonitor(table, SocialData.MentalComplaints, "2022", SocialData.MentalComplaints.Column, GemeenteNames.Default);
        Assert.Equal(21.5, s.Nation!.Value);
        Assert.NotNull(s.Nation.Lower);
        Assert.True(s.Nation.Lower < 21.5 && s.Nation.Upper > 21.5);
        Assert.Equal(32.3, s.Of("Amsterdam")!.Value);
        Assert.True(s.Of("Amsterdam")!.Lower < 32.3 && s.Of("Amsterdam")!.Upper > 32.3);
        Assert.Equal(25.9, s.Of("Utrecht")!.Value); // "Utrecht (gemeente)" is the gemeente; "Utrecht (PV)" is not used
        Assert.NotNull(s.Of("Beek")); // "Beek (L.)": the province qualifier is part of the name
        Assert.Contains("Voorne aan Zee", s.NotCombined); // Brielle, Hellevoetsluis, Westvoorne: three rates cannot be added
        Assert.Null(s.Of("Voorne aan Zee"));
        Assert.InRange(s.Gemeenten.Count, 335, 343);
    }

    [Fact]
    public void Rivm50090_Loneliness_2012_2016_2020_AsPublished()
    {
        double[] expected = [39.6, 43.4, 47.0];
        string[] files = ["2012_18+.xlsx", "2016_18+.xlsx", "RIVM_gezondheid2020_18+.xlsx"];
        for (int i = 0; i < 3; i++)
        {
            RivmTable t = RivmWijkBuurt.Read(Rivm(files[i]), GemeenteNames.Default);
            SocialSeries s = RivmWijkBuurt.Series(t, SocialData.Lonely, "Eenzaam_28");
            Assert.Equal(expected[i], s.Nation!.Value);
        }
    }

    [Fact]
    public void Rivm50090_2020_GemeenteAndWijkValues_PaddedCellsTrimmed()
    {
        RivmTable t = RivmWijkBuurt.Read(Rivm("RIVM_gezondheid2020_18+.xlsx"), GemeenteNames.Default);
        Assert.Equal(2020, t.Year);
        Assert.Equal(1 + 355 + 3177, t.Areas.Count);
        SocialSeries lonely = RivmWijkBuurt.Series(t, SocialData.Lonely, "Eenzaam_28");
        Assert.Equal(48.9, lonely.Of("Utrecht")!.Value);
        // Weesp was its own gemeente in 2020 and is part of Amsterdam now: a published rate is never averaged, so
        // Amsterdam has no combined value from this table (decision 110).
        Assert.Null(lonely.Of("Amsterdam"));
        Assert.Contains("Amsterdam", lonely.NotCombined);
        WijkValue wk = Assert.Single(lonely.Wijken, w => w.Code == "WK034401");
        Assert.Equal(47.7, wk.Value);
        Assert.Equal("Utrecht", wk.Gemeente);
        Assert.Equal(17.9, RivmWijkBuurt.Series(t, SocialData.Stress, SocialData.Stress.Column).Nation!.Value);
        Assert.Contains("Eemsdelta", lonely.NotCombined); // Appingedam, Delfzijl, Loppersum in the 2020 division
    }

    [Fact]
    public void YouthCare2022_Nation_476560YoungPeople_10Point8Percent()
    {
        CbsTable table = CbsTable.ReadFile(Cbs("85099NED.csv"));
        Assert.True(table.CutOff);
        IReadOnlyList<int> block = table.Block("VormenVanJeugdzorg", "JZ Totaal jeugdzorg");
        SocialSeries count = CbsSocialReader.Published(table, SocialData.YouthCareCount, block, "Perioden", "2022", "JongerenMetJeugdzorg_1", additive: true, GemeenteNames.Default);
        SocialSeries pct = CbsSocialReader.Published(table, SocialData.YouthCare, block, "Perioden", "2022", "JongerenMetJeugdzorgRelatief_2", additive: false, GemeenteNames.Default);
        Assert.Equal(476_560, count.Nation!.Value);
        Assert.Equal(10.8, pct.Nation!.Value);
        Assert.Equal(22_615, CbsSocialReader.Published(table, SocialData.YouthCareCount, block, "Perioden", "2023", "JongerenMetJeugdzorg_1", additive: true, GemeenteNames.Default).Of("Amsterdam")!.Value);
    }

    [Fact]
    public void Wmo2023_Nation_1247750Clients()
    {
        CbsTable table = CbsTable.ReadFile(Cbs("86050NED.csv"));
        IReadOnlyList<int> block = table.Block("TypeMaatwerkvoorziening", "Totaal");
        SocialSeries s = CbsSocialReader.Published(table, SocialData.WmoCount, block, "Perioden", "2023", "WmoClienten_1", additive: true, GemeenteNames.Default);
        Assert.Equal(1_247_750, s.Nation!.Value);
        Assert.Equal(67_055, s.Of("Amsterdam")!.Value);
        Assert.Equal(19_810, s.Of("Utrecht")!.Value);
    }

    [Theory]
    [InlineData("85099NED.csv", "VormenVanJeugdzorg", "JH 1 Totaal jeugdhulp", "cut off")]
    [InlineData("86050NED.csv", "TypeMaatwerkvoorziening", "Totaal exclusief verblijf en opvang", "cut off")]
    [InlineData("84780NED.csv", "Geslacht", "Vrouwen", "no block")]
    public void Block_CutOffOrMissing_IsRefusedWithFileAndLines(string file, string dimension, string value, string reason)
    {
        CbsTable table = CbsTable.ReadFile(Cbs(file));
        var e = Assert.Throws<SocialFormatException>(() => table.Block(dimension, value));
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrears_Bijstand_EarlyLeavers_VeiligThuis_NationAsPublished()
    {
        SocialData data = SocialData.Load(RepoPaths.Datasets, GemeenteNames.Default);
        Assert.Equal(1.1, data.Get("betalingsachterstand").Nation!.Value);
        Assert.Equal(1.7, data.Get("betalingsachterstand").Of("Amsterdam")!.Value);
        Assert.Equal(1000.0 * 471_460 / 11_352_760, data.Get("bijstand").Nation!.Value, 10);
        Assert.Equal(100.0 * 35_430 / 1_277_200, data.Get("voortijdig_schoolverlaten").Nation!.Value, 10);
        // Weesp still has its own row in 2022/'23; through the merger alias its counts are added to Amsterdam's.
        Assert.Equal(100.0 * (1_940 + 30) / (49_760 + 1_380), data.Get("voortijdig_schoolverlaten").Of("Amsterdam")!.Value, 10);
        Assert.Equal(1_247_750, data.Get("wmo_aantal").Nation!.Value);
        Assert.Equal(489_895, data.Get("jeugdzorg_aantal").Nation!.Value);
        Assert.Equal([39.6, 43.4, 47.0], data.LonelinessTrend.Select(static s => s.Nation!.Value));
        foreach (string g in new[] { "Elburg", "Ermelo", "Harderwijk", "Nunspeet", "Oldebroek", "Putten" })
        {
            // Young adults: a cell is empty where too few answered (e.g. debts in one of the six), so only the other tables must cover them.
            Assert.All(data.Series.Where(static s => s.Indicator.Domain != SocialDomain.YoungAdults), s => Assert.NotNull(s.Of(g)));
        }
    }

    [Fact]
    public void Place_UnknownRegion_ErrorNamesFileLineAndColumn()
    {
        const string csv = "\uFEFFID;RegioS;Perioden;WmoClienten_1\n0;Nederland;2023;10.0\n1;Atlantis;2023;5.0\n";
        CbsTable table = CbsTable.Read(new StringReader(csv), "test.csv");
        var e = Assert.Throws<SocialFormatException>(() => CbsSocialReader.Published(table, SocialData.WmoCount, SocialData.All(table), "Perioden", "2023", "WmoClienten_1", additive: true, GemeenteNames.Default));
        Assert.Contains("test.csv: line 3, column 'RegioS': region 'Atlantis'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_AggregatesAndQualifiedNames()
    {
        var n = GemeenteNames.Default;
        Assert.Equal(CbsRegionKind.Aggregate, CbsRegions.Place("Utrecht (PV)", n, "t", 2, "RegioS").Kind);
        Assert.Equal(CbsRegionKind.Aggregate, CbsRegions.Place("GGD Gelderland-Midden (GG)", n, "t", 2, "RegioS").Kind);
        Assert.Equal(CbsRegionKind.Aggregate, CbsRegions.Place("Gemeenten < 100 000 inwoners", n, "t", 2, "RegioS").Kind);
        Assert.Equal("Utrecht", CbsRegions.Place("Utrecht (gemeente)", n, "t", 2, "RegioS").Match!.Gemeente);
        Assert.Equal("Bergen (L.)", CbsRegions.Place("Bergen (L.)", n, "t", 2, "RegioS").Match!.Gemeente);
        Assert.Equal("Hengelo", CbsRegions.Place("Hengelo (O.)", n, "t", 2, "RegioS").Match!.Gemeente);
        Assert.Equal("Eemsdelta", CbsRegions.Place("Delfzijl", n, "t", 2, "RegioS").Match!.Gemeente);
    }

    [Fact]
    public void Number_NotANumber_ErrorNamesLineAndColumn()
    {
        CbsTable table = CbsTable.Read(new StringReader("ID;RegioS;X_1\n0;Nederland;abc\n"), "t.csv");
        var e = Assert.Throws<SocialFormatException>(() => table.Number(0, 2));
        Assert.Contains("t.csv: line 2, column 'X_1'", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Gezondheidsmonitor Jongvolwassenen 2024 (50140NED): region codes, checked against SOURCE.md.</summary>
public class YoungAdultsReaderTests
{
    [Fact]
    public void Read_2024_NationAmsterdamUtrechtAsPublished()
    {
        RivmTable division = RivmWijkBuurt.Read(Path.Combine(RepoPaths.Datasets, "rivm-gezondheid-wijk-buurt", "RIVM_gezondheid2020_18+.xlsx"), GemeenteNames.Default);
        CbsTable table = CbsTable.ReadFile(Path.Combine(RepoPaths.Datasets, "rivm-gezondheidsmonitor-jongvolwassenen", "50140NED_TypedDataSet_22092025_192544.csv"));
        var codes = YoungAdults.Codes(division);
        SocialSeries good = YoungAdults.Read(table, SocialData.YoungMentalHealthGood, codes);
        SocialSeries lonely = YoungAdults.Read(table, SocialData.YoungStronglyLonely, codes);
        Assert.Equal(50.9, good.Nation!.Value);
        Assert.Equal(43.4, good.Of("Amsterdam")!.Value);
        Assert.Equal(48.9, good.Of("Utrecht")!.Value);
        Assert.Equal(22.5, lonely.Nation!.Value);
        Assert.Equal(24.1, lonely.Of("Amsterdam")!.Value);
        Assert.Equal(29.1, YoungAdults.Read(table, SocialData.YoungSuicidalThoughts, codes).Nation!.Value);
        Assert.Equal(10.6, YoungAdults.Read(table, SocialData.YoungDebts, codes).Nation!.Value);
        Assert.InRange(good.Gemeenten.Count, 300, 338);
    }

    [Fact]
    public void Read_UnknownCode_ErrorNamesFileLineColumn()
    {
        CbsTable table = CbsTable.Read(new StringReader("ID;Persoonskenmerken;Marges;RegioS;HeeftSchulden_3\n0;T009002;MW00000;GM9999;5.0\n"), "j.csv");
        var e = Assert.Throws<SocialFormatException>(() => YoungAdults.Read(table, SocialData.YoungDebts, YoungAdults.NewCodes));
        Assert.Contains("j.csv: line 2, column 'RegioS': gemeente code 'GM9999'", e.Message, StringComparison.Ordinal);
    }
}
