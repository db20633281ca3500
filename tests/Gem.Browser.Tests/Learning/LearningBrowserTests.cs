using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Learning;

/// <summary>
/// A change workshop from start to decision on a 360 px screen without JavaScript: the coordinator creates it and adds
/// the local owner; the owner adds an experience expert and a citizen, starts it, plans a meeting and writes its minutes,
/// starts an experiment and proposes; the coordinator decides; the public page shows the decision. Every page on the way
/// has no horizontal scrolling and no WCAG 2.1 AA violation (axe, in a scripted context with the same cookies).
/// </summary>
public sealed class LearningBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 360;

    private async Task<IPage> SignInAsync(GemUser user)
    {
        var page = await browser.NewPageAsync(javaScript: false, width: Width, height: 740);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        return page;
    }

    private async Task CheckAsync(IPage page, List<string> problems)
    {
        var state = await page.Context.StorageStateAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { StorageState = state, ViewportSize = new() { Width = Width, Height = 740 }, BaseURL = browser.BaseUrl });
        var check = await context.NewPageAsync();
        await check.GotoAsync(page.Url);
        var result = await check.RunAxeAsync(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        if (result.Passes.Length == 0) problems.Add(page.Url + ": axe did not run");
        problems.AddRange(result.Violations.Select(v => $"{page.Url} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}"));
        var scroll = await check.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (scroll > Width) problems.Add($"{page.Url}: {scroll} px wide");
    }

    [Fact]
    public async Task Workshop_FromStartToDecision_At360px_WithoutScripts_NoAxeViolations()
    {
        var factory = browser.Factory;
        Guid partner;
        await using (var scope = factory.Services.CreateAsyncScope())
            partner = await scope.ServiceProvider.GetRequiredService<GemDbContext>().Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var coordinatorUser = await factory.CreateUserAsync(Roles.Coordinator);
        var ownerUser = await factory.CreateUserAsync(Roles.PartnerStaff, partner);
        var expertUser = await factory.CreateUserAsync(Roles.Citizen);
        var citizenUser = await factory.CreateUserAsync(Roles.Citizen);
        var problems = new List<string>();

        // The public page and the charter, before anything.
        var visitor = await browser.NewPageAsync(javaScript: false, width: Width, height: 740);
        await visitor.GotoAsync("/leren");
        await CheckAsync(visitor, problems);
        await visitor.GotoAsync("/leren/waarden");
        await CheckAsync(visitor, problems);

        // The coordinator creates the workshop and adds the local owner.
        var coordinator = await SignInAsync(coordinatorUser);
        await coordinator.GotoAsync("/leren/ateliers");
        await CheckAsync(coordinator, problems);
        await coordinator.Locator("#challenge").SelectOptionAsync("Context");
        await coordinator.Locator("#title").FillAsync("Browseratelier context");
        await coordinator.Locator("#aim").FillAsync("Het eerste gesprek gaat over wat iemand is overkomen.");
        await coordinator.GetByTestId("create-workshop").ClickAsync();
        await coordinator.WaitForURLAsync("**/leren/ateliers/*-*");
        var workshopUrl = coordinator.Url;
        await coordinator.Locator("#email").FillAsync(ownerUser.Email!);
        await coordinator.Locator("#role").SelectOptionAsync("LocalOwner");
        await coordinator.GetByTestId("add-member").ClickAsync();
        await CheckAsync(coordinator, problems);
        await coordinator.GotoAsync("/leren/waarden");
        await CheckAsync(coordinator, problems);

        // The owner gathers an experience expert and a citizen, then starts.
        var owner = await SignInAsync(ownerUser);
        await owner.GotoAsync(workshopUrl);
        foreach (var (user, role) in new[] { (expertUser, "ExperienceExpert"), (citizenUser, "Citizen") })
        {
            await owner.Locator("#email").FillAsync(user.Email!);
            await owner.Locator("#role").SelectOptionAsync(role);
            await owner.GetByTestId("add-member").ClickAsync();
        }
        await CheckAsync(owner, problems);
        await owner.GetByTestId("start").ClickAsync();
        Assert.Contains("Loopt", await owner.GetByTestId("workshop-state").InnerTextAsync(), StringComparison.Ordinal);

        // A meeting that has begun (today, 00:01) gets minutes.
        await owner.Locator("summary", new() { HasText = "Plan een bijeenkomst" }).ClickAsync();
        await owner.Locator("#date").FillAsync(LocalTime.Day(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await owner.Locator("#time").FillAsync("00:01");
        await owner.Locator("#place").FillAsync("Buurthuis De Linde");
        await owner.GetByTestId("plan-meeting").ClickAsync();
        await owner.Locator("textarea[name=minutes]").FillAsync("We spraken over het eerste gesprek.");
        await owner.Locator("textarea[name=decisions]").FillAsync("We proberen de vraag 'wat is je overkomen?' in elk eerste gesprek.");
        await owner.GetByTestId("save-minutes").ClickAsync();
        Assert.Contains("We spraken over het eerste gesprek.", await owner.GetByTestId("meetings").InnerTextAsync(), StringComparison.Ordinal);

        // An experiment on live figures.
        var today = LocalTime.Day(DateTimeOffset.UtcNow);
        await owner.Locator("summary", new() { HasText = "Nieuw experiment" }).ClickAsync();
        await owner.Locator("#x-title").FillAsync("Contextvraag in elk eerste gesprek");
        await owner.Locator("#x-change").FillAsync("Elk eerste gesprek begint met de vraag wat iemand is overkomen.");
        await owner.Locator("#x-prediction").FillAsync("Meer mensen zijn binnen 7 dagen ergens aanwezig.");
        await owner.Locator("#x-outcome").SelectOptionAsync("AttendedWithinWeek");
        await owner.Locator("#x-balancing").SelectOptionAsync("MedianDaysToSupport");
        await owner.Locator("#x-baseline").FillAsync(today.AddMonths(-8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await owner.Locator("#x-changefrom").FillAsync(today.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await owner.GetByTestId("start-experiment").ClickAsync();
        await owner.GetByTestId("experiments").GetByRole(AriaRole.Link).First.ClickAsync();
        await owner.WaitForURLAsync("**/leren/experimenten/*-*");
        Assert.Equal(2, await owner.Locator("section.measure svg").CountAsync());
        await CheckAsync(owner, problems);

        // A proposal with a phase-out list.
        await owner.GotoAsync(workshopUrl);
        await owner.Locator("summary", new() { HasText = "Nieuw voorstel" }).ClickAsync();
        await owner.Locator("#p-title").FillAsync("Contextvraag als standaard");
        await owner.Locator("#p-text").FillAsync("Alle partners beginnen met de contextvraag.");
        await owner.Locator("#p-phaseout").FillAsync("Intakeformulieren met klachtenlijst\nDiagnose vóór de eerste afspraak");
        await owner.GetByTestId("propose").ClickAsync();
        await CheckAsync(owner, problems);
        Assert.Equal(0, await owner.GetByTestId("decide").CountAsync());

        // The coordinator decides.
        await coordinator.GotoAsync(workshopUrl);
        await coordinator.Locator("select[name=decision]").SelectOptionAsync("AdoptedWithChanges");
        await coordinator.Locator("textarea[name=decisionText]").FillAsync("Aangenomen; eerst in twee gemeenten.");
        await coordinator.GetByTestId("decide").ClickAsync();
        Assert.Contains("Aangenomen met wijzigingen", await coordinator.GetByTestId("proposal").Last.InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(coordinator, problems);

        // Everyone sees the decision and what the region stops doing.
        await visitor.GotoAsync("/leren");
        var text = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains("Contextvraag als standaard", text, StringComparison.Ordinal);
        Assert.Contains("Diagnose vóór de eerste afspraak", text, StringComparison.Ordinal);
        await CheckAsync(visitor, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
