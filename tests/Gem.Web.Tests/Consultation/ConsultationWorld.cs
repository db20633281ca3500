using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.Tests.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Consultation;

/// <summary>
/// <see cref="PlanWorld"/> (the person consents "Vragen aan de specialist" to the staff-with organisation and the
/// member-with) plus a pool of two specialists of the demo's GGZ partner, one on duty this week, and two requests by
/// the staff-with worker: one about the person, one anonymised case.
/// </summary>
public sealed class ConsultationWorld
{
    public const string OnDuty = "specialist-on-duty", OtherSpecialist = "other-specialist";
    public static readonly string[] Actors = [.. PlanWorld.Actors, OnDuty, OtherSpecialist];

    public required PlanWorld Plan { get; init; }
    public required Dictionary<string, HttpClient> Clients { get; init; }
    public required Dictionary<string, GemUser> Users { get; init; }
    public required Guid PersonRequest { get; init; }
    public required Guid CaseRequest { get; init; }
    public required string QuestionMarker { get; init; }
    public required string CaseMarker { get; init; }

    public static async Task<ConsultationWorld> CreateAsync(GemWebFactory factory)
    {
        var plan = await PlanWorld.CreateAsync(factory);
        await using var db = factory.Database.CreateContext();
        var ggz = await db.Partners.Where(p => p.Sector == Gem.Core.Atlas.Sector.GroteGgz && p.IsFictional).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var users = new Dictionary<string, GemUser>(plan.Users)
        {
            [OnDuty] = await factory.CreateUserAsync(Roles.Specialist, ggz),
            [OtherSpecialist] = await factory.CreateUserAsync(Roles.Specialist, ggz),
        };
        var question = "Vraag " + Guid.NewGuid().ToString("N")[..10];
        var caseText = "Casus " + Guid.NewGuid().ToString("N")[..10];
        Guid personRequest, caseRequest;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var pool = sp.GetRequiredService<ConsultationPool>();
            // The demo pool may be there too: this week only our specialist is on duty.
            var onDuty = await pool.AddAsync(users[OnDuty].Id, Discipline.Psychiater);
            await pool.AddAsync(users[OtherSpecialist].Id, Discipline.Psycholoog);
            await pool.SetWeekAsync(ConsultationPool.WeekOf(DateTimeOffset.UtcNow), [onDuty.Id], []);
            var service = sp.GetRequiredService<ConsultationService>();
            var asker = plan.Users[PlanWorld.StaffWith].Id;
            personRequest = (await service.AskAsync(asker, new AskInput(plan.Person.Id, question + " " + plan.Marker, Gem.Core.Atlas.LifeDomains.Housing, "Gesprekken", null, null, Urgency.Normal))).Id;
            caseRequest = (await service.AskAsync(asker, new AskInput(null, caseText, Gem.Core.Atlas.LifeDomains.LowMood, null, null, null, Urgency.Calm))).Id;
        }
        var clients = new Dictionary<string, HttpClient>(plan.Clients)
        {
            [OnDuty] = await factory.SignedInClientAsync(users[OnDuty]),
            [OtherSpecialist] = await factory.SignedInClientAsync(users[OtherSpecialist]),
        };
        return new ConsultationWorld
        {
            Plan = plan, Clients = clients, Users = users, PersonRequest = personRequest, CaseRequest = caseRequest, QuestionMarker = question, CaseMarker = caseText,
        };
    }
}
