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

        await page.GetByLabel("Jaar", new() { Exact = true }).SelectOptionAsync("2019"); // exact: the named table scroll boxes mention "jaar" too
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.WaitForURLAsync("**/monitor?year=2019");
        await Assertions.Expect(page.GetByTestId("benchmark")).ToContainTextAsync("In 2019 was dat in Nederland");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Specialistische ggz", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#kaart-ses")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Monitor_At360Px_ShowsTheSixPc4MapsLabelledSyntheticWithoutHorizontalScroll()
    {
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await page.GotoAsync("/monitor");
        for (int i = 0; i < 60 && await page.GetByTestId("fig4-synthetic").CountAsync() == 0; i++)
        {
            await Task.Delay(3000); // the synthetic demo is generated in the background on the first visit
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.GetByTestId("fig4-synthetic")).ToContainTextAsync("SYNTHETISCH");
        foreach (var id in new[] { "pc4-kosten-inwoner", "pc4-kosten-patient", "pc4-prevalentie", "pc4-ernstig", "pc4-basis", "pc4-specialistisch" })
        {
            var map = page.Locator($"svg#{id}");
            await Assertions.Expect(map).ToBeVisibleAsync();
            Assert.Equal(29, await map.Locator(".area").CountAsync());
            Assert.Equal(1, await map.Locator("g.borders").CountAsync());
            var box = await map.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 360.5, $"{id} spans {box.X}..{box.X + box.Width}");
        }

        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= 360, $"the page is {scroll} px wide at 360 px");
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.Locator("[data-testid=fig4]").ScreenshotAsync(new() { Path = Path.Combine(folder, "monitor-fig4-360.png") });
    }
}
