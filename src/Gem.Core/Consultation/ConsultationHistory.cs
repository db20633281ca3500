using Gem.Core.Atlas;
using Gem.Core.Consent;
using Gem.Core.Demo;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>
/// The consultations of the demo's simulated year, through the real services on a <see cref="SimulationClock"/>:
/// staff of many sectors (and a few resource-group members and persons) ask (<see cref="ConsultationService.AskAsync"/>,
/// about a person only after that person gave consent through <see cref="ConsentService"/>), the specialist the
/// rota assigned answers after a number of working hours (<see cref="ConsultationService.AnswerAsync"/>), and most
/// askers close out (<see cref="ConsultationService.CloseAsync"/>). Simulated staff and persons are demo accounts
/// at <see cref="DemoHistory.EmailDomain"/>. Deterministic per seed.
/// </summary>
public sealed class ConsultationHistory(GemDbContext db)
{
    /// <summary>Who asks, by weight: the hinge should reach well beyond the GP.</summary>
    public static readonly IReadOnlyList<(Sector? Sector, AskerKind Kind, double Weight)> Askers =
    [
        (Sector.SociaalDomein, AskerKind.Staff, 0.30), (Sector.HuisartsPoh, AskerKind.Staff, 0.24), (Sector.Herstelacademie, AskerKind.Staff, 0.12),
        (Sector.Jeugd, AskerKind.Staff, 0.07), (Sector.InformeelPeer, AskerKind.Staff, 0.05), (Sector.Coaching, AskerKind.Staff, 0.05),
        (Sector.KleineGgz, AskerKind.Staff, 0.05), (null, AskerKind.ResourceGroupMember, 0.06), (null, AskerKind.Person, 0.06),
    ];

    public sealed record Result(int Asked, int Answered, int Closed);

    public async Task<Result> RunAsync(DateTimeOffset start, DateTimeOffset end, int perWeek = 5, int seed = 14, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var clock = new SimulationClock(start);
        var pool = new ConsultationPool(db);
        var service = new ConsultationService(db, new PlanAccess(db, clock), pool, clock);
        var consents = new ConsentService(db, clock);
        if (!await db.Set<Specialist>().AnyAsync(ct)) return new Result(0, 0, 0);
        var specialistUser = await db.Set<Specialist>().ToDictionaryAsync(s => s.Id, s => s.UserId, ct);
        var partners = await db.Partners.AsNoTracking().Where(p => p.IsFictional).OrderBy(p => p.Name).Select(p => new { p.Id, p.Sector }).ToListAsync(ct);
        var staffRole = await db.Roles.Where(r => r.Name == Roles.PartnerStaff).Select(r => r.Id).FirstAsync(ct);
        var citizenRole = await db.Roles.Where(r => r.Name == Roles.Citizen).Select(r => r.Id).FirstAsync(ct);
        var staffOf = new Dictionary<Guid, Guid>();
        int asked = 0, answered = 0, closed = 0, people = 0;
        var queue = new PriorityQueue<Func<Task>, (DateTimeOffset, long)>();
        long order = 0;
        void At(DateTimeOffset t, Func<Task> a) { if (t < end) queue.Enqueue(a, (t, order++)); }

        async Task<Guid> AccountAsync(string email, string name, Guid roleId, Guid? partnerId)
        {
            var user = new GemUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = name, PartnerId = partnerId,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            await db.SaveChangesAsync(ct);
            return user.Id;
        }

        Task<Guid> PersonAsync()
        {
            var n = ++people;
            return AccountAsync($"consultatie-persoon-{n}@{DemoHistory.EmailDomain}", $"Demo-persoon {n}", citizenRole, null);
        }

        async Task AskAsync()
        {
            var pick = random.NextDouble() * Askers.Sum(a => a.Weight);
            var asker = Askers.SkipWhile(a => (pick -= a.Weight) > 0).FirstOrDefault(Askers[^1]);
            Guid askerId;
            Guid? subject = null;
            if (asker.Kind == AskerKind.Staff)
            {
                var inSector = partners.Where(p => p.Sector == asker.Sector).ToList();
                if (inSector.Count == 0) return;
                var partner = inSector[random.Next(inSector.Count)].Id;
                if (!staffOf.TryGetValue(partner, out askerId))
                    staffOf[partner] = askerId = await AccountAsync($"consultatie-medewerker-{staffOf.Count + 1}@{DemoHistory.EmailDomain}", $"Demo-medewerker {staffOf.Count + 1}", staffRole, partner);
                if (random.NextDouble() < 0.65)
                {
                    subject = await PersonAsync();
                    await consents.GiveAsync(subject.Value, RecipientKind.Partner, partner, DataCategory.Consultation, ct);
                }
            }
            else if (asker.Kind == AskerKind.ResourceGroupMember)
            {
                subject = await PersonAsync();
                askerId = await PersonAsync();
                var member = new ResourceMember { OwnerId = subject.Value, Email = $"consultatie-persoon-{people}@{DemoHistory.EmailDomain}", Role = MemberRole.Naaste, MemberUserId = askerId, InvitedAt = clock.Now, AcceptedAt = clock.Now };
                db.Set<ResourceMember>().Add(member);
                await db.SaveChangesAsync(ct);
                await consents.GiveAsync(subject.Value, RecipientKind.Member, member.Id, DataCategory.Consultation, ct);
            }
            else
            {
                askerId = await PersonAsync();
                subject = askerId;
            }
            var urgency = random.NextDouble() switch { < 0.2 => Urgency.Soon, < 0.8 => Urgency.Normal, _ => Urgency.Calm };
            var domains = Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None).ToList();
            var domain = domains[random.Next(domains.Count)] | (random.NextDouble() < 0.4 ? domains[random.Next(domains.Count)] : LifeDomains.None);
            var request = await service.AskAsync(askerId, new AskInput(subject, "Demo-vraag: hoe kunnen we samen verder, wat past bij wat de persoon zelf wil?", domain,
                "Gesprekken en een groep in de wijk.", subject is null ? null : "Ik wil weer grip op mijn dagen.", null, urgency), ct);
            asked++;
            // Answer after a number of working hours: log-normal around a median that depends on the urgency.
            var median = urgency switch { Urgency.Soon => 4.0, Urgency.Normal => 10.0, _ => 16.0 };
            var hours = Math.Clamp(median * Math.Exp(0.8 * Normal(random)), 0.25, 80);
            var answerAt = WorkingTime.Add(request.AskedAt, TimeSpan.FromHours(hours));
            At(answerAt, () => AnswerAsync(request.Id, askerId, subject is not null));
        }

        async Task AnswerAsync(Guid requestId, Guid askerId, bool aboutPerson)
        {
            var request = await db.Set<ConsultationRequest>().AsNoTracking().FirstAsync(r => r.Id == requestId, ct);
            if (request.SpecialistId is not { } sid) return;
            var r = random.NextDouble();
            var kind = r < 0.6 ? AnswerKind.Written : r < 0.75 && aboutPerson ? AnswerKind.Meekijken : r < 0.85 && aboutPerson ? AnswerKind.ResourceGroupMeeting : AnswerKind.CaseSession;
            Guid? session = null;
            if (kind == AnswerKind.CaseSession)
            {
                session = await db.Set<CaseSession>().Where(s => s.Start > clock.Now).OrderBy(s => s.Start).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
                if (session is null) kind = AnswerKind.Written;
            }
            var meeting = kind is AnswerKind.Meekijken or AnswerKind.ResourceGroupMeeting ? WorkingTime.AddWorkingDays(clock.Now, random.Next(2, 8)) : (DateTimeOffset?)null;
            await service.AnswerAsync(requestId, specialistUser[sid], new AnswerInput(kind, "Demo-antwoord: een paar ideeën om samen uit te proberen, en wanneer opnieuw te vragen.", meeting, session, random.Next(15, 61)), ct);
            answered++;
            if (random.NextDouble() < 0.9) At(clock.Now.AddDays(random.Next(1, 8)), () => CloseAsync(requestId, askerId));
        }

        async Task CloseAsync(Guid requestId, Guid askerId)
        {
            var r = random.NextDouble();
            var next = r < 0.18 ? NextStep.Referral : r < 0.50 ? NextStep.StartedOffer : r < 0.78 ? NextStep.Group : NextStep.Nothing;
            await service.CloseAsync(requestId, askerId, new CloseInput(random.NextDouble() < 0.85, next), ct);
            closed++;
        }

        for (var week = start; week < end; week = week.AddDays(7))
        {
            for (int i = 0; i < perWeek; i++)
                At(WorkingTime.Add(week, TimeSpan.FromHours(random.Next(0, 5 * WorkingTime.HoursPerDay))).AddMinutes(random.Next(0, 50)), AskAsync);
            while (queue.TryPeek(out _, out var key) && key.Item1 < week.AddDays(7))
            {
                var action = queue.Dequeue();
                clock.Now = key.Item1;
                await action();
                db.ChangeTracker.Clear();
            }
        }
        return new Result(asked, answered, closed);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
