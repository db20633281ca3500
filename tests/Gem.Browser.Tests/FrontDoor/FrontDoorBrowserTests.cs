using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MimeKit;

namespace Gem.Browser.Tests.FrontDoor;

/// <summary>The whole front-door flow in Debian's Chromium, on a 360 px phone without scripts and on a desktop.</summary>
public sealed class FrontDoorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360, 740, false, "Noor")]
    [InlineData(1280, 900, true, "Daan")]
    public async Task FrontDoor_WholeFlow_EnrolInAGroupAndTheConfirmationMailArrives(int width, int height, bool javaScript, string name)
    {
        var page = await browser.NewPageAsync(javaScript, width, height);
        await page.GotoAsync("/");

        // 1. What is going on, in life terms and own words.
        await page.GetByLabel("Eenzaamheid en contact").CheckAsync();
        await page.GetByLabel("Somberheid").CheckAsync();
        await page.GetByLabel("In je eigen woorden").FillAsync("Sinds de verhuizing ken ik hier niemand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).ClickAsync();
        await page.WaitForURLAsync("**/voorportaal?stap=2**");
        Assert.DoesNotContain("verhuizing", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("crisis-block").CountAsync());

        // 2. Who is around. 3. What would you like. 4. Where and when.
        await page.GetByLabel("Niemand").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).ClickAsync();
        await page.GetByLabel("Anderen ontmoeten die het kennen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).ClickAsync();
        await page.GetByLabel("Je postcode").FillAsync("3841");
        await page.GetByRole(AriaRole.Button, new() { Name = "Laat zien waar ik kan beginnen" }).ClickAsync();
        await page.WaitForURLAsync("**/voorportaal/hulp?**");

        // Results: explained, from several sectors, with three that start this week; nothing wider than the screen.
        var matches = page.GetByTestId("matches").GetByTestId("match");
        Assert.True(await matches.CountAsync() >= 6);
        var sectors = await matches.EvaluateAllAsync<string[]>("els => els.slice(0, 6).map(e => e.dataset.sector)");
        Assert.True(sectors.Distinct().Count() >= 3);
        Assert.Equal("true", await matches.First.GetAttributeAsync("data-group"));
        Assert.Contains("Waarom je dit ziet", await matches.First.GetByTestId("why").InnerTextAsync(), StringComparison.Ordinal);
        // Three that start this week: a card, or a short line pointing to the card above (decision 303).
        var week = page.GetByTestId("this-week");
        Assert.Equal(3, await week.GetByTestId("match").CountAsync() + await week.GetByTestId("week-seen").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"));
        Assert.True(await page.GetByTestId("crisis-link").IsVisibleAsync());

        // Open matches until one takes enrolments, and enrol with a name and e-mail only.
        var links = await page.GetByTestId("match").Locator("h3 a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))");
        var enrolled = false;
        foreach (var href in links)
        {
            await page.GotoAsync(href);
            if (await page.GetByTestId("enrol").CountAsync() == 0) continue;
            await page.GetByLabel("Voornaam of een andere naam").FillAsync(name);
            await page.GetByLabel("E-mailadres").FillAsync(name.ToLowerInvariant() + "@example.org");
            await page.GetByRole(AriaRole.Button, new() { Name = "Meld me aan" }).ClickAsync();
            await page.WaitForURLAsync("**/voorportaal/aangemeld/**");
            enrolled = true;
            break;
        }
        Assert.True(enrolled, "no match took enrolments");
        Assert.Contains(name, await page.GetByTestId("confirmation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"));

        var mail = await WaitForMailAsync(name.ToLowerInvariant() + "@example.org");
        Assert.Equal("Je bent aangemeld", mail.Subject);
        Assert.Contains("Hoi " + name, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDoor_DangerInOwnWords_CrisisBlockComesFirst()
    {
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await page.GotoAsync("/");
        await page.GetByLabel("In je eigen woorden").FillAsync("Ik wil er niet meer zijn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).ClickAsync();
        await page.WaitForURLAsync("**/voorportaal?stap=2**");

        var block = page.GetByTestId("crisis-block");
        Assert.True(await block.IsVisibleAsync());
        Assert.Contains("0800-0113", await block.InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(page.Url.Replace("/voorportaal?stap=2", "/voorportaal/hulp?", StringComparison.Ordinal));
        var order = await page.EvaluateAsync<bool>(
            "document.querySelector('[data-testid=crisis-block]').compareDocumentPosition(document.querySelector('[data-testid=match]')) & Node.DOCUMENT_POSITION_FOLLOWING");
        Assert.True(order);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/voorportaal?stap=2&d=LowMood")]
    [InlineData("/voorportaal?stap=3&d=LowMood")]
    [InlineData("/voorportaal?stap=4&d=LowMood")]
    [InlineData("/voorportaal/hulp?d=LowMood&w=MeetPeers&pc4=3841&c=1")]
    public async Task FrontDoor_Pages_NoWcag21AaViolations(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        var result = await page.RunAxeAsync(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(result.Passes); // axe really ran
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
    }

    [Fact]
    public async Task FrontDoor_OfferAndConfirmationPages_NoWcag21AaViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/voorportaal/hulp?d=LonelinessAndContact");
        var href = await page.GetByTestId("match").Locator("h3 a").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        var result = await page.RunAxeAsync(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task FrontDoor_English_WholeConversationTranslated()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("Where can you start?", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("Money and debt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip and show the help" }).ClickAsync();
        Assert.Equal("Here is where you can start", await page.Locator("h1").InnerTextAsync());
    }

    private async Task<MimeMessage> WaitForMailAsync(string to)
    {
        for (var i = 0; i < 50; i++)
        {
            await browser.Factory.DeliverMailAsync();
            if (Directory.Exists(browser.Factory.MailFolder))
            {
                foreach (var file in Directory.GetFiles(browser.Factory.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to)) return message;
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("No mail to " + to + " in " + browser.Factory.MailFolder);
    }
}
