using Microsoft.Playwright;

namespace Gem.Browser.Tests.Monitor;

public sealed class MonitorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Monitor_FromTheMenu_ShowsTheRegionMapAndSwitchesYear(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/");

        await page.GetByTestId("nav-monitor").ClickAsync();
        await page.WaitForURLAsync("**/monitor");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monitor: ggz in de regio", Level = 1 })).ToBeVisibleAsync();
        var map = page.Locator("svg#kaart-ses");
        await Assertions.Expect(map).ToBeVisibleAsync();
        Assert.Equal(29, await map.Locator(".area").CountAsync()); // the demo region's PC4 areas
        Assert.Equal(1, await map.Locator("g.borders").CountAsync()); // gemeente borders over them
        var box = await map.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 300 && box.Height > 300, $"map is {box.Width}×{box.Height}");
        await Assertions.Expect(page.Locator("svg#kaart-uitgaven")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#funnel-ggz")).ToBeVisibleAsync();

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var shot = Path.Combine(folder, $"monitor-{(javaScript ? "js" : "nojs")}.png");
        var png = await page.Locator("[data-testid=map-ses]").ScreenshotAsync(new() { Path = shot });
        Assert.True(png.Length > 10_000, $"screenshot is only {png.Length} bytes");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"monitor-page-{(javaScript ? "js" : "nojs")}.png"), FullPage = true });

        await page.GetByLabel("Jaar").SelectOptionAsync("2019");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.WaitForURLAsync("**/monitor?year=2019");
        await Assertions.Expect(page.GetByTestId("benchmark")).ToContainTextAsync("In 2019 was dat in Nederland");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Specialistische ggz" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#kaart-ses")).ToBeVisibleAsync();
    }
}
