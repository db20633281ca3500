using Gem.Browser.Tests.Journeys;
using Gem.Core.Community;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gem.Browser.Tests.Community;

/// <summary>
/// The eCommunity on a 360 px phone without JavaScript (issue 20 "Done when"): a member takes a handle, writes a post with
/// a crisis phrase and sees 113 and 112 at once; the moderator on duty gets the alert by mail (through the outbox, with a
/// link that works from a mail program) and finds the post first in the moderation queue; thread, moderation and search
/// pages pass axe (WCAG 2.1 AA) and do not scroll sideways.
/// </summary>
public sealed class CommunityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Width = 360;

    private async Task<IPage> SignInAsync(GemUser user)
    {
        var page = await browser.NewPageAsync(javaScript: false, width: Width, height: 740);
        await page.GotoAsync("/mijn/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        return page;
    }

    /// <summary>After a click (Playwright waits for the navigation), the page is at <paramref name="path"/>; otherwise says where it is and what it shows.</summary>
    private static async Task ArrivedAsync(IPage page, string path)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (!page.Url.Contains(path, StringComparison.Ordinal))
            Assert.Fail($"Expected {path}, at {page.Url}: {await page.Locator("main").InnerTextAsync()}");
    }

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

    [Fact]
    public async Task Member_PostsCrisisPhraseOnAPhone_Sees113And112_ModeratorAlerted_PagesPassAxeWithoutScrolling()
    {
        var factory = browser.Factory;
        var moderatorUser = await factory.CreateUserAsync(Roles.Citizen);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<Moderation>();
            await moderation.AddModeratorAsync(moderatorUser.Id, ModeratorKind.ExperienceExpert);
            await moderation.SetOnDutyAsync(moderatorUser.Id, true);
        }
        var check = new PageCheck("community", Width);
        var marker = "zwaluw" + Guid.NewGuid().ToString("N")[..8];
        var handle = "Merel" + Guid.NewGuid().ToString("N")[..6];

        // A citizen takes a handle: nothing but a name of their own choosing.
        var member = await SignInAsync(await factory.CreateUserAsync(Roles.Citizen));
        await member.GotoAsync("/community");
        await member.GetByTestId("join-link").ClickAsync();
        await member.GetByLabel("Je naam in de community").FillAsync(handle);
        await member.GetByTestId("join").ClickAsync();
        await ArrivedAsync(member, "/community");
        Assert.Equal(0, await member.GetByTestId("join-link").CountAsync());

        // Into a theme and a new thread whose post holds a crisis phrase.
        await member.GotoAsync("/community/ruimte/" + CommunityService.ThemeSlug(Gem.Core.Atlas.LifeDomains.LowMood));
        Assert.False(await ScrollsSidewaysAsync(member));
        await member.GetByLabel("Onderwerp").FillAsync("Vannacht " + marker);
        await member.GetByLabel("Je bericht").FillAsync("Ik zie het niet meer zitten, ik wil niet meer leven. " + marker);
        await member.GetByTestId("thread-submit").ClickAsync();
        await ArrivedAsync(member, "/community/draad/");

        // 113 and 112 at once, as links a phone can call; the post waits and the writer reads why.
        var crisis = member.GetByTestId("community-crisis");
        Assert.True(await crisis.IsVisibleAsync());
        Assert.Equal(1, await crisis.Locator("a[href='tel:08000113']").CountAsync());
        Assert.Equal(1, await crisis.Locator("a[href='tel:112']").CountAsync());
        Assert.Contains("moderator", await member.GetByTestId("posted-status").InnerTextAsync(), StringComparison.Ordinal);
        await check.HereAsync(member);

        // The alert: a mail to the moderator on duty, without the post's words, with a link that opens the queue.
        await factory.DeliverMailAsync();
        var alert = Directory.GetFiles(factory.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.To.ToString().Contains(moderatorUser.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Community", StringComparison.Ordinal));
        var text = alert.TextBody ?? "";
        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        var link = text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.Contains("/community/moderatie", StringComparison.Ordinal));
        Assert.StartsWith("http", link, StringComparison.Ordinal);

        // The moderator follows the link: the crisis post is first in the queue, marked as such.
        var moderator = await SignInAsync(moderatorUser);
        await moderator.GotoAsync(new Uri(link).PathAndQuery + new Uri(link).Fragment);
        var first = moderator.GetByTestId("queue-item").First;
        Assert.Contains(marker, await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Crisissignaal", await first.GetByTestId("hold-reason").InnerTextAsync());
        await check.HereAsync(moderator);

        // After looking (and contacting the writer), the moderator lets it through with a reason the member reads.
        await first.GetByLabel("Reden (het lid leest dit)").FillAsync("Goed dat je dit deelt. Ik heb je een bericht gestuurd.");
        await first.GetByTestId("approve").ClickAsync();
        await ArrivedAsync(moderator, "/community/moderatie");
        Assert.Equal(0, await moderator.GetByTestId("queue-item").Filter(new() { HasText = marker }).CountAsync());

        // Search finds it for another member, on a phone, without scripts.
        await member.GotoAsync("/community/zoeken");
        await member.GetByLabel("Zoekwoorden").FillAsync(marker);
        await member.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).Last.ClickAsync();
        await ArrivedAsync(member, "/community/zoeken?q=");
        var hit = member.GetByTestId("search-hits").Locator("li");
        Assert.Equal(1, await hit.CountAsync());
        Assert.Contains("Somber", await hit.InnerTextAsync(), StringComparison.Ordinal);
        await check.HereAsync(member);

        // The thread as others now see it.
        await hit.Locator("a").ClickAsync();
        await ArrivedAsync(member, "/community/draad/");
        Assert.Contains(marker, await member.GetByTestId("post").First.InnerTextAsync(), StringComparison.Ordinal);
        await check.HereAsync(member);

        // The harms survey, from the bar on every community page: radio buttons and boxes, no scripts.
        await member.GetByTestId("survey-link").ClickAsync();
        await ArrivedAsync(member, "/community/enquete");
        await check.HereAsync(member);
        await member.GetByRole(AriaRole.Group, new() { Name = "slechter laten voelen" }).GetByLabel("Ja").CheckAsync();
        await member.GetByLabel("buitengesloten").CheckAsync();
        await member.GetByRole(AriaRole.Group, new() { Name = "veilig" }).GetByLabel("Ja").CheckAsync();
        await member.GetByTestId("survey-submit").ClickAsync();
        await ArrivedAsync(member, "/community/enquete?bedankt=true");
        Assert.True(await member.GetByTestId("survey-thanks").IsVisibleAsync());

        // The coordinator reads the community's figures on the dashboard.
        var coordinator = await SignInAsync(await factory.CreateUserAsync(Roles.Coordinator));
        await coordinator.GotoAsync("/dashboard");
        await coordinator.GetByTestId("community-figures").ClickAsync();
        await ArrivedAsync(coordinator, "/dashboard/community");
        Assert.NotEmpty(await coordinator.GetByTestId("m-survey").InnerTextAsync());
        await check.HereAsync(coordinator);

        check.AssertClean(output);
    }
}
