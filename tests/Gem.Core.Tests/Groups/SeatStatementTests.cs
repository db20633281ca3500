using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Mail;
using Gem.Core.Sms;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Groups;

/// <summary>
/// The seat is taken by one statement on PostgreSQL (the seat update, the enrolment and its outbox row as one
/// data-modifying CTE) and by SaveChanges in a transaction on SQLite (issue 17). Both must keep <see cref="Seats"/>'
/// rule for every way a group counts its seats, and write the same rows. Parallel enrolments make the database decide:
/// most of them read a free seat and only the conditional update tells them apart.
/// </summary>
public sealed class SeatStatementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const int People = 12;

    public static TheoryData<DatabaseProvider, FlowPolicy, int?, int?, int> Cases()
    {
        var data = new TheoryData<DatabaseProvider, FlowPolicy, int?, int?, int>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, FlowPolicy.Open, 3, null, 3);       // the offer's capacity
            data.Add(provider, FlowPolicy.Open, 8, 2, 2);          // the session has fewer seats than the offer
            data.Add(provider, FlowPolicy.Open, 1, 4, 4);          // … or more
            data.Add(provider, FlowPolicy.Open, null, null, People); // no limit
            data.Add(provider, FlowPolicy.Cohort, 5, null, 5);
            data.Add(provider, FlowPolicy.Rolling, 3, 1, 3);       // members per offer; the session's seats do not count
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Enrol_InParallel_ExactlyTheFreeSeats_CounterMatches_AndOneMessagePerPlace(
        DatabaseProvider provider, FlowPolicy policy, int? capacity, int? sessionSeats, int expected)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (offerId, sessionId) = await SeedAsync(database, policy, capacity, sessionSeats);

        var results = await Task.WhenAll(Enumerable.Range(0, People).Select(async i =>
        {
            await using var db = database.CreateContext();
            var service = new EnrolmentService(db, new FakeTimeProvider(Now), mail: new EnrolmentMail(Options.Create(new MailOptions()), new FakeTimeProvider(Now)));
            // Half by e-mail (an outbox mail), half by phone (an SMS): both kinds of row travel with the seat.
            // Every third came through the front door yesterday (a date column).
            var request = (i % 2 == 0 ? new EnrolmentRequest($"Mail {i}", $"p{i}@test.example", null) : new EnrolmentRequest($"Sms {i}", null, $"06123400{i:D2}"))
                with { FrontDoorVisit = i % 3 == 0 ? new DateOnly(2026, 11, 22) : null };
            try
            {
                return await service.EnrolAsync(sessionId, request);
            }
            catch (SessionFullException)
            {
                return null;
            }
        }));

        Assert.Equal(expected, results.Count(r => r is not null));
        await using var check = database.CreateContext();
        var enrolments = await check.Enrolments.Where(e => e.SessionId == sessionId).ToListAsync();
        Assert.Equal(expected, enrolments.Count);
        Assert.Equal(expected, policy == FlowPolicy.Rolling
            ? (await check.Offers.SingleAsync(o => o.Id == offerId)).MembersTaken
            : (await check.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
        var mails = await check.Set<OutboxMessage>().ToListAsync();
        var texts = await check.Set<SmsMessage>().ToListAsync();
        Assert.Equal(expected, mails.Count + texts.Count);
        foreach (var e in enrolments)
        {
            // The rows as written: every column the model maps, with its converter (status, kinds, times).
            Assert.Equal(EnrolmentStatus.Active, e.Status);
            Assert.Equal(Now, e.CreatedAt);
            Assert.Equal(offerId, e.OfferId);
            var returned = results.Single(r => r?.Id == e.Id)!;
            Assert.Equal((returned.Name, returned.Email, returned.Phone, returned.Code, returned.Token, returned.FrontDoorVisit), (e.Name, e.Email, e.Phone, e.Code, e.Token, e.FrontDoorVisit));
            if (e.Email is not null)
            {
                var mail = Assert.Single(mails, m => m.EnrolmentId == e.Id);
                Assert.Equal(($"confirm.{e.Id:N}", EnrolmentMail.ConfirmationKind, e.Email, sessionId, Now, (DateTimeOffset?)null), (mail.Key, mail.Kind, mail.To, mail.SessionId, mail.DueAt, mail.SentAt));
            }
            else
            {
                var text = Assert.Single(texts, t => t.EnrolmentId == e.Id);
                Assert.Equal(($"confirm.{e.Id:N}", e.Phone, Now, (DateTimeOffset?)null), (text.Key, text.To, text.DueAt, text.SentAt));
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_SameContactTwice_SecondIsAlreadyEnrolled_TheSeatAndMessageGoBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, sessionId) = await SeedAsync(database, FlowPolicy.Open, 5, null);
        await using (var db = database.CreateContext())
        {
            var service = new EnrolmentService(db, new FakeTimeProvider(Now), mail: new EnrolmentMail(Options.Create(new MailOptions()), new FakeTimeProvider(Now)));
            await service.EnrolAsync(sessionId, new EnrolmentRequest("Sam", null, "0612345678"));
            await Assert.ThrowsAsync<AlreadyEnrolledException>(() => service.EnrolAsync(sessionId, new EnrolmentRequest("Sam again", null, " 0612345678 ")));
            // The context is usable afterwards: nothing of the refused attempt is left in it.
            await service.EnrolAsync(sessionId, new EnrolmentRequest("Kim", null, "0687654321"));
        }
        await using var check = database.CreateContext();
        Assert.Equal(2, (await check.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
        Assert.Equal(2, await check.Set<SmsMessage>().CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_SameEmailPlacedBetweenTheReadAndTheSeat_AlreadyEnrolled_TheSeatAndMailGoBack(DatabaseProvider provider)
    {
        // The read saw no place for this e-mail; another request takes one just before the seat is written. The unique
        // index decides.
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, sessionId) = await SeedAsync(database, FlowPolicy.Open, 5, null);
        var mailOptions = Options.Create(new MailOptions());
        var rival = new Rival(async () =>
        {
            await using var other = database.CreateContext();
            await new EnrolmentService(other, new FakeTimeProvider(Now), mail: new EnrolmentMail(mailOptions, new FakeTimeProvider(Now)))
                .EnrolAsync(sessionId, new EnrolmentRequest("Sam (other tab)", "sam@example.org", null));
        });
        await using (var db = new GemDbContext(new DbContextOptionsBuilder<GemDbContext>().Use(provider, database.ConnectionString).AddInterceptors(rival).Options))
        {
            var service = new EnrolmentService(db, new FakeTimeProvider(Now), mail: new EnrolmentMail(mailOptions, new FakeTimeProvider(Now)));
            await Assert.ThrowsAsync<AlreadyEnrolledException>(() => service.EnrolAsync(sessionId, new EnrolmentRequest("Sam", " Sam@Example.org ", null)));
            Assert.True(rival.Ran);
            await service.EnrolAsync(sessionId, new EnrolmentRequest("Kim", "kim@example.org", null)); // the context is usable
        }
        await using var check = database.CreateContext();
        Assert.Equal(2, (await check.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
        Assert.Equal(["kim@example.org", "sam@example.org"], (await check.Enrolments.Select(e => e.Email!).ToListAsync()).Order());
        Assert.Equal(2, await check.Set<OutboxMessage>().CountAsync());
    }

    /// <summary>
    /// Runs <paramref name="enrol"/> once, when the context opens its connection the second time: the first is the
    /// session read, the second the seat's write (SQLite's transaction, PostgreSQL's single statement).
    /// </summary>
    private sealed class Rival(Func<Task> enrol) : DbConnectionInterceptor
    {
        private int _opens;
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (++_opens == 2)
            {
                Ran = true;
                await enrol();
            }
            return result;
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_WithTheCallersOtherChangesPending_TheyAreSavedWithIt_AndARefusedOneLeavesThemPending(DatabaseProvider provider)
    {
        // The single statement writes only the enrolment's own rows; with anything else pending, SaveChanges in a
        // transaction writes it all, as on SQLite, and a refusal removes only the enrolment's own rows from the context.
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, sessionId) = await SeedAsync(database, FlowPolicy.Open, 2, null);
        await using var db = database.CreateContext();
        var service = new EnrolmentService(db, new FakeTimeProvider(Now), mail: new EnrolmentMail(Options.Create(new MailOptions()), new FakeTimeProvider(Now)));
        db.Regions.Add(new Region { Name = "Saved with the enrolment" });
        await service.EnrolAsync(sessionId, new EnrolmentRequest("Sam", null, "0612345678"));

        var pending = db.Regions.Add(new Region { Name = "Still pending" });
        await Assert.ThrowsAsync<AlreadyEnrolledException>(() => service.EnrolAsync(sessionId, new EnrolmentRequest("Sam", null, "0612345678")));
        Assert.Equal(EntityState.Added, pending.State);
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.Entity is Enrolment or SmsMessage && e.State == EntityState.Added);

        await using var check = database.CreateContext();
        Assert.True(await check.Regions.AnyAsync(r => r.Name == "Saved with the enrolment"));
        Assert.False(await check.Regions.AnyAsync(r => r.Name == "Still pending"));
        Assert.Equal(1, (await check.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
    }

    private static async Task<(Guid OfferId, Guid SessionId)> SeedAsync(TestDatabase database, FlowPolicy policy, int? capacity, int? sessionSeats)
    {
        await using var db = database.CreateContext();
        var region = new Region { Name = "Testregio" };
        var partner = new Partner { Name = "GGZ Test (fictief)", Sector = Sector.KleineGgz, RegionId = region.Id };
        var offer = new Offer
        {
            Name = "Groep", Format = OfferFormat.Group, FlowPolicy = policy, Access = Access.NoReferral, Capacity = capacity,
            LifeDomains = LifeDomains.LowMood, Pc4 = "3841", City = "Harderwijk", Latitude = 52.34, Longitude = 5.62, PartnerId = partner.Id,
        };
        var start = Now.AddDays(3);
        var session = new Session { OfferId = offer.Id, Start = start, End = start.AddHours(2), Seats = sessionSeats, IsCohortStart = policy == FlowPolicy.Cohort };
        offer.Sessions.Add(session);
        // A second session: a rolling group's members count per offer, across its sessions.
        offer.Sessions.Add(new Session { OfferId = offer.Id, Start = start.AddDays(7), End = start.AddDays(7).AddHours(2) });
        partner.Offers.Add(offer);
        region.Partners.Add(partner);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return (offer.Id, session.Id);
    }
}
