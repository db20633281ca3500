using System.Text.RegularExpressions;
using Gem.Core.Consent;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Gem.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gem.Browser.Tests.Journeys;

/// <summary>
/// Issue 13 "Done when": the five journeys walked end to end at 360 × 800 and 1280 × 900, every page checked by
/// <see cref="PageCheck"/> (0 axe violations for WCAG 2.1 AA, no horizontal overflow, no English on a Dutch page).
/// </summary>
public sealed partial class JourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static TheoryData<int, int> Screens => new() { { 360, 800 }, { 1280, 900 } };

    private async Task<IPage> SignInAsync(int width, int height, string email, string password, string path = "/Account/Login")
    {
        var page = await browser.NewPageAsync(javaScript: true, width, height);
        await page.GotoAsync(path);
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        return page;
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task CitizenInDistress_FrontDoorToEnrolment(int width, int height)
    {
        var check = new PageCheck("citizen", width);
        var page = await browser.NewPageAsync(javaScript: width > 400, width, height);
        await check.PageAsync(page, "/");
        await check.PageAsync(page, "/voorportaal?stap=2&d=LowMood&d=LonelinessAndContact");
        await check.PageAsync(page, "/voorportaal/hulp?d=LowMood&d=LonelinessAndContact&w=MeetPeers&pc4=3841");
        await check.PageAsync(page, "/crisis");
        var links = await page.GotoAsync("/voorportaal/hulp?d=LowMood&d=LonelinessAndContact&w=MeetPeers&pc4=3841")
            .ContinueWith(_ => page.GetByTestId("match").Locator("h3 a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))"), TaskScheduler.Default).Unwrap();
        var enrolled = false;
        foreach (var href in links)
        {
            await page.GotoAsync(href);
            if (await page.GetByTestId("enrol").CountAsync() == 0) continue;
            await check.HereAsync(page);
            await page.GetByLabel("Voornaam of een andere naam").FillAsync("Noor");
            await page.GetByLabel("E-mailadres").FillAsync($"noor{width}@example.org");
            await page.GetByRole(AriaRole.Button, new() { Name = "Meld me aan" }).ClickAsync();
            await page.WaitForURLAsync("**/voorportaal/aangemeld/**");
            await check.HereAsync(page);
            enrolled = true;
            break;
        }
        Assert.True(enrolled, "no match took enrolments");
        await check.PageAsync(page, "/atlas/bestaat-niet");
        await check.PageAsync(page, "/privacyverklaring");
        await check.PageAsync(page, "/toegankelijkheidsverklaring");
        await check.PageAsync(page, "/contact");
        await check.PageAsync(page, "/spreekuur");
        // Registration that fails first: the rules, the summary, Dutch messages.
        await check.PageAsync(page, "/mijn/registreren");
        await page.Locator("#Name").FillAsync("Noor");
        await page.Locator("#Email").FillAsync($"noor-account{width}@example.org");
        await page.Locator("#Password").FillAsync("kort");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.True(await page.GetByTestId("error-summary").IsVisibleAsync());
        await check.HereAsync(page);
        await check.PageAsync(page, "/mijn/inloggen");
        check.AssertClean(output);
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task PartnerProfessional_OrganisationGroupsOffersConsultation(int width, int height)
    {
        var check = new PageCheck("partner", width);
        var page = await SignInAsync(width, height, "staff1@demo.gem.example", Gem.Core.Demo.DemoAccounts.Password);
        await check.HereAsync(page);
        foreach (var path in new[] { "/partner", "/partner/groups", "/partner/offers/new", "/partner/import", "/consultatie", "/consultatie/nieuw", "/atlas" })
            await check.PageAsync(page, path);
        check.AssertClean(output);
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task Coordinator_DashboardGuaranteeConsultationFigures(int width, int height)
    {
        var check = new PageCheck("coordinator", width);
        var page = await SignInAsync(width, height, "coordinator@demo.gem.example", Gem.Core.Demo.DemoAccounts.Password);
        foreach (var path in new[] { "/dashboard", "/voorportaal/garantie", "/dashboard/consultatie", "/atlas" })
            await check.PageAsync(page, path);
        check.AssertClean(output);
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task PolicyMaker_MonitorAndAtlas(int width, int height)
    {
        var check = new PageCheck("policy", width);
        var page = await browser.NewPageAsync(javaScript: true, width, height);
        foreach (var path in new[] { "/monitor", "/monitor/mensen-en-buurt", "/monitor?year=2021", "/atlas" })
            await check.PageAsync(page, path);
        check.AssertClean(output);
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task InvitedNaaste_FromTheMailToWhatIsShared(int width, int height)
    {
        var check = new PageCheck("naaste", width);
        var owner = await browser.Factory.CreateUserAsync(Roles.Citizen);
        var email = $"naaste{width}@test.gem.example";
        ResourceMember invitation;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<PlanService>().SaveCrisisPlanAsync(owner.Id, new CrisisPlanText("Ik slaap slecht.", "Wandelen.", "Bellen.", "Mijn zus Anna.", "Niet duwen."));
            await sp.GetRequiredService<PlanService>().AddCheckInAsync(owner.Id, new CheckInInput(5, 6, 5, 4, 6, 5, 3, 2));
            await sp.GetRequiredService<PlanService>().AddCheckInAsync(owner.Id, new CheckInInput(6, 7, 6, 5, 6, 6, 4, 3));
            invitation = await sp.GetRequiredService<ResourceGroup>().InviteAsync(owner.Id, "Sam", email, "Anna", MemberRole.Naaste);
            await sp.GetRequiredService<ConsentService>().GiveAsync(owner.Id, RecipientKind.Member, invitation.Id, DataCategory.CrisisPlan);
            await sp.GetRequiredService<ConsentService>().GiveAsync(owner.Id, RecipientKind.Member, invitation.Id, DataCategory.CheckIns);
        }

        // The mail's link: an explained invitation, then "Account maken" keeps the way back.
        var page = await browser.NewPageAsync(javaScript: true, width, height);
        await check.PageAsync(page, "/plan/uitnodiging/" + invitation.Token);
        Assert.True(await page.GetByTestId("invitation-explained").IsVisibleAsync());
        await page.GetByTestId("invitation-register").ClickAsync();
        await page.WaitForURLAsync("**/mijn/registreren?ReturnUrl=**");
        await check.HereAsync(page);
        await page.Locator("#Name").FillAsync("Anna");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("Een-Goed-Wachtwoord-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.GetByTestId("register-sent").WaitForAsync();

        await browser.Factory.DeliverMailAsync();
        var mail = Directory.GetFiles(browser.Factory.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).Select(m => m.TextBody ?? "").First(b => b.Contains("bevestigen", StringComparison.Ordinal));
        var confirm = ConfirmLink().Match(mail).Value;
        await check.PageAsync(page, confirm);
        await page.GetByTestId("confirmed-sign-in").ClickAsync();
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("Een-Goed-Wachtwoord-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/plan/uitnodiging/**");
        await check.HereAsync(page);
        await page.GetByTestId("accept").ClickAsync();
        await page.WaitForURLAsync("**/mijn?joined=**");
        await check.HereAsync(page);
        Assert.True(await page.GetByTestId("joined").IsVisibleAsync());
        await check.PageAsync(page, $"/plan/{owner.Id}/crisisplan");
        await check.PageAsync(page, $"/plan/{owner.Id}/checkins");
        await check.PageAsync(page, "/mijn/kring");
        await check.PageAsync(page, "/mijn/toegang");
        await check.PageAsync(page, "/mijn/beveiliging");
        await check.PageAsync(page, "/mijn/crisisplan");

        // The owner's side: the sharing grid and the access log on this screen.
        var ownerPage = await SignInAsync(width, height, owner.Email!, WebTestExtensions.Password, "/mijn/inloggen");
        await check.PageAsync(ownerPage, "/mijn/kring");
        await check.PageAsync(ownerPage, "/mijn/toegang");
        await check.PageAsync(ownerPage, "/mijn");
        if (width <= 400)
        {
            // Chart text at 12 px or more on a phone.
            var smallest = await ownerPage.EvaluateAsync<double>("""
                () => Math.min(...[...document.querySelectorAll('svg.checkin-chart text')].map(t => t.getBoundingClientRect().height))
                """);
            Assert.True(smallest >= 12, $"check-in chart text is {smallest:0.#} px high");
        }
        check.AssertClean(output);
    }

    [GeneratedRegex(@"/mijn/bevestigen\?[^\s""<>]+")]
    private static partial Regex ConfirmLink();
}
