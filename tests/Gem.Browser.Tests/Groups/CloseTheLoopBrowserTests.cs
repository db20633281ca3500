using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gem.Core.Atlas;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Groups;

/// <summary>
/// Issue 13 item 1 at 360 px: enrol with only a phone number → confirmation with the code and the links → manage (cancel),
/// and finding the enrolment again with code + phone; every page without horizontal scrolling and with 0 axe WCAG 2.1 AA violations.
/// </summary>
public sealed class CloseTheLoopBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AssertPhoneReadyAsync(IPage page)
    {
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "horizontal scrolling on " + page.Url);
        var result = await page.RunAxeAsync(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, page.Url + "\n" + string.Join("\n",
            result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
    }

    [Fact]
    public async Task PhoneOnly_EnrolConfirmManageAndFindAgain_At360px()
    {
        await using var db = browser.Factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var offer = await db.Offers.OrderBy(o => o.Name).FirstAsync(o => o.FlowPolicy == FlowPolicy.Rolling && o.Format == OfferFormat.Group
            && o.Access == Access.NoReferral && o.Capacity > 2 && o.Sessions.Any(s => s.Start > now.AddDays(1)));
        var page = await browser.NewPageAsync(width: 360, height: 800);

        await page.GotoAsync($"/atlas/offers/{offer.Id}");
        await page.GetByTestId("join").First.ClickAsync();
        Assert.Contains("Je hebt geen verwijzing nodig.", await page.GetByTestId("access").InnerTextAsync(), StringComparison.Ordinal);
        await AssertPhoneReadyAsync(page);
        await page.GetByLabel("Voornaam of schuilnaam").FillAsync("Robin");
        await page.GetByLabel("Telefoon").FillAsync("06 11 22 33 44");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee" }).ClickAsync();

        // The confirmation: what is really sent, the code, and the manage page itself.
        Assert.True(await page.GetByTestId("confirmed").IsVisibleAsync(), await page.Locator("main").InnerTextAsync());
        Assert.Contains("sms", await page.GetByTestId("reach").InnerTextAsync(), StringComparison.Ordinal);
        var code = await page.GetByTestId("code").InnerTextAsync();
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        await AssertPhoneReadyAsync(page);
        var token = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        // The front door's confirmation of the same enrolment carries the links to cancel and pause.
        await page.GotoAsync("/voorportaal/aangemeld/" + token);
        Assert.Equal(code, await page.GetByTestId("code").InnerTextAsync());
        await AssertPhoneReadyAsync(page);
        await page.GetByTestId("cancel-link").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik stop" }).ClickAsync();
        Assert.Contains("Afgemeld", await page.GetByTestId("status").InnerTextAsync(), StringComparison.Ordinal);
        await AssertPhoneReadyAsync(page);

        // Later, without the link: code + phone number.
        await page.GotoAsync("/aanmelding");
        await AssertPhoneReadyAsync(page);
        await page.GetByLabel("Code (8 tekens)").FillAsync(code.ToLowerInvariant());
        await page.GetByLabel("E-mailadres of telefoonnummer").FillAsync("0611223344");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek mijn aanmelding" }).ClickAsync();
        Assert.EndsWith("/groups/enrolment/" + token, page.Url, StringComparison.Ordinal);

        await using var read = browser.Factory.Database.CreateContext();
        Assert.Equal(EnrolmentStatus.Cancelled, (await read.Enrolments.SingleAsync(e => e.Token == token)).Status);
    }
}
