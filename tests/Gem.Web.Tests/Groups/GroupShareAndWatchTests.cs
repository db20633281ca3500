using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Groups;

public sealed class GroupShareAndWatchTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GroupShare_HandBuiltAttendance_GivesTheKnownShares(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t0 = new DateTimeOffset(2026, 10, 5, 17, 0, 0, TimeSpan.Zero);
        Guid groupPartner, mixedPartner;
        await using (var db = database.CreateContext())
        {
            var region = new Region { Name = "Share" };
            var a = new Partner { Name = "A", Sector = Sector.InformeelPeer, RegionId = region.Id };
            var b = new Partner { Name = "B", Sector = Sector.KleineGgz, RegionId = region.Id };
            (groupPartner, mixedPartner) = (a.Id, b.Id);
            var group = new Offer { Name = "Groep", PartnerId = a.Id, Format = OfferFormat.Group, Capacity = 10, FlowPolicy = FlowPolicy.Open };
            var individual = new Offer { Name = "Gesprek", PartnerId = b.Id, Format = OfferFormat.Individual, Capacity = 1, FlowPolicy = FlowPolicy.Open };
            var course = new Offer { Name = "Cursus", PartnerId = b.Id, Format = OfferFormat.Course, Capacity = 10, FlowPolicy = FlowPolicy.Cohort };
            db.AddRange(region, a, b, group, individual, course);
            // A: 4 present group contacts (+1 absent, not a contact). B: 3 individual + 1 course = 1/4 in a group.
            void Contacts(Offer offer, int present, int absent)
            {
                var session = new Session { OfferId = offer.Id, Start = t0, End = t0.AddHours(1) };
                db.Add(session);
                for (var i = 0; i < present + absent; i++)
                {
                    var e = new Enrolment { OfferId = offer.Id, SessionId = session.Id, Name = "P" + i, Phone = "06123456" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), CreatedAt = t0 };
                    db.Add(e);
                    db.Add(new Attendance { SessionId = session.Id, EnrolmentId = e.Id, Mark = i < present ? AttendanceMark.Present : AttendanceMark.Absent, RecordedAt = t0 });
                }
            }
            Contacts(group, 4, 1);
            Contacts(individual, 3, 0);
            Contacts(course, 1, 2);
            await db.SaveChangesAsync();
        }

        await using var context = database.CreateContext();
        var (region1, partners) = await new GroupShare(context).ComputeAsync(t0.AddDays(-1), t0.AddDays(1));

        Assert.Equal(8, region1.Contacts);
        Assert.Equal(5, region1.GroupContacts);
        Assert.Equal(5 / 8.0, region1.Share);
        Assert.Equal(1.0, partners.Single(p => p.PartnerId == groupPartner).Share);
        Assert.Equal(0.25, partners.Single(p => p.PartnerId == mixedPartner).Share);
        var (outside, _) = await new GroupShare(context).ComputeAsync(t0.AddDays(1), t0.AddDays(2));
        Assert.Null(outside.Share);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeatWatch_WhenASeatFrees_TheWatcherGetsOneMail(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var enrolments = scope.ServiceProvider.GetRequiredService<EnrolmentService>();
        var watches = scope.ServiceProvider.GetRequiredService<SeatWatches>();
        var taken = await enrolments.EnrolAsync(sessionId, new EnrolmentRequest("Ada", null, "0612345678"));
        await Assert.ThrowsAsync<SessionFullException>(() => enrolments.EnrolAsync(sessionId, new EnrolmentRequest("Bo", "bo@test.example", null)));
        await watches.WatchAsync(sessionId, "bo@test.example");

        await enrolments.CancelAsync(taken.Token);
        await enrolments.CancelAsync(taken.Token);

        await factory.DeliverMailAsync();
        var mail = Assert.Single(Directory.GetFiles(factory.MailFolder, "seat.*.eml"));
        Assert.Contains("bo@test.example", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        await Assert.ThrowsAsync<Gem.Core.Common.ValidationException>(() => watches.WatchAsync(sessionId, "geen adres"));
    }
}
