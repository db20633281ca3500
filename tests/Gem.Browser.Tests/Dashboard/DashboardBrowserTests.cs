using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Dashboard;

public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsync(GemUser user)
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        return page;
    }

    [Fact]
    public async Task Coordinator_OpensDashboardFromTheMenu_DownloadsTheRecoveryCsv()
    {
        var coordinator = await browser.Factory.CreateUserAsync(Roles.Coordinator);
        var page = await SignInAsync(coordinator);

        await page.GetByTestId("nav-dashboard").ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ecosysteem-dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#chart-time title")).ToHaveCountAsync(1);
        await page.GetByTestId("details-recovery").Locator("summary").ClickAsync(); // the table and its download sit behind a disclosure
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-recovery").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Equal("gem-dashboard-recovery.csv", download.SuggestedFilename);
        Assert.StartsWith("Onderdeel,Eerste,Laatste,Verandering", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Hoop,< 10,< 10,< 10", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerStaff_OpensDashboard_IsRefused()
    {
        Guid partnerId;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
            partnerId = scope.ServiceProvider.GetRequiredService<GemDbContext>().Partners.Select(p => p.Id).First();
        var staff = await browser.Factory.CreateUserAsync(Roles.PartnerStaff, partnerId);
        var page = await SignInAsync(staff);

        var response = await page.GotoAsync("/dashboard");

        Assert.Equal(403, response!.Status);
        Assert.Contains("/Account/Denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("nav-dashboard")).ToHaveCountAsync(0);
    }
}
