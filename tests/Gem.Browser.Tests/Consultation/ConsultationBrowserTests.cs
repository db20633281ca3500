using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gem.Core.Atlas;
using Gem.Core.Consent;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Consultation;

/// <summary>
/// A wijkteam worker asks, the specialist on duty answers, the person sees it in their plan, the asker closes it out:
/// on a 360 px screen without JavaScript; every page on the way has no horizontal scrolling and no WCAG 2.1 AA
/// violation (axe, run in a second context with the same cookies, as axe itself needs scripts).
/// </summary>
public sealed class ConsultationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 360;

    private async Task<IPage> SignInAsync(GemUser user, string path = "/Account/Login")
    {
        var page = await browser.NewPageAsync(javaScript: false, width: Width, height: 740);
        await page.GotoAsync(path);
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        return page;
    }

    /// <summary>The page the no-script browser is on, checked with axe and for width in a scripted context with the same cookies.</summary>
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
    public async Task WijkteamAsks_SpecialistAnswers_PersonSeesIt_AskerClosesOut()
    {
        var factory = browser.Factory;
        GemUser worker, person, specialist;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<GemDbContext>();
            var wijkteam = await db.Partners.Where(p => p.Sector == Sector.SociaalDomein && p.IsFictional && p.Name.StartsWith("Wijkteam")).Select(p => p.Id).FirstAsync();
            var ggz = await db.Partners.Where(p => p.Sector == Sector.GroteGgz && p.IsFictional).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
            worker = await factory.CreateUserAsync(Roles.PartnerStaff, wijkteam);
            person = await factory.CreateUserAsync(Roles.Citizen);
            specialist = await factory.CreateUserAsync(Roles.Specialist, ggz);
            var users = sp.GetRequiredService<UserManager<GemUser>>();
            var p = (await users.FindByIdAsync(person.Id.ToString()))!;
            p.DisplayName = "Sanne Demo";
            await users.UpdateAsync(p);
            await sp.GetRequiredService<ConsentService>().GiveAsync(person.Id, RecipientKind.Partner, wijkteam, DataCategory.Consultation);
            var pool = sp.GetRequiredService<ConsultationPool>();
            var member = await pool.AddAsync(specialist.Id, Discipline.Psychiater);
            await pool.SetWeekAsync(ConsultationPool.WeekOf(DateTimeOffset.UtcNow), [member.Id], []);
        }
        var problems = new List<string>();

        // The wijkteam worker asks about Sanne, who consented.
        var asker = await SignInAsync(worker);
        await asker.GotoAsync("/consultatie");
        await CheckAsync(asker, problems);
        await asker.GetByTestId("new-request").ClickAsync();
        await CheckAsync(asker, problems);
        await asker.GetByLabel("Over een persoon: Sanne Demo").CheckAsync();
        await asker.GetByTestId("question").FillAsync("Sanne durft de deur niet meer uit sinds haar verhuizing. Hoe help ik haar op gang?");
        await asker.GetByLabel("Eenzaamheid en contact").CheckAsync();
        await asker.GetByLabel("Wat is al geprobeerd?").FillAsync("Twee huisbezoeken en samen naar de buurtkamer.");
        await asker.GetByTestId("send-request").ClickAsync();
        await asker.WaitForURLAsync("**/consultatie/*-*");
        var requestUrl = asker.Url;
        Assert.Contains("durft de deur niet meer uit", await asker.GetByTestId("question-text").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(asker, problems);

        // The specialist on duty finds it in the list and answers.
        var doctor = await SignInAsync(specialist);
        await doctor.GotoAsync("/consultatie");
        await doctor.GetByTestId("request-link").First.ClickAsync();
        Assert.Equal(requestUrl, doctor.Url);
        await CheckAsync(doctor, problems);
        await doctor.GetByTestId("answer-input").FillAsync("Begin met kleine stappen samen buiten, en nodig haar uit voor de wandelgroep. Vraag opnieuw als het na 3 weken niet lukt.");
        await doctor.GetByTestId("send-answer").ClickAsync();
        Assert.Contains("wandelgroep", await doctor.GetByTestId("answer-text").InnerTextAsync(), StringComparison.Ordinal);

        // Sanne sees question and answer in her plan, and the specialist's read in her access log.
        var sanne = await SignInAsync(person, "/mijn/inloggen");
        await sanne.GetByTestId("nav-consultation").ClickAsync();
        Assert.Contains("wandelgroep", await sanne.GetByTestId("consultation-answer").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(sanne, problems);
        await sanne.GotoAsync("/mijn/toegang");
        Assert.Contains("specialist", await sanne.GetByTestId("access-log").InnerTextAsync(), StringComparison.Ordinal);

        // The worker closes it out: useful, started in a group.
        await asker.GotoAsync(requestUrl);
        await asker.GetByTestId("next-Group").CheckAsync();
        await asker.GetByTestId("close-request").ClickAsync();
        Assert.Contains("Gestart in een groep", await asker.GetByTestId("closed").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(asker, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await using var read = factory.Database.CreateContext();
        var request = await read.Set<ConsultationRequest>().SingleAsync(r => r.SubjectUserId == person.Id);
        Assert.Equal(ConsultationStatus.Closed, request.Status);
        Assert.Equal(Sector.SociaalDomein, request.AskerSector);
    }
}
