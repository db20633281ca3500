using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Tests.Groups;

/// <summary>
/// What the atlas reads of Groups (<see cref="IOfferSchedule"/>): coming sessions per offer in start order, with the free
/// seats and join point that <see cref="Seats"/> decides, cancelled ones only when asked, and an end bound.
/// </summary>
public sealed class OfferScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coming_PerOfferInOrder_WithSeatsAndJoinPointsFromTheRules(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var course = new Offer { Name = "Cursus", Format = OfferFormat.Course, FlowPolicy = FlowPolicy.Cohort, Capacity = 12, Access = Access.NoReferral };
        var rolling = new Offer { Name = "Groep", Format = OfferFormat.Group, FlowPolicy = FlowPolicy.Rolling, Capacity = 8, MembersTaken = 3, Access = Access.NoReferral };
        Session At(Offer o, int days, bool start = false, int taken = 0, int? seats = null, bool cancelled = false) => new()
        {
            OfferId = o.Id, Start = Now.AddDays(days), End = Now.AddDays(days).AddHours(2), IsCohortStart = start, SeatsTaken = taken, Seats = seats,
            CancelledAt = cancelled ? Now.AddDays(-1) : null,
        };
        Session[] sessions =
        [
            At(course, -7, start: true), // past
            At(course, 14, taken: 2), At(course, 7, start: true, taken: 12), At(course, 21, cancelled: true), At(course, 60, start: true, seats: 6, taken: 1),
            At(rolling, 3), At(rolling, 10, taken: 5),
        ];
        await using (var db = database.CreateContext())
        {
            var partner = new Partner { Name = "Partner", Sector = Sector.SociaalDomein };
            partner.Offers.AddRange([course, rolling]);
            db.Regions.Add(new Region { Name = "Regio", Partners = { partner } });
            db.Sessions.AddRange(sessions);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var schedule = new OfferSchedule(read);
        var coming = await schedule.ComingAsync([course, rolling], Now);

        var c = coming[course.Id].ToList();
        Assert.Equal([7, 14, 60], c.Select(s => (s.Start - Now).Days));
        Assert.Equal(new int?[] { 0, 10, 5 }, c.Select(s => s.Free));          // seats per session; own Seats beat the offer's capacity
        Assert.Equal([true, false, true], c.Select(s => s.IsJoinPoint));        // a cohort is joined only where staff marked a start
        var r = coming[rolling.Id].ToList();
        Assert.Equal(new int?[] { 5, 5 }, r.Select(s => s.Free));               // a rolling group counts members per offer
        Assert.All(r, s => Assert.True(s.IsJoinPoint));

        var withCancelled = await schedule.ComingAsync([course], Now, withCancelled: true);
        Assert.Equal([7, 14, 21, 60], withCancelled[course.Id].Select(s => (s.Start - Now).Days));
        var fourWeeks = await schedule.ComingAsync([course, rolling], Now, Now.AddDays(28));
        Assert.Equal([7, 14], fourWeeks[course.Id].Select(s => (s.Start - Now).Days));
        Assert.Empty((await schedule.ComingAsync([], Now)).SelectMany(g => g));
        Assert.Equal(7, await read.Sessions.CountAsync()); // reading changes nothing
    }
}
