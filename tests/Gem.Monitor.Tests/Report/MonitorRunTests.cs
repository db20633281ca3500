using System.Globalization;

namespace Gem.Monitor.Tests.Report;

[Collection(MonitorReportCollection.Name)]
public class MonitorRunTests(MonitorReportFixture fixture)
{
    [Fact]
    public void Run_ShippedData_WritesCsvFilesAndReport()
    {
        Assert.Equal(5, fixture.Result.Files.Count);
        Assert.All(fixture.Result.Files, static f => Assert.True(new FileInfo(f).Length > 300, f));
    }

    [Fact]
    public void Run_IndicatorCsv_HasOneRowPerGemeenteAndYearWithSourceLine()
    {
        string[] lines = File.ReadAllLines(Path.Combine(fixture.OutFolder, "indicatoren_gemeente.csv"));
        Assert.StartsWith("# Bron: Vektis", lines[0], StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", lines[0], StringComparison.Ordinal);
        int expected = fixture.Result.Years.Sum(static y => y.Gemeenten.Count);
        Assert.Equal(expected, lines.Length - 2);
        string[] header = lines[1].Split(';');
        string[] amsterdam2022 = lines.First(static l => l.StartsWith("2022;Amsterdam;", StringComparison.Ordinal)).Split(';');
        long insured = long.Parse(amsterdam2022[Array.IndexOf(header, "verzekerden")], CultureInfo.InvariantCulture);
        Assert.Equal(0, insured % 5); // counts rounded to 5
        Assert.NotEqual(string.Empty, amsterdam2022[Array.IndexOf(header, "ggz_verwacht_uit_ses")]);
        Assert.Equal(string.Empty, amsterdam2022[Array.IndexOf(header, "fractie_specialistische_ggz")]); // not in 2022's scheme
    }

    [Fact]
    public void Run_NationalCsv_OneRowPerYearWithMissingFractionsLeftEmpty()
    {
        string[] lines = File.ReadAllLines(Path.Combine(fixture.OutFolder, "indicatoren_nederland.csv"));
        string[] header = lines[1].Split(';');
        var rows = lines.Skip(2).Select(static l => l.Split(';')).ToList();
        Assert.Equal(["2014", "2015", "2016", "2017", "2018", "2019", "2020", "2022"], rows.Select(static r => r[0]));
        int longTerm = Array.IndexOf(header, "fractie_langdurige_ggz"), consult = Array.IndexOf(header, "fractie_consulten_ggz");
        Assert.Equal(string.Empty, rows[0][longTerm]); // 2014 has no langdurige ggz column
        Assert.NotEqual(string.Empty, rows[1][longTerm]);
        Assert.Equal(string.Empty, rows[6][consult]);
        Assert.NotEqual(string.Empty, rows[7][consult]);
    }

    [Fact]
    public void Run_Report_IsSelfContainedDutchWithSourcesAndMaps()
    {
        string html = File.ReadAllText(fixture.ReportPath);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Bron: Vektis", html, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kaart-ggz\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kaart-ses\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"funnel-ggz\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"funnel-prevalentie\"", html, StringComparison.Ordinal);
        foreach (string id in new[] { "pc4-kosten-inwoner", "pc4-kosten-patient", "pc4-prevalentie", "pc4-ernstig", "pc4-basis", "pc4-specialistisch" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("SYNTHETISCHE GEGEVENS", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_Microdata_WritesPc4IndicatorsLabelledSyntheticWithSmallAreasSuppressed()
    {
        string[] lines = File.ReadAllLines(Path.Combine(fixture.OutFolder, "indicatoren_pc4.csv"));
        Assert.StartsWith("# SYNTHETISCH", lines[0], StringComparison.Ordinal);
        string[] header = lines[1].Split(';');
        int iInhabitants = Array.IndexOf(header, "inwoners"), iPrevalence = Array.IndexOf(header, "behandelde_prevalentie");
        var rows = lines.Skip(2).Select(static l => l.Split(';')).ToList();
        Assert.True(rows.Count > 1000, $"{rows.Count} PC4 rows");
        Assert.Contains(rows, r => r[iInhabitants].Length == 0); // PC4s under 10 inhabitants at 1% scale
        Assert.All(rows.Where(r => r[iInhabitants].Length > 0), r => Assert.Equal(0, long.Parse(r[iInhabitants], CultureInfo.InvariantCulture) % 5));
        Assert.All(rows.Where(r => r[iInhabitants].Length == 0), r => Assert.Equal(string.Empty, r[iPrevalence]));
    }

    [Fact]
    public void Run_Standardisation_NationalIndexAveragesToOne()
    {
        var std = fixture.Result.Standardised;
        double observed = std.Areas.Sum(static a => a.Observed), expected = std.Areas.Sum(static a => a.Expected);
        // Over all gemeenten together observed ≈ expected (only Haaren-type rows and the rest row are outside).
        Assert.InRange(observed / expected, 0.98, 1.02);
        Assert.Contains(std.Areas, static a => a.Position != Gem.Monitor.Statistics.FunnelPosition.Within95);
    }

    [Fact]
    public void Run_MissingDataFolder_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => MonitorRun.Run("/nonexistent/gem-data", Path.GetTempPath()));
        Assert.Contains("/nonexistent/gem-data", ex.Message, StringComparison.Ordinal);
    }
}
