using System.Text.RegularExpressions;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Plan;

public sealed partial class PlanBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsync(GemUser user)
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/mijn/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Citizen_WritesCrisisPlanInvitesNaasteSharesOnlyCrisisPlan_NaasteSeesOnlyThat()
    {
        var citizen = await browser.Factory.CreateUserAsync(Roles.Citizen);
        var naaste = await browser.Factory.CreateUserAsync(Roles.Citizen);

        var page = await SignInAsync(citizen);
        Assert.EndsWith("/mijn", page.Url, StringComparison.Ordinal);
        await page.Locator("#GoalText").FillAsync("Weer gaan zwemmen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await page.GotoAsync("/mijn/crisisplan");
        await page.Locator("#EarlySigns").FillAsync("Ik slaap slecht en zeg afspraken af.");
        await page.Locator("#WhoToCall").FillAsync("Mijn zus Anna, 06-12345678");
        await page.GetByTestId("save-crisis").ClickAsync();
        Assert.Contains("Mijn zus Anna", await page.GetByTestId("plan-view").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/mijn/kring");
        await page.Locator("#Email").FillAsync(naaste.Email!);
        await page.Locator("#Name").FillAsync("Anna");
        await page.Locator("#Role").SelectOptionAsync("Naaste");
        await page.GetByTestId("invite").ClickAsync();

        await browser.Factory.DeliverMailAsync();
        var mail = Directory.GetFiles(browser.Factory.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Select(m => m.To + "\n" + m.TextBody)
            .Single(m => m.Contains(naaste.Email!, StringComparison.OrdinalIgnoreCase)).Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        var token = InvitationLink().Match(mail).Groups[1].Value;
        Assert.NotEmpty(token);

        var other = await SignInAsync(naaste);
        await other.GotoAsync("/plan/uitnodiging/" + token);
        await other.GetByTestId("accept").ClickAsync();
        Assert.Contains("(nu niets gedeeld)", await other.GetByTestId("memberships").InnerTextAsync(), StringComparison.Ordinal);

        Guid memberId;
        await using (var db = browser.Factory.Database.CreateContext())
            memberId = (await db.ResourceMembers.SingleAsync(m => m.OwnerId == citizen.Id)).Id;
        await page.GotoAsync("/mijn/kring");
        await page.GetByTestId($"share-{memberId}-CrisisPlan").ClickAsync();
        Assert.Equal("true", await page.GetByTestId($"share-{memberId}-CrisisPlan").GetAttributeAsync("aria-pressed"));
        Assert.Equal("false", await page.GetByTestId($"share-{memberId}-Goals").GetAttributeAsync("aria-pressed"));

        await other.GotoAsync("/mijn");
        var links = other.GetByTestId("memberships").GetByRole(AriaRole.Link);
        Assert.Equal(1, await links.CountAsync());
        await links.First.ClickAsync();
        var shown = await other.GetByTestId("plan-view").InnerTextAsync();
        Assert.Contains("Ik slaap slecht", shown, StringComparison.Ordinal);
        Assert.Contains("Mijn zus Anna", shown, StringComparison.Ordinal);
        foreach (var slug in new[] { "plan", "doelen", "verhaal", "checkins", "aanmeldingen" })
        {
            var response = await other.GotoAsync($"/plan/{citizen.Id}/{slug}");
            Assert.Equal(404, response!.Status);
            Assert.DoesNotContain("zwemmen", await other.ContentAsync(), StringComparison.Ordinal);
        }

        // The citizen sees who looked: the naaste, allowed once for the crisis plan, refused for the rest.
        await page.GotoAsync("/mijn/toegang");
        var log = await page.GetByTestId("access-log").InnerTextAsync();
        Assert.Contains("eigen kring: naaste", log, StringComparison.OrdinalIgnoreCase); // the role in words (decision 410)
        Assert.Contains("Geweigerd", log, StringComparison.Ordinal);
    }

    [GeneratedRegex("/plan/uitnodiging/([0-9a-f]{32})")]
    private static partial Regex InvitationLink();
}
