using System.Globalization;
using System.Net;
using Gem.Core.Demo;
using Gem.Core.Data;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;
using Gem.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gem.Web.Tests.Monitor;

/// <summary>The real host over a fresh SQLite database with the demo region; the monitor data are read once for the class.</summary>
[SqliteOnly("renders the monitor from its data folder; the database is only the host")]
public sealed class MonitorWebFixture : IAsyncLifetime
{
    public GemWebFactory Factory { get; private set; } = null!;

    /// <summary>The repository's datasets/ folder, found from the test output folder.</summary>
    public static string Datasets { get; } = FindDatasets();

    public async Task InitializeAsync() => Factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private static string FindDatasets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gem.sln")) && Directory.Exists(Path.Combine(dir.FullName, "datasets")))
                return Path.Combine(dir.FullName, "datasets");
        }
        throw new InvalidOperationException("No datasets/ above " + AppContext.BaseDirectory);
    }
}

public sealed class MonitorPageTests(MonitorWebFixture fixture) : IClassFixture<MonitorWebFixture>
{
    private static readonly string[] s_countColumns = ["Verzekerden", "Inwoners", "Huishoudens", "Patiënten"];

    /// <summary>What Gem.Monitor itself computes for one Vektis year, straight from the shipped file.</summary>
    private static GgzYear Computed(int year)
    {
        var path = Path.Combine(MonitorWebFixture.Datasets, "vektis-zvw-gemeente", $"vektis_{year}_gemeente.csv");
        return GgzExpenditure.Compute(VektisReader.ReadFile(path, year), GemeenteNames.Default);
    }

    /// <summary>The demo region's gemeenten through the CBS crosswalk.</summary>
    private static IReadOnlyList<string> RegionGemeenten() =>
        Pc4Crosswalk.Load(Path.Combine(MonitorWebFixture.Datasets, "cbs-geo", "postcodes_pc2_pc3_pc4.csv"), GemeenteNames.Default).GemeentenOf(DemoRegion.Pc4Codes).Gemeenten;

    [Fact]
    public async Task Monitor_Anonymous_ShowsTheRegionsGemeentenAndTheNationalBenchmarkOfTheLatestYear()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/monitor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Monitor: ggz in de regio", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/monitor\" data-testid=\"nav-monitor\"", html, StringComparison.Ordinal);
        var gemeenten = RegionGemeenten();
        Assert.Equal(["Elburg", "Ermelo", "Harderwijk", "Nunspeet", "Oldebroek", "Putten"], gemeenten);
        foreach (var g in gemeenten) Assert.Contains($"data-area=\"{g}\"", html, StringComparison.Ordinal);
        var national = Computed(2022).National.GgzPerPersonYear.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Contains($"In 2022 was dat in Nederland &#x20AC; {national} per verzekerde per jaar.", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"kaart-ses\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"kaart-uitgaven\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"funnel-ggz\"", html, StringComparison.Ordinal);
        Assert.Equal(gemeenten.Count + 1, html.Split("class=\"point highlight\"").Length - 1); // the region's gemeenten and the region
        Assert.Contains("Bron: Vektis", html, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_Year2019_ShowsThatYearsBenchmarkAndTheBasicSpecialistSplit()
    {
        using var client = fixture.Factory.CreateClient();

        var html = await client.GetStringAsync("/monitor?year=2019");

        var computed = Computed(2019);
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        Assert.Contains("<option value=\"2019\" selected=\"selected\">2019</option>", html, StringComparison.Ordinal);
        Assert.Contains($"In 2019 was dat in Nederland &#x20AC; {computed.National.GgzPerPersonYear.ToString("N0", nl)} per", html, StringComparison.Ordinal);
        Assert.Contains(">Specialistische ggz</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Consulten</th>", html, StringComparison.Ordinal);
        var ermelo = computed.Gemeenten.Single(g => g.Area == "Ermelo");
        Assert.Contains((100 * ermelo.FractionSpecialist).ToString("0.0", nl) + "%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_English_ShowsEnglishText()
    {
        using var client = fixture.Factory.CreateClient();

        var html = await client.GetStringAsync("/monitor?culture=en-GB&ui-culture=en-GB");

        Assert.Contains("Monitor: mental-health care in the region", html, StringComparison.Ordinal);
        Assert.Contains("Bron: Vektis", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("1999")]
    [InlineData("twee")]
    public async Task Monitor_UnknownYear_Is404WithAReadablePageListingTheYears(string year)
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/monitor?year=" + year);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"monitor-unknown-year\"", html, StringComparison.Ordinal);
        Assert.Contains($"Voor het jaar &#x201C;{year}&#x201D; zijn er geen cijfers.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/monitor?year=2022\">2022</a>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/monitor?handler=csv&table=uitgaven&year={year}")).StatusCode);
    }

    [Fact]
    public async Task MonitorCsv_SpendingTable_HasTheSourceTheRegionAndGemMonitorsNationalFigure()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/monitor?handler=csv&table=uitgaven&year=2022");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gem-monitor-uitgaven-2022.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("# Bron: Vektis", lines[0], StringComparison.Ordinal);
        Assert.Equal("Gebied,Verzekerden,Ggz € per verzekerde per jaar,Consulten (%),Verblijf (%),Overige zorg (%)", lines[1]);
        Assert.Equal(RegionGemeenten().Concat(["Noordwest-Veluwe (regio)", "Nederland"]), lines.Skip(2).Select(l => l.Split(',')[0]));
        var national = lines[^1].Split(',');
        Assert.Equal(Computed(2022).National.GgzPerPersonYear.ToString("0.00", CultureInfo.InvariantCulture), national[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/monitor?handler=csv&table=geen&year=2022")).StatusCode);
    }

    [Theory]
    [InlineData("uitgaven", "2014")]
    [InlineData("uitgaven", "2022")]
    [InlineData("standaardisatie", "2022")]
    [InlineData("ses", "2020")]
    [InlineData("pc4", "2022")]
    [InlineData("fig4", "2022")]
    public async Task MonitorCsv_EveryCount_IsHiddenOrAtLeastTenAndRoundedToFive(string table, string year)
    {
        using var client = fixture.Factory.CreateClient();

        var lines = (await client.GetStringAsync($"/monitor?handler=csv&table={table}&year={year}")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var header = Fields(lines[1]);
        var counts = Enumerable.Range(0, header.Length).Where(i => s_countColumns.Contains(header[i])).ToList();
        Assert.True(lines.Length > 3);
        foreach (var line in lines.Skip(2))
        {
            var cells = Fields(line);
            Assert.Equal(header.Length, cells.Length);
            foreach (var i in counts)
            {
                if (cells[i] == "x") continue;
                var n = long.Parse(cells[i], CultureInfo.InvariantCulture);
                Assert.True(n >= 10 && n % 5 == 0, $"{table} {year}: '{cells[0]}' publishes {header[i]} = {n}");
            }
        }
    }

    [Fact]
    public async Task Monitor_Fig4_ShowsSixPc4MapsWithGemeenteBordersLabelledSynthetic()
    {
        using var client = fixture.Factory.CreateClient();
        var first = await client.GetStringAsync("/monitor"); // starts preparing the synthetic demo in the background
        Assert.True(first.Contains("fig4-synthetic", StringComparison.Ordinal) || first.Contains("worden voorbereid", StringComparison.Ordinal));
        await client.GetStringAsync("/monitor?handler=csv&table=fig4&year=2022"); // the download waits until it is ready

        var html = await client.GetStringAsync("/monitor");

        Assert.Contains("data-testid=\"fig4-synthetic\"", html, StringComparison.Ordinal);
        Assert.Contains("SYNTHETISCH", html, StringComparison.Ordinal);
        foreach (var id in new[] { "pc4-kosten-inwoner", "pc4-kosten-patient", "pc4-prevalentie", "pc4-ernstig", "pc4-basis", "pc4-specialistisch" })
        {
            var start = html.IndexOf($"<svg id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, id);
            var svg = html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
            Assert.Contains("class=\"borders\"", svg, StringComparison.Ordinal); // gemeente borders over the PC4 areas
            Assert.Contains("<title>3841: ", svg, StringComparison.Ordinal); // a Harderwijk PC4 of the demo region
        }

        Assert.Contains("data-testid=\"table-fig4\"", html, StringComparison.Ordinal);
        // Maps fit 360 px without scrolling; the rule lives in the page's stylesheet (the CSP allows no inline style).
        Assert.Contains("minmax(min(100%, 420px), 1fr)", await client.GetStringAsync("/css/monitor.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_FunnelCaption_CountsGemeentenNotTheRegionAndNamesTheInstitution()
    {
        using var client = fixture.Factory.CreateClient();

        var html = await client.GetStringAsync("/monitor?year=2022");

        // Every Vektis 2022 gemeente is published (all have 10 or more insured): the caption counts exactly those.
        Assert.Contains($"({Computed(2022).Gemeenten.Count} gemeenten, 2022)", html, StringComparison.Ordinal);
        Assert.Contains("zonder die verbreding:", html, StringComparison.Ordinal);
        Assert.Contains("Let op: in Ermelo staat een ggz-instelling.", html, StringComparison.Ordinal);
        Assert.Contains("instelling: 28% langdurige ggz (2020; NL 4%)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"source-breaks\"", html, StringComparison.Ordinal); // the shipped years have no break
    }

    [Fact]
    public async Task MonitorCsv_NegativeSesScores_StayNumbers()
    {
        using var client = fixture.Factory.CreateClient();

        var csv = await client.GetStringAsync("/monitor?handler=csv&table=pc4&year=2022");

        Assert.DoesNotContain(",'-", csv, StringComparison.Ordinal);
        Assert.Matches(",-0\\.\\d+", csv); // the region has PC4 areas below the national SES-WOA score
        Assert.Contains("APCG", csv, StringComparison.Ordinal); // 3843 Harderwijk is a CBS APCG area
    }

    /// <summary>One RFC 4180 line: commas inside double quotes belong to the field.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    [SqliteOnly("renders the monitor from its data folder; the database is only the host")]
    [Fact]
    public async Task Monitor_DataFolderMissing_SaysSoClearlyInsteadOfFailing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gem-no-monitor-data-" + Guid.NewGuid().ToString("N"));
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false, start: false);
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Gem:Monitor:Data", missing));
        using var client = configured.CreateClient();

        var response = await client.GetAsync("/monitor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("data-testid=\"monitor-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("De gegevens voor de monitor zijn er niet.", html, StringComparison.Ordinal);
        Assert.Contains(missing, html, StringComparison.Ordinal);
        Assert.Contains("Gem:Monitor:Data", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/monitor?handler=csv&table=uitgaven")).StatusCode);
    }
}
