using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Groups;

/// <summary>
/// One cohort-start rule for the front door and enrolment (decision 302): a cohort course starts where staff
/// marked a start, not where the schedule happens to have a gap. Two real schedules that broke the old gap rule.
/// </summary>
public sealed class CohortStartTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero); // a Monday

    /// <summary>
    /// An 8-week course that started 4 weeks ago, with a two-week holiday break; the session after the break
    /// (in 5 days) is mid-course. The next group starts in 6 weeks.
    /// </summary>
    private static (Offer Offer, Session MidCourse, Session NextStart) HolidayBreak()
    {
        var offer = CohortOffer("Cursus met vakantie");
        var first = Now.AddDays(-30);
        DateTimeOffset[] starts = [first, first.AddDays(7), first.AddDays(14), first.AddDays(21), /* break */ first.AddDays(35), first.AddDays(42)];
        foreach (var start in starts) offer.Sessions.Add(SessionAt(offer, start, start == first));
        var next = SessionAt(offer, Now.AddDays(42), isCohortStart: true);
        offer.Sessions.Add(next);
        return (offer, offer.Sessions.Single(s => s.Start == first.AddDays(35)), next);
    }

    /// <summary>
    /// A course whose last session was 6 days ago; staff opened the next group right after it, starting in 1 day
    /// (7 days after the last session), with every seat still free.
    /// </summary>
    private static (Offer Offer, Session Start) BackToBack()
    {
        var offer = CohortOffer("Cursus zonder pauze");
        for (var week = 0; week < 6; week++) offer.Sessions.Add(SessionAt(offer, Now.AddDays(-6 - 7 * (5 - week)), week == 0));
        var start = SessionAt(offer, Now.AddDays(1), isCohortStart: true);
        offer.Sessions.Add(start);
        for (var week = 1; week < 6; week++) offer.Sessions.Add(SessionAt(offer, Now.AddDays(1 + 7 * week), false));
        return (offer, start);
    }

    private static Offer CohortOffer(string name) => new()
    {
        Name = name, Format = OfferFormat.Course, FlowPolicy = FlowPolicy.Cohort, Access = Access.NoReferral, Capacity = 12,
        LifeDomains = LifeDomains.LowMood, Pc4 = "3841", City = "Harderwijk", Latitude = 52.34, Longitude = 5.62,
    };

    private static Session SessionAt(Offer offer, DateTimeOffset start, bool isCohortStart) =>
        new() { OfferId = offer.Id, Start = start, End = start.AddHours(2), IsCohortStart = isCohortStart };

    private static CatalogOffer InCatalog(Offer offer)
    {
        var partner = new Partner { Name = "GGZ Test (fictief)", Sector = Sector.KleineGgz };
        partner.Offers.Add(offer);
        var region = new Region { Name = "Testregio" };
        region.Partners.Add(partner);
        return FrontDoorCatalog.FromRegion(region, Now).Offers.Single();
    }

    [Fact]
    public void FrontDoor_HolidayBreak_DoesNotOfferTheMidCourseSession()
    {
        var (offer, midCourse, next) = HolidayBreak();
        var item = InCatalog(offer);
        Assert.NotEqual(midCourse.Id, item.FirstStart?.Id);
        Assert.Equal(next.Id, item.FirstStart?.Id);
    }

    [Fact]
    public void FrontDoor_StaffOpenedStartWithFreeSeats_IsNotFull()
    {
        var (offer, start) = BackToBack();
        var item = InCatalog(offer);
        Assert.False(item.IsFull);
        Assert.Equal(start.Id, item.FirstStart?.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrolment_HolidayBreak_AcceptsWhatTheFrontDoorOffersAndRefusesMidCourse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (offer, midCourse, next) = HolidayBreak();
        await SeedAsync(database, offer);

        var offered = await FirstStartFromDatabaseAsync(database);
        Assert.Equal(next.Id, offered);
        await using (var db = database.CreateContext())
        {
            var service = new EnrolmentService(db, new FakeTimeProvider(Now));
            await Assert.ThrowsAsync<ValidationException>(() => service.EnrolAsync(midCourse.Id, new EnrolmentRequest("Sam", "sam@example.org", null)));
            var enrolment = await service.EnrolAsync(offered!.Value, new EnrolmentRequest("Sam", "sam@example.org", null));
            Assert.Equal(next.Id, enrolment.SessionId);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrolment_StaffOpenedStart_TheFrontDoorOffersItAndEnrolmentAccepts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (offer, start) = BackToBack();
        await SeedAsync(database, offer);

        var offered = await FirstStartFromDatabaseAsync(database);
        Assert.Equal(start.Id, offered);
        await using var db = database.CreateContext();
        var enrolment = await new EnrolmentService(db, new FakeTimeProvider(Now)).EnrolAsync(start.Id, new EnrolmentRequest("Sam", null, "0612345678"));
        Assert.Equal(start.Id, enrolment.SessionId);
    }

    private static async Task SeedAsync(TestDatabase database, Offer offer)
    {
        await using var db = database.CreateContext();
        var region = new Region { Name = "Testregio" };
        var partner = new Partner { Name = "GGZ Test (fictief)", Sector = Sector.KleineGgz, RegionId = region.Id };
        offer.PartnerId = partner.Id;
        partner.Offers.Add(offer);
        region.Partners.Add(partner);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
    }

    private static async Task<Guid?> FirstStartFromDatabaseAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var catalog = await FrontDoorCatalog.LoadAsync(db, Now);
        return catalog.Offers.Single().FirstStart?.Id;
    }
}
