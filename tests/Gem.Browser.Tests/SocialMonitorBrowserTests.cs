using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gem.Browser.Tests;

/// <summary>"Mensen en buurt" in Debian's Chromium: reached from /monitor, no horizontal scrolling at 360 px, no WCAG 2.1 AA violations.</summary>
public sealed class SocialMonitorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MensenEnBuurt_Phone360WithoutScripts_FromMonitorNoHorizontalScrollMapsVisible()
    {
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await page.GotoAsync("/monitor");
        await page.GetByTestId("link-social").ClickAsync();
        await page.WaitForURLAsync("**/monitor/mensen-en-buurt");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mensen en buurt");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 360 px");
        var map = page.Locator("svg#kaart-psychische_klachten");
        await Assertions.Expect(map).ToBeVisibleAsync();
        Assert.Equal(6, await map.Locator(".area").CountAsync()); // the demo region's six gemeenten
        await Assertions.Expect(page.Locator("svg#funnel-behoefte")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("table-wijk")).ToBeVisibleAsync();

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "mensen-en-buurt-360.png"), FullPage = true });
    }

    [Fact]
    public async Task MensenEnBuurt_NoWcag21AaViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/monitor/mensen-en-buurt");
        var result = await page.RunAxeAsync(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
    }
}
