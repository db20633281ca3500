using Microsoft.Playwright;

namespace Gem.Monitor.Tests.Report;

/// <summary>
/// Opens the HTML report in Chromium and screenshots the map. Needs the Debian package "chromium" (/usr/bin/chromium);
/// CI's scripts/test.sh installs it.
/// </summary>
[Collection(MonitorReportCollection.Name)]
public class ReportBrowserTests(MonitorReportFixture fixture)
{
    [Fact]
    public async Task Report_OpenedInChromium_ShowsTheMapAndScreenshotsIt()
    {
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking"],
        });
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(fixture.ReportPath).AbsoluteUri);

        Assert.Equal("GEM populatiemonitor – ggz-uitgaven per gemeente", await page.TitleAsync());
        ILocator map = page.Locator("svg#kaart-ggz");
        await map.WaitForAsync();
        Assert.True(await map.IsVisibleAsync());
        int areas = await page.Locator("svg#kaart-ggz .area").CountAsync();
        Assert.Equal(345, areas); // every CBS gemeente shape of 2022 is drawn, with or without data
        LocatorBoundingBoxResult? box = await map.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 300 && box.Height > 300, $"map is {box.Width}×{box.Height}");
        Assert.True(await page.Locator("svg#kaart-ses .area").CountAsync() > 4000); // PC4 areas with gemeente borders over them
        Assert.Equal(1, await page.Locator("svg#kaart-ses g.borders").CountAsync());

        string shot = Path.Combine(fixture.OutFolder, "kaart-ggz.png");
        byte[] png = await map.ScreenshotAsync(new() { Path = shot });
        Assert.True(png.Length > 20_000, $"screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        Assert.Empty(external);
    }
}
