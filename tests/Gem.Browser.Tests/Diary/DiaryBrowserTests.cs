using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Diary;

/// <summary>
/// The diary in Debian's Chromium on a 360 px screen: the service worker installs, a subscription is kept, a prompt goes
/// out as Web Push to a push service on loopback, is decrypted with the browser's keys and handed to the real service
/// worker (Chrome DevTools' ServiceWorker.deliverPushMessage), which shows it and reports it delivered; the person answers
/// and sees jouw week. The same answer flow from the link without JavaScript. Zero axe violations on every page.
/// </summary>
public sealed class DiaryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxeAsync(Wcag);
        Assert.True(result.Violations.Length == 0, page.Url + "\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        // No horizontal scrolling at 360 px.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), page.Url + " scrolls sideways");
    }

    private static async Task AnswerAsync(IPage page)
    {
        await page.GetByTestId("mood-Cheerful").FillAsync("6");
        await page.GetByTestId("mood-Relaxed").FillAsync("5");
        await page.GetByLabel("Buiten").CheckAsync();
        await page.GetByLabel("Vrienden").CheckAsync();
        await page.GetByLabel("Bewegen of sporten").CheckAsync();
        await page.Locator("#Word").FillAsync("fris");
        await page.GetByTestId("moment-submit").ClickAsync();
        await page.GetByTestId("moment-thanks").WaitForAsync();
    }

    [Fact]
    public async Task ServiceWorker_PushPrompt_AnswerAt360px_JouwWeek_AndTheSameWithoutScript()
    {
        var person = await browser.Factory.CreateUserAsync(Roles.Citizen);
        var page = await browser.NewPageAsync(javaScript: true, width: 360, height: 740);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = browser.BaseUrl });
        await page.GotoAsync("/mijn/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(person.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/mijn");

        await page.GotoAsync("/mijn/dagboek");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("diary-start").ClickAsync();
        await page.GetByTestId("diary-done").WaitForAsync();
        await AssertAccessibleAsync(page);

        // diary.js registered the service worker for the whole site, and the manifest makes the site installable.
        var scriptUrl = await page.EvaluateAsync<string>("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL)").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.EndsWith("/sw.js", scriptUrl, StringComparison.Ordinal);
        Assert.Equal("/mijn/dagboek", JsonDocument.Parse(await (await page.APIRequest.GetAsync("/manifest.webmanifest")).TextAsync()).RootElement.GetProperty("start_url").GetString());

        // Debian's Chromium has no push service of its own here, so the subscription the browser would post is posted with
        // the test's keys, from the page (same session cookie, same endpoint as diary.js).
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var status = await page.EvaluateAsync<int>($$"""
            () => fetch("/dagboek/abonnement", { method: "POST", headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ endpoint: "{{push.BaseUrl}}push/phone", keys: { p256dh: "{{keys.P256dh}}", auth: "{{keys.Auth}}" } }) }).then(r => r.status)
            """);
        Assert.Equal(204, status);

        // Setup ends with a test prompt; and the first real moment comes due now.
        await page.GotoAsync("/mijn/dagboek");
        await page.GetByTestId("diary-test").ClickAsync();
        DiaryMoment real;
        await using (var db = browser.Factory.Database.CreateContext())
        {
            real = await db.Set<DiaryMoment>().Where(m => m.OwnerId == person.Id && !m.IsTest).OrderBy(m => m.PlannedAt).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            await db.Set<DiaryMoment>().Where(m => m.Id == real.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.PlannedAt, now.AddSeconds(-5)).SetProperty(m => m.ExpiresAt, now.AddMinutes(15)));
        }
        await browser.Factory.Services.GetRequiredService<DiaryPromptSender>().RunOnceAsync();
        Assert.True(await push.WaitForAsync(2, TimeSpan.FromSeconds(20)));
        var payloads = push.Accepted.Select(p => keys.Decrypt(p.Body)).ToList();
        var payload = payloads.Single(p => p.Contains(real.Token, StringComparison.Ordinal));
        var testPayload = payloads.Single(p => !p.Contains(real.Token, StringComparison.Ordinal));

        // Hand the decrypted message to the real service worker, as the browser's push service would.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>();
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
                if (r.GetProperty("scopeURL").GetString()!.StartsWith(browser.BaseUrl, StringComparison.Ordinal)) registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
        };
        await cdp.SendAsync("ServiceWorker.enable").WaitAsync(TimeSpan.FromSeconds(30));
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object> { ["origin"] = browser.BaseUrl, ["registrationId"] = registrationId, ["data"] = payload }).WaitAsync(TimeSpan.FromSeconds(30));
        var delivered = false;
        for (var i = 0; i < 100 && !delivered; i++)
        {
            await Task.Delay(100);
            await using var db = browser.Factory.Database.CreateContext();
            delivered = await db.Set<DiaryMoment>().AnyAsync(m => m.Id == real.Id && m.DeliveredAt != null);
        }
        Assert.True(delivered, "the service worker did not report the prompt as delivered");

        // Tapping the notification opens the moment's link.
        var url = JsonDocument.Parse(payload).RootElement.GetProperty("url").GetString()!;
        await page.GotoAsync(url);
        await AssertAccessibleAsync(page);
        await AnswerAsync(page);
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/mijn/dagboek/week");
        Assert.Contains("fris", await page.GetByTestId("moments").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // The test prompt's link, on a phone without JavaScript.
        var noScript = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await noScript.GotoAsync(JsonDocument.Parse(testPayload).RootElement.GetProperty("url").GetString()!);
        await AssertAccessibleAsync(noScript);
        await AnswerAsync(noScript);
        await AssertAccessibleAsync(noScript);
        await using (var db = browser.Factory.Database.CreateContext())
            Assert.Equal(2, await db.Set<DiaryMoment>().CountAsync(m => m.OwnerId == person.Id && m.AnsweredAt != null && m.OpenedAt != null));
    }

    /// <summary>
    /// Research use without JavaScript at 360 px: an open study on /mijn/dagboek, joined by ticking the box, its moment asks
    /// only the study's items (with the extra slider), and the coordinators' page; zero axe violations and no sideways scroll.
    /// </summary>
    [Fact]
    public async Task Study_JoinWithoutScriptAt360px_TheStudysMoment_AndTheStaffPage()
    {
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var protocol = """
                { "id": "browser-study", "title": "Ontspanning in de wijk", "items": ["cheerful", "relaxed", "place", "company"],
                  "schedule": { "days": 7, "momentsPerDay": 6, "from": "00:10", "until": "23:50", "minGapMinutes": 45, "expiryMinutes": 20 },
                  "extraItems": [ { "id": "pain", "textNl": "Hoeveel pijn heb je nu?", "lowNl": "geen", "highNl": "heel veel" } ] }
                """;
            Assert.True((await scope.ServiceProvider.GetRequiredService<Gem.Core.Diary.Research.DiaryStudies>().LoadAsync(protocol)).IsValid);
        }
        var person = await browser.Factory.CreateUserAsync(Roles.Citizen);
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await SignInAsync(page, person);
        await page.GotoAsync("/mijn/dagboek");
        await page.GetByTestId("study-browser-study").WaitForAsync();
        await AssertAccessibleWithoutScriptAsync(page);
        Assert.False(await page.GetByLabel("Ik doe mee met dit onderzoek").IsCheckedAsync());
        await page.GetByLabel("Ik doe mee met dit onderzoek").CheckAsync();
        await page.GetByTestId("study-join").ClickAsync();
        await page.GetByTestId("study-joined").WaitForAsync();
        await AssertAccessibleWithoutScriptAsync(page);

        string token;
        await using (var db = browser.Factory.Database.CreateContext())
            token = (await db.Set<DiaryMoment>().Where(m => m.OwnerId == person.Id).OrderBy(m => m.PlannedAt).FirstAsync()).Token;
        await page.GotoAsync("/dagboek/m/" + token);
        await AssertAccessibleWithoutScriptAsync(page);
        Assert.Equal(0, await page.GetByTestId("mood-Down").CountAsync());
        await page.GetByTestId("mood-Cheerful").FillAsync("6");
        await page.GetByTestId("extra-pain").FillAsync("2");
        await page.GetByLabel("Buiten").CheckAsync();
        await page.GetByLabel("Vrienden").CheckAsync();
        await page.GetByTestId("moment-submit").ClickAsync();
        await page.GetByTestId("moment-thanks").WaitForAsync();

        var staff = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);
        await SignInAsync(staff, await browser.Factory.CreateUserAsync(Roles.Coordinator), "/Account/Login");
        await staff.GotoAsync("/dashboard/dagboek-onderzoek");
        await staff.GetByTestId("staff-study-browser-study").WaitForAsync();
        await AssertAccessibleWithoutScriptAsync(staff);
    }

    /// <summary>axe needs script: the no-script page is checked at the same address in a scripted context with the same cookies.</summary>
    private async Task AssertAccessibleWithoutScriptAsync(IPage page)
    {
        var state = await page.Context.StorageStateAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { StorageState = state, ViewportSize = new() { Width = 360, Height = 740 }, BaseURL = browser.BaseUrl });
        var check = await context.NewPageAsync();
        await check.GotoAsync(page.Url);
        await AssertAccessibleAsync(check);
    }

    private static async Task SignInAsync(IPage page, GemUser user, string path = "/mijn/inloggen")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains(path, StringComparison.Ordinal));
    }
}
