using Gem.Core.Atlas;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gem.Browser.Tests.Groups;

public sealed class GroupsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Citizen_JoinsARollingGroup_PausesAndComesBack()
    {
        await using var db = browser.Factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var offer = await db.Offers.OrderBy(o => o.Name)
            .FirstAsync(o => o.FlowPolicy == FlowPolicy.Rolling && o.Format == OfferFormat.Group && o.Capacity > 2 && o.Sessions.Any(s => s.Start > now));
        var page = await browser.NewPageAsync(javaScript: false, width: 360, height: 740);

        await page.GotoAsync($"/atlas/offers/{offer.Id}");
        await page.GetByTestId("join").First.ClickAsync();
        await page.GetByLabel("Voornaam of schuilnaam").FillAsync("Robin");
        await page.GetByLabel("E-mail").FillAsync("robin@test.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee" }).ClickAsync();

        Assert.True(await page.GetByTestId("confirmed").IsVisibleAsync(), await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Even pauzeren" }).ClickAsync();
        Assert.Contains("pauze", await page.GetByTestId("status").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik kom weer" }).ClickAsync();
        Assert.Equal("Je bent aangemeld.", await page.GetByTestId("status").InnerTextAsync());

        await using var read = browser.Factory.Database.CreateContext();
        var enrolment = await read.Enrolments.SingleAsync(e => e.Email == "robin@test.example");
        Assert.Equal(EnrolmentStatus.Active, enrolment.Status);
        Assert.NotNull(enrolment.ChangedAt);
        Assert.NotEmpty(Directory.GetFiles(browser.Factory.MailFolder, "confirm.*.eml"));
    }

    [Fact]
    public async Task Facilitator_RegistersAttendanceAfterTheSession()
    {
        Guid sessionId, partnerId;
        await using (var db = browser.Factory.Database.CreateContext())
        {
            var session = await db.Sessions.Include(s => s.Offer).OrderBy(s => s.Start)
                .FirstAsync(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Format == OfferFormat.Group);
            (sessionId, partnerId) = (session.Id, session.Offer!.PartnerId);
            await using var scope = browser.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(sessionId, new EnrolmentRequest("Jip", "jip@test.example", null));
            session.Start = DateTimeOffset.UtcNow.AddHours(-2);
            session.End = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync();
        }
        var user = await browser.Factory.CreateUserAsync(Roles.PartnerStaff, partnerId);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(user.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(WebTestExtensions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/partner");

        await page.GotoAsync($"/partner/groups/sessions/{sessionId}");
        Assert.Contains("Jip", await page.GetByTestId("attendees").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("aanwezig").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        Assert.True(await page.GetByTestId("attendance-saved").IsVisibleAsync());
        await using var read = browser.Factory.Database.CreateContext();
        Assert.Equal(AttendanceMark.Present, (await read.Attendances.SingleAsync(a => a.SessionId == sessionId)).Mark);
    }
}
