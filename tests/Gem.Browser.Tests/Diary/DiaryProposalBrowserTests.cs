using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Diary;

/// <summary>A proposed diary and the SMS choice, without JavaScript on a 360 px screen: no sideways scrolling, zero axe violations.</summary>
public sealed class DiaryProposalBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ProposalAcceptedAndSmsChosen_WithoutScript_At360px()
    {
        var person = await browser.Factory.CreateUserAsync(Roles.Citizen);
        var proposal = new DiaryProposal
        {
            OwnerId = person.Id, ProposerUserId = Guid.NewGuid(), ProposerName = "Sanne de Vries", ProposerOrganisation = "Buurtteam Oost met een lange naam",
            ProposedAt = DateTimeOffset.UtcNow, Days = 4, PerDay = 6, WakeFromMinutes = 9 * 60, WakeUntilMinutes = 21 * 60, MinGapMinutes = 30,
            Note = "Zullen we daarna samen naar je week kijken? Dan zie je misschien wat je goed doet en wat minder.",
        };
        await using (var db = browser.Factory.Database.CreateContext())
        {
            db.Add(proposal);
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await page.GotoAsync("/mijn/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(person.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/mijn");
        await page.GetByTestId("diary-proposal-notice").WaitForAsync();
        await DiaryBrowserTests.AssertAccessibleAsync(page);

        await page.GotoAsync("/mijn/dagboek");
        await page.GetByTestId("diary-proposal-open").ClickAsync();
        await page.GetByTestId("proposal").WaitForAsync();
        await DiaryBrowserTests.AssertAccessibleAsync(page);
        await page.GetByTestId("proposal-accept").ClickAsync();
        await page.GetByTestId("diary-running").WaitForAsync();
        await using (var db = browser.Factory.Database.CreateContext())
            Assert.Equal(4, (await db.Set<PersonalDiary>().SingleAsync(d => d.OwnerId == person.Id)).Days);

        await page.GetByTestId("sms-link").ClickAsync();
        await page.Locator("#Phone").FillAsync("12345");
        await page.GetByTestId("sms-on").ClickAsync();
        await page.GetByTestId("sms-error").WaitForAsync();
        await DiaryBrowserTests.AssertAccessibleAsync(page);
        await page.Locator("#Phone").FillAsync("06 12345678");
        await page.GetByTestId("sms-on").ClickAsync();
        await page.GetByTestId("sms-done").WaitForAsync();
        await DiaryBrowserTests.AssertAccessibleAsync(page);
    }
}
