using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gem.Monitor;
using Gem.Monitor.Social;

namespace Gem.Web.Tests.Monitor;

/// <summary>"Mensen en buurt": every figure on the page equals the CSV that <c>gem monitor-sociaal</c> writes for the demo region.</summary>
public sealed partial class SocialPageTests(MonitorWebFixture fixture) : IClassFixture<MonitorWebFixture>
{
    private static readonly CultureInfo s_nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly Lazy<SocialReport> s_cli = new(() =>
    {
        // As the CLI does it (SocialCommand): read the data folder and compute for the demo region's six gemeenten.
        MonitorInputs inputs = MonitorInputs.Load(MonitorWebFixture.Datasets);
        return SocialReport.Compute(SocialData.Load(MonitorWebFixture.Datasets, inputs.Names), SocialReport.NoordwestVeluwe, inputs.Years, inputs.SesPc4, inputs.Crosswalk);
    });

    /// <summary>A client that waits for the first request, which reads the whole data folder (slow on a loaded machine).</summary>
    private HttpClient Client()
    {
        var client = fixture.Factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }

    /// <summary>Rows of a semicolon CSV (the first line is the source comment) keyed by the given columns.</summary>
    private static Dictionary<string, Dictionary<string, string>> Csv(string text, Func<Dictionary<string, string>, string> key)
    {
        string[] lines = [.. text.Split('\n').Where(static l => l.Length > 0 && !l.StartsWith('#'))];
        string[] header = lines[0].Split(';');
        return lines.Skip(1)
            .Select(l => header.Zip(l.Split(';')).ToDictionary(static p => p.First, static p => p.Second, StringComparer.Ordinal))
            .ToDictionary(key, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Page_EveryFigure_EqualsTheCliCsv()
    {
        using var client = Client();
        var response = await client.GetAsync("/monitor/mensen-en-buurt");
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        SocialReport cli = s_cli.Value;
        var indicators = Csv(SocialCsv.Indicators(cli), static r => $"{r["indicator"]}|{r["periode"]}|{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(r["niveau"])}|{r["code"]}");
        int compared = 0;
        foreach (Match m in FigureCell().Matches(html))
        {
            string id = WebUtility.HtmlDecode(m.Groups[1].Value), shown = WebUtility.HtmlDecode(m.Groups[2].Value);
            Assert.True(indicators.TryGetValue(id, out var row), $"figure {id} on the page is not in the CSV");
            Assert.Equal(double.Parse(row["waarde"], CultureInfo.InvariantCulture), double.Parse(shown, s_nl));
            compared++;
        }

        foreach (Match m in IntervalCell().Matches(html))
        {
            var row = indicators[WebUtility.HtmlDecode(m.Groups[1].Value)];
            string[] bounds = WebUtility.HtmlDecode(m.Groups[2].Value).Split('–');
            Assert.Equal(double.Parse(row["ondergrens"], CultureInfo.InvariantCulture), double.Parse(bounds[0], s_nl));
            Assert.Equal(double.Parse(row["bovengrens"], CultureInfo.InvariantCulture), double.Parse(bounds[1], s_nl));
            compared++;
        }

        var gemeenten = Csv(SocialCsv.NeedModelGemeenten(cli), static r => r["gemeente"]);
        foreach (Match m in NeedCell().Matches(html))
        {
            string[] key = WebUtility.HtmlDecode(m.Groups[1].Value).Split('|');
            Assert.Equal(double.Parse(gemeenten[key[0]][key[1]], CultureInfo.InvariantCulture), double.Parse(WebUtility.HtmlDecode(m.Groups[2].Value), s_nl));
            compared++;
        }

        // 12 indicators × (6 gemeenten + NL), their intervals, the loneliness years, the wijk table, the need table.
        Assert.True(compared > 200, $"only {compared} figures compared");
        foreach (string g in SocialReport.NoordwestVeluwe)
        {
            Assert.Contains($"data-area=\"{g}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_ShowsPublishedBenchmarksSourcesAndHonestyNotes()
    {
        using var client = Client();
        string html = await client.GetStringAsync("/monitor/mensen-en-buurt");
        Assert.Contains("data-figure=\"psychische_klachten|2022|Nederland|NL\">21,5<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"eenzaam|2012|Nederland|NL\">39,6<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"eenzaam|2016|Nederland|NL\">43,4<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"eenzaam|2020|Nederland|NL\">47,0<", html, StringComparison.Ordinal);
        foreach (string table in new[] { "85563NED", "81064ned", "85309NED", "84780NED", "84847NED", "86050NED", "85099NED", "50090NED", "50140NED" })
        {
            Assert.Contains(table, html, StringComparison.Ordinal);
        }

        Assert.Contains("schattingen van het RIVM", html, StringComparison.Ordinal);
        Assert.Contains("tijdens corona", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"kaart-psychische_klachten\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"funnel-behoefte\"", html, StringComparison.Ordinal);
        Assert.Contains("data-wijk=\"WK024301\"", html, StringComparison.Ordinal); // Harderwijk's first wijk

        string monitor = await client.GetStringAsync("/monitor");
        Assert.Contains("href=\"/monitor/mensen-en-buurt\"", monitor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_Download_EqualsTheCliFileByteForByte()
    {
        using var client = Client();
        byte[] bytes = await client.GetByteArrayAsync("/monitor/mensen-en-buurt?handler=csv&file=indicatoren");
        string text = Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.Preamble.Length));
        Assert.Equal(SocialCsv.Indicators(s_cli.Value), text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/monitor/mensen-en-buurt?handler=csv&file=nope")).StatusCode);
    }

    [GeneratedRegex("<span data-figure=\"([^\"]+)\">([^<]+)</span>")]
    private static partial Regex FigureCell();

    [GeneratedRegex("<span class=\"ci\" data-ci=\"([^\"]+)\">([^<]+)</span>")]
    private static partial Regex IntervalCell();

    [GeneratedRegex("data-need=\"([^\"]+)\">([^<]+)</td>")]
    private static partial Regex NeedCell();
}
