using Gem.Core.Atlas;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Demo;

/// <summary>A clock the simulation moves forward by hand; every service it calls reads the time from here.</summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>What the simulation did, event by event, so a test can count it directly and compare with the dashboard.</summary>
public sealed class SimulationLog
{
    /// <summary>One start through the front door: the simulated person, the visit day and the first session's start.</summary>
    public List<(int Person, DateOnly Visit, DateTimeOffset FirstSession, Sector Sector)> Starts { get; } = [];
    /// <summary>Every attendance mark recorded, with the simulated person and the session's start.</summary>
    public List<(Guid SessionId, Guid EnrolmentId, int Person, DateTimeOffset SessionStart, AttendanceMark Mark, bool InGroup)> Marks { get; } = [];
    public int Visits { get; set; }
    public int Full { get; set; }
    public int CheckIns { get; set; }
    public int SessionsAdded { get; set; }
    /// <summary>Consultation requests asked, answered and closed out (<see cref="Consultation.ConsultationHistory"/>).</summary>
    public Consultation.ConsultationHistory.Result Consultations { get; set; } = new(0, 0, 0);
}

/// <summary>
/// A year (or <c>weeks</c>) of demo history, made by walking synthetic citizens through the real services with a
/// <see cref="SimulationClock"/>: the front door's anonymous counters (<see cref="FrontDoorCounter"/>), enrolment
/// within capacity (<see cref="EnrolmentService"/>, full groups answer "full" and the person tries another),
/// attendance by the facilitator (<see cref="Attendances.RecordAsync"/>), leaving rolling groups
/// (<see cref="EnrolmentService.CancelAsync"/>), and the plan (<see cref="PlanService"/>: check-ins, crisis plan,
/// story). Past sessions are added through <see cref="SessionEditor.AddSessionAsync"/> a week ahead of time, copying
/// the demo schedule of the coming week backwards. Demo data: the simulated people are named "Demo-deelnemer N"
/// with addresses at <see cref="EmailDomain"/>; nothing else in the region is touched. Deterministic per seed.
/// </summary>
public sealed class DemoHistory(GemDbContext db)
{
    public const string EmailDomain = "simulatie.demo.gem.example";

    public async Task<bool> AlreadySimulatedAsync(CancellationToken ct = default) =>
        await db.Enrolments.AnyAsync(e => e.Email != null && e.Email.EndsWith("@" + EmailDomain), ct);

    /// <summary>Runs <paramref name="weeks"/> weeks that end at <paramref name="end"/>.</summary>
    public async Task<SimulationLog> RunAsync(DateTimeOffset end, int weeks = 52, int citizensPerWeek = 12, int seed = 2026, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(citizensPerWeek, 1);
        var random = new Random(seed);
        var log = new SimulationLog();
        var start = end.AddDays(-7 * weeks);
        var clock = new SimulationClock(start);
        var admin = new Actor(Guid.Empty, null, IsAdmin: true);
        var counter = new FrontDoorCounter(db, clock);
        var enrolments = new EnrolmentService(db, clock);
        var attendances = new Attendances(db, clock);
        var plans = new PlanService(db, clock);
        var editor = new SessionEditor(db, clock);

        // The offers people can start at without referral, with the demo's sessions of the coming week as a weekly pattern.
        var pattern = await db.Sessions.AsNoTracking()
            .Where(s => s.Start >= end && s.Start < end.AddDays(7) && s.Offer!.Capacity != null && s.Offer.Access == Access.NoReferral
                && (s.Offer.FlowPolicy == FlowPolicy.Open || s.Offer.FlowPolicy == FlowPolicy.Rolling))
            .Select(s => new { s.OfferId, s.Start, s.End, s.Offer!.Format, s.Offer.Capacity, s.Offer.FlowPolicy, s.Offer.LifeDomains, s.Offer.Facilitators, s.Offer.Partner!.Sector })
            .ToListAsync(ct);
        var offers = pattern.GroupBy(p => p.OfferId).Select(g => g.First()).OrderBy(o => o.OfferId).ToList();
        var isGroup = offers.ToDictionary(o => o.OfferId, o => new Offer { Name = "", Format = o.Format, Capacity = o.Capacity }.IsGroup);
        var sector = offers.ToDictionary(o => o.OfferId, o => o.Sector);
        var sessions = new List<(Guid Id, Guid OfferId, DateTimeOffset Start)>();
        var offerOf = new Dictionary<Guid, Guid>();
        var personOf = new Dictionary<Guid, int>();
        var queue = new PriorityQueue<Func<Task>, (DateTimeOffset At, long Order)>();
        long order = 0;
        void At(DateTimeOffset t, Func<Task> action) => queue.Enqueue(action, (t, order++));

        async Task AddWeekAsync(int k)
        {
            // Week k before the end: the pattern moved back k weeks; added a week before it starts, as staff would.
            foreach (var p in pattern)
            {
                var s = p.Start.AddDays(-7 * k);
                if (s < start || s >= end) continue;
                var session = await editor.AddSessionAsync(admin, p.OfferId, new SessionInput(s, p.End.AddDays(-7 * k), null, null, null, IsCohortStart: false), ct);
                if (p.Facilitators.HasFlag(FacilitatorRoles.ExperienceExpert) && random.NextDouble() < 0.7)
                {
                    db.SessionFacilitators.Add(new SessionFacilitator { SessionId = session.Id, Name = "Demo-ervaringsdeskundige", Role = FacilitatorRoles.ExperienceExpert });
                    await db.SaveChangesAsync(ct);
                }
                log.SessionsAdded++;
                sessions.Add((session.Id, p.OfferId, s));
                offerOf[session.Id] = p.OfferId;
                At(s.AddHours(2), () => RecordAsync(session.Id, s));
            }
        }

        async Task RecordAsync(Guid sessionId, DateTimeOffset sessionStart)
        {
            var expected = await attendances.ListAsync(admin, sessionId, ct);
            if (expected.Count == 0) return;
            var marks = expected.Select(e =>
            {
                var r = random.NextDouble();
                return new AttendanceInput(e.EnrolmentId, r < 0.85 ? AttendanceMark.Present : r < 0.95 ? AttendanceMark.Absent : AttendanceMark.Excused);
            }).ToList();
            await attendances.RecordAsync(admin, sessionId, marks, ct);
            var offerId = offerOf[sessionId];
            log.Marks.AddRange(marks.Select(m => (sessionId, m.EnrolmentId, personOf[m.EnrolmentId], sessionStart, m.Mark, isGroup[offerId])));
        }

        int person = 0;
        async Task VisitAsync()
        {
            var n = ++person;
            log.Visits++;
            var now = clock.Now;
            var domains = offers.Select(o => o.LifeDomains).Aggregate(LifeDomains.None, (a, b) => a | b);
            var all = Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None && domains.HasFlag(d)).ToList();
            var domain = all[random.Next(all.Count)];
            await counter.AddAsync([(CountKind.Conversation, "all"), (CountKind.DomainChosen, domain.ToString())], ct);
            var visitDay = LocalTime.Day(now);

            // Three out of four prefer a group; everyone looks at what starts in the next three weeks.
            bool wantsGroup = random.NextDouble() < 0.75;
            var candidates = sessions
                .Where(s => s.Start > now && s.Start <= now.AddDays(21) && offers.First(o => o.OfferId == s.OfferId).LifeDomains.HasFlag(domain))
                .OrderBy(s => isGroup[s.OfferId] == wantsGroup ? 0 : 1).ThenBy(s => s.Start.AddDays(random.Next(0, 10))).Take(3).ToList();
            Guid? user = random.NextDouble() < 0.5 ? await CitizenAsync(n) : null;
            foreach (var c in candidates)
            {
                try
                {
                    var enrolment = await enrolments.EnrolAsync(c.Id, new EnrolmentRequest($"Demo-deelnemer {n}", $"deelnemer-{n}@{EmailDomain}", null, user, visitDay), ct);
                    await counter.AddAsync([(CountKind.SectorStarted, sector[c.OfferId].ToString())], ct);
                    personOf[enrolment.Id] = n;
                    log.Starts.Add((n, visitDay, c.Start, sector[c.OfferId]));
                    var offer = offers.First(o => o.OfferId == c.OfferId);
                    if (offer.FlowPolicy == FlowPolicy.Rolling)
                    {
                        At(c.Start.AddDays(7 * random.Next(3, 13)).AddHours(3), () => enrolments.CancelAsync(enrolment.Token, ct));
                    }
                    else
                    {
                        // Open groups: "ik kom" again for one or two later sessions.
                        foreach (var again in Enumerable.Range(1, random.Next(0, 3)))
                        {
                            var when = c.Start.AddDays(7 * again).AddHours(-30);
                            At(when, () => AgainAsync(c.OfferId, n, user));
                        }
                    }
                    if (user is { } u) PlanFor(u, c.Start);
                    return;
                }
                catch (SessionFullException)
                {
                    log.Full++;
                }
            }
        }

        async Task AgainAsync(Guid offerId, int n, Guid? user)
        {
            var next = sessions.Where(s => s.OfferId == offerId && s.Start > clock.Now).OrderBy(s => s.Start).FirstOrDefault();
            if (next.Id == Guid.Empty) return;
            try
            {
                var enrolment = await enrolments.EnrolAsync(next.Id, new EnrolmentRequest($"Demo-deelnemer {n}", $"deelnemer-{n}@{EmailDomain}", null, user), ct);
                personOf[enrolment.Id] = n;
            }
            catch (SessionFullException)
            {
                log.Full++;
            }
            catch (AlreadyEnrolledException)
            {
                // Already has a place in that session: nothing to do.
            }
        }

        async Task<Guid> CitizenAsync(int n)
        {
            var email = $"deelnemer-{n}@{EmailDomain}";
            var user = new GemUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = $"Demo-deelnemer {n}",
            };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            return user.Id;
        }

        void PlanFor(Guid user, DateTimeOffset firstSession)
        {
            // A first check-in at the start, then every 4 to 6 weeks while the year lasts; scores drift up a little.
            var baseline = Enumerable.Range(0, 7).Select(_ => random.Next(2, 7)).ToArray();
            var people = random.Next(0, 6);
            var when = clock.Now;
            for (int i = 0; when < end; i++)
            {
                var step = i;
                var scores = baseline.Select(b => Math.Clamp(b + (step * random.Next(0, 2)) - random.Next(0, 2), 0, 10)).ToArray();
                var network = people + (step / 2);
                At(when, async () =>
                {
                    await plans.AddCheckInAsync(user, new CheckInInput(scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], scores[6], network), ct);
                    log.CheckIns++;
                });
                when = (i == 0 ? firstSession : when).AddDays(7 * random.Next(4, 7));
            }
            if (random.NextDouble() < 0.5)
                At(firstSession.AddDays(14), () => plans.SaveCrisisPlanAsync(user, new CrisisPlanText("Ik slaap slecht en trek me terug.", "Wandelen en mijn zus bellen.", "Samen koken.", "Mijn zus; de huisarts; 113.", "Niet gaan praten als ik moe ben."), ct));
            if (random.NextDouble() < 0.25)
                At(firstSession.AddDays(28), () => plans.SaveStoryAsync(user, new StoryText("Demo-verhaal: in de groep vond ik mensen die het herkennen.", ShareAnonymously: true), ct));
        }

        // Sessions are added two weeks ahead; visits are spread over each week's days between 9:00 and 21:00.
        for (int k = weeks; k > weeks - 2 && k >= 1; k--) await AddWeekAsync(k);
        for (int w = 0; w < weeks; w++)
        {
            var weekStart = start.AddDays(7 * w);
            if (weeks - w - 2 >= 1) At(weekStart, () => AddWeekAsync(weeks - w - 2));
            for (int i = 0; i < citizensPerWeek; i++)
                At(weekStart.AddDays(random.Next(0, 7)).AddHours(8 + random.Next(0, 12)).AddMinutes(random.Next(0, 60)), VisitAsync);
            while (queue.TryPeek(out _, out var key) && key.At < weekStart.AddDays(7) && key.At < end)
            {
                var action = queue.Dequeue();
                clock.Now = key.At;
                await action();
                db.ChangeTracker.Clear();
            }
        }
        // The same year's questions to the consultation pool (when the region has one), through the consultation services.
        log.Consultations = await new Consultation.ConsultationHistory(db).RunAsync(start, end, ct: ct);
        return log;
    }
}
