using Gem.Core.Atlas;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Atlas;

public sealed class AtlasBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Atlas_FilterByLifeDomain_ShowsOnlyMatchingOffers(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/atlas");
        var before = int.Parse((await page.GetByTestId("result-count").GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByTestId("filters").Locator("summary").ClickAsync(); // the filters are folded away
        await page.GetByLabel("Geld en schulden").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon hulp" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/atlas?**");

        var offers = page.Locator("[data-testid=offer]");
        var count = int.Parse((await page.GetByTestId("result-count").GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 1, before - 1);
        Assert.Equal(Math.Min(count, Gem.Web.Pages.Atlas.IndexModel.PageSize), await offers.CountAsync());
        foreach (var domains in await offers.EvaluateAllAsync<int[]>("els => els.map(e => +e.dataset.domains)"))
        {
            Assert.True(((LifeDomains)domains).HasFlag(LifeDomains.MoneyAndDebt));
        }
        await using var db = browser.Factory.Database.CreateContext();
        Assert.Equal(await db.Offers.CountAsync(o => (o.LifeDomains & LifeDomains.MoneyAndDebt) != 0), count);
    }

    [Fact]
    public async Task Offer_OnAPhoneWithoutJavaScript_ExplainsJoiningAndShowsSessions()
    {
        await using var db = browser.Factory.Database.CreateContext();
        var offer = await db.Offers.Include(o => o.Sessions).FirstAsync(o => o.FlowPolicy == FlowPolicy.Rolling && o.Sessions.Count > 0);
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);

        await page.GotoAsync($"/atlas/offers/{offer.Id}");

        Assert.Contains("pauzeren", await page.Locator("[data-testid=flow]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=sessions] li").CountAsync() > 0);
        Assert.True(await page.GetByTestId("crisis-link").IsVisibleAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
    }

    [Fact]
    public async Task Staff_SignInAndEditOwnOffer_ChangeShowsInTheAtlas()
    {
        await using var db = browser.Factory.Database.CreateContext();
        var partner = await db.Partners.OrderBy(p => p.Name).FirstAsync(p => p.IsFictional);
        var offer = await db.Offers.FirstAsync(o => o.PartnerId == partner.Id);
        var user = await browser.Factory.CreateUserAsync(Roles.PartnerStaff, partner.Id);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/partner");
        await page.GotoAsync($"/partner/offers/{offer.Id}/edit");
        await page.GetByLabel("Naam").FillAsync("Lotgenotengroep Zonnebloem (bewerkt)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.WaitForURLAsync("**/partner**"); // with the saved confirmation in the query

        await page.GotoAsync($"/atlas/offers/{offer.Id}");
        Assert.Equal("Lotgenotengroep Zonnebloem (bewerkt)", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Language_SwitchToEnglish_TranslatesTheAtlas()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/atlas");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("All help in the region", await page.Locator("h1").InnerTextAsync());
    }
}
