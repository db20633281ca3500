using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gem.Browser.Tests.Reading;

/// <summary>
/// The pages people read rather than fill in — the atlas, the dashboard and the monitor — on a phone (360 × 800) and a
/// desktop (1280 × 900): no WCAG 2.1 AA violation, no horizontal scrolling, also with every disclosure opened.
/// </summary>
public sealed class ReadingPagesBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OpenAsync(string path, int width, int height)
    {
        var page = await browser.NewPageAsync(javaScript: true, width, height);
        if (path.StartsWith("/dashboard", StringComparison.Ordinal))
        {
            var coordinator = await browser.Factory.CreateUserAsync(Roles.Coordinator);
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("E-mailadres").FillAsync(coordinator.Email!);
            await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        return page;
    }

    private static async Task AssertNoViolationsAsync(IPage page, string when)
    {
        var result = await page.RunAxeAsync(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.NotEmpty(result.Passes); // axe really ran
        Assert.True(result.Violations.Length == 0, when + ":\n" +
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
    }

    private async Task AssertNoHorizontalScrollAsync(IPage page, int width, string when)
    {
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        output.WriteLine($"{when}: {scroll} px wide at {width} px");
        Assert.True(scroll <= width, $"{when}: the page is {scroll} px wide at {width} px");
    }

    [Theory]
    [InlineData("/atlas", 360, 800)]
    [InlineData("/atlas", 1280, 900)]
    [InlineData("/atlas?domain=MoneyAndDebt&near=3851&pagina=2", 360, 800)]
    [InlineData("/dashboard", 360, 800)]
    [InlineData("/dashboard", 1280, 900)]
    [InlineData("/monitor", 360, 800)]
    [InlineData("/monitor", 1280, 900)]
    public async Task Page_PhoneAndDesktop_NoWcag21AaViolationsAndNoHorizontalScroll(string path, int width, int height)
    {
        var page = await OpenAsync(path, width, height);

        await AssertNoViolationsAsync(page, path);
        await AssertNoHorizontalScrollAsync(page, width, path);

        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
        await AssertNoViolationsAsync(page, path + " with every disclosure open");
        await AssertNoHorizontalScrollAsync(page, width, path + " with every disclosure open");
    }

    [Fact]
    public async Task Atlas_OnAPhone_ShowsResultsAndTheMapInTheFirstScreenAndIsShort()
    {
        var page = await OpenAsync("/atlas", 360, 800);

        var count = await page.GetByTestId("result-count").BoundingBoxAsync();
        Assert.NotNull(count);
        Assert.True(count.Y < 800, $"the result count starts at {count.Y} px: the filters fill the first screen");
        Assert.False(await page.GetByLabel("Geld en schulden").IsVisibleAsync()); // the filters are folded away
        await Assertions.Expect(page.Locator("svg#atlas-map")).ToBeVisibleAsync();
        var map = await page.Locator("svg#atlas-map").BoundingBoxAsync();
        Assert.True(map!.X >= 0 && map.X + map.Width <= 360.5, $"the map spans {map.X}..{map.X + map.Width}");
        var tall = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(tall < 15_000, $"the atlas is {tall} px tall at 360 px");
        output.WriteLine($"atlas at 360 px: {tall} px tall");

        await page.GetByTestId("next-page").ClickAsync();
        await page.WaitForURLAsync("**/atlas?pagina=2");
        Assert.Equal(20, await page.Locator("[data-testid=offer]").CountAsync());
    }

    [Fact]
    public async Task Monitor_OnAPhone_EveryTableThatScrollsCanBeReachedByKeyboard()
    {
        var page = await OpenAsync("/monitor", 360, 800);
        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");

        var counts = await page.EvaluateAsync<int[]>(
            "() => { const s = [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth); " +
            "return [s.length, s.filter(w => w.tabIndex !== 0 || !w.getAttribute('aria-label')).length]; }");
        Assert.True(counts[0] >= 1, "at 360 px some tables scroll sideways");
        Assert.Equal(0, counts[1]);
        var first = page.Locator(".table-wrap").First;
        await first.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await first.EvaluateAsync<bool>("w => document.activeElement === w"));
    }
}
