using System.Net;
using Gem.Core.Consent;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Tests.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Consultation;

/// <summary>Consent withdrawal, crisis words, answering and closing out through the pages, export and erasure.</summary>
public sealed class ConsultationFlowTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdraw_HidesTheRequestFromTheAskersOrganisation_OnTheNextRequest(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await ConsultationWorld.CreateAsync(factory);
        var staff = world.Clients[PlanWorld.StaffWith];
        var detail = $"/consultatie/{world.PersonRequest}";
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(detail)).StatusCode);
        Assert.Contains(world.PersonRequest.ToString(), await staff.GetStringAsync("/consultatie"), StringComparison.Ordinal);

        // The person withdraws "Vragen aan de specialist" from the organisation through the real page.
        var withdrawn = await PostFormAsync(world.Clients[PlanWorld.Self], "/mijn/kring", "/mijn/kring?handler=Share", new()
        {
            ["kind"] = "Partner", ["recipient"] = world.Plan.PartnerWithConsent.ToString(), ["category"] = nameof(DataCategory.Consultation), ["give"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var refused = await staff.GetAsync(detail);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(world.QuestionMarker, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(world.PersonRequest.ToString(), await staff.GetStringAsync("/consultatie"), StringComparison.Ordinal);
        // The request rested on that consent: the specialist no longer sees it either; the person and the member with their own consent still do.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Clients[ConsultationWorld.OnDuty].GetAsync(detail)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Clients[PlanWorld.Self].GetAsync(detail)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Clients[PlanWorld.MemberWith].GetAsync(detail)).StatusCode);
        // The anonymised case does not rest on the person's consent.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/consultatie/{world.CaseRequest}")).StatusCode);
    }

    [SqliteOnly("page flow; the request queries and erasure run on both in this class")]
    [Fact]
    public async Task Ask_WithCrisisWords_GoesToCrisisPage_AndStoresNothing()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await ConsultationWorld.CreateAsync(factory);
        var staff = world.Clients[PlanWorld.StaffWith];
        await using var db = factory.Database.CreateContext();
        var before = await db.Set<ConsultationRequest>().CountAsync();
        var response = await PostFormAsync(staff, "/consultatie/nieuw", "/consultatie/nieuw", new()
        {
            ["About"] = "case", ["Question"] = "Hij heeft het steeds over zelfmoord, wat nu?", ["Urgency"] = "Soon",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/crisis", response.Headers.Location?.ToString());
        Assert.Equal(before, await db.Set<ConsultationRequest>().CountAsync());
    }

    [SqliteOnly("page flow; the request queries and erasure run on both in this class")]
    [Fact]
    public async Task AskAnswerClose_ThroughThePages_PersonSeesItInPlanAndLog()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await ConsultationWorld.CreateAsync(factory);
        var staff = world.Clients[PlanWorld.StaffWith];
        var person = world.Plan.Person.Id;
        var asked = await PostFormAsync(staff, "/consultatie/nieuw", "/consultatie/nieuw", new()
        {
            ["About"] = person.ToString(), ["Question"] = "Hoe help ik haar om weer buiten te komen?", ["Domains"] = "LonelinessAndContact", ["Urgency"] = "Normal",
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = asked.Headers.Location!.ToString();
        var specialist = world.Clients[ConsultationWorld.OnDuty];
        Assert.Contains("weer buiten te komen", await specialist.GetStringAsync(page), StringComparison.Ordinal);

        // The other specialist can neither read nor answer.
        var other = world.Clients[ConsultationWorld.OtherSpecialist];
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);

        var answered = await PostFormAsync(specialist, page, page + "?handler=Answer", new()
        {
            ["Answer"] = "Begin klein: een wandeling samen, en kijk naar de groep Samen Op Pad.", ["Kind"] = "Written", ["Minutes"] = "25",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Samen Op Pad", await world.Clients[PlanWorld.Self].GetStringAsync($"/plan/{person}/vragen"), StringComparison.Ordinal);

        var closed = await PostFormAsync(staff, page, page + "?handler=Close", new() { ["Useful"] = "true", ["NextStep"] = "Group" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await using var db = factory.Database.CreateContext();
        var id = Guid.Parse(page["/consultatie/".Length..]);
        var request = await db.Set<ConsultationRequest>().AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ConsultationStatus.Closed, request.Status);
        Assert.Equal(NextStep.Group, request.NextStep);
        Assert.Equal(25, request.MinutesSpent);

        // The person's access log names the specialist's reads.
        var log = await world.Clients[PlanWorld.Self].GetStringAsync("/mijn/toegang");
        Assert.Contains("specialist", log, StringComparison.Ordinal);
        Assert.Contains("Vragen aan de specialist", log, StringComparison.Ordinal); // the category in words (decision 410)

        // Export holds it (JSON and FHIR ServiceRequest + Communication); erasure removes it.
        var json = await world.Clients[PlanWorld.Self].GetStringAsync("/mijn/export.json");
        Assert.Contains("weer buiten te komen", json, StringComparison.Ordinal);
        var fhir = await world.Clients[PlanWorld.Self].GetStringAsync("/mijn/export.fhir.json");
        Assert.Contains("\"ServiceRequest\"", fhir, StringComparison.Ordinal);
        Assert.Contains("\"Communication\"", fhir, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Gem.Core.Plan.PersonalData>().EraseAsync(person);
        Assert.False(await db.Set<ConsultationRequest>().AnyAsync(r => r.SubjectUserId == person));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deadlines_RemindOnce_ThenReassignOnce_AsTheDueTimeNears(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await ConsultationWorld.CreateAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Gem.Core.Data.GemDbContext>();
        var request = await db.Set<ConsultationRequest>().AsNoTracking().SingleAsync(r => r.Id == world.PersonRequest);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(request.AskedAt);
        ConsultationDeadlines Deadlines() => new(db, sp.GetRequiredService<ConsultationPool>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Gem.Core.Mail.MailOptions>>(), clock);

        Assert.Equal(new ConsultationDeadlines.StepResult(0, 0), await Deadlines().RunOnceAsync());
        // Three working hours before the due time: one reminder, and only one.
        clock.SetUtcNow(WorkingTime.Add(request.AskedAt, TimeSpan.FromHours(21)));
        Assert.Equal(new ConsultationDeadlines.StepResult(1, 0), await Deadlines().RunOnceAsync());
        Assert.Equal(new ConsultationDeadlines.StepResult(0, 0), await Deadlines().RunOnceAsync());
        // One working hour before: to another specialist, once.
        clock.SetUtcNow(WorkingTime.Add(request.AskedAt, TimeSpan.FromHours(23)));
        Assert.Equal(new ConsultationDeadlines.StepResult(0, 1), await Deadlines().RunOnceAsync());
        Assert.Equal(new ConsultationDeadlines.StepResult(0, 0), await Deadlines().RunOnceAsync());
        db.ChangeTracker.Clear();
        var after = await db.Set<ConsultationRequest>().AsNoTracking().SingleAsync(r => r.Id == world.PersonRequest);
        Assert.NotEqual(request.SpecialistId, after.SpecialistId);
        Assert.NotNull(after.SpecialistId);
        // Reminder, and the new and the previous specialist told: three mails in the outbox (due on the test's clock),
        // none with the question in it.
        var mails = await db.Set<Gem.Core.Mail.OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith("consultation."))
            .Select(m => m.Subject + "\n" + m.Body).ToListAsync();
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.DoesNotContain(world.QuestionMarker, m, StringComparison.Ordinal));
    }
}
