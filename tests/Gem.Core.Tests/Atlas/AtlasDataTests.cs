using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Atlas;

/// <summary>The same data behaviour on SQLite and PostgreSQL, each on a fresh migrated database.</summary>
public sealed class AtlasDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(Guid PartnerId, Guid OfferId)> SeedAsync(GemDbContext db)
    {
        var region = new Region { Name = "Testregio" };
        var partner = new Partner { Name = "Buurthuis Test (fictief)", Sector = Sector.SociaalDomein, RegionId = region.Id };
        var offer = new Offer { Name = "Inloop", PartnerId = partner.Id };
        new OfferInput
        {
            Name = "Inloop", Format = OfferFormat.WalkIn, LifeDomains = LifeDomains.LonelinessAndContact | LifeDomains.MoneyAndDebt,
            Dimensions = Dimensions.Social, Address = "Voorbeeldstraat 1", Pc4 = "3841", CostEuros = 2.50m,
        }.ApplyTo(offer, Now);
        offer.Sessions.Add(new Session { Start = Now.AddDays(1), End = Now.AddDays(1).AddHours(2) });   // Tuesday
        offer.Sessions.Add(new Session { Start = Now.AddDays(-1), End = Now.AddDays(-1).AddHours(2) }); // past
        region.Partners.Add(partner);
        partner.Offers.Add(offer);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return (partner.Id, offer.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Offer_SavedAndReloaded_KeepsFlagsMoneyAndUtcTimes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid offerId;
        await using (var db = database.CreateContext()) (_, offerId) = await SeedAsync(db);

        await using var read = database.CreateContext();
        var offer = await read.Offers.Include(o => o.Sessions).SingleAsync(o => o.Id == offerId);
        Assert.Equal(LifeDomains.LonelinessAndContact | LifeDomains.MoneyAndDebt, offer.LifeDomains);
        Assert.Equal(2.50m, offer.CostEuros);
        Assert.Equal(Now, offer.UpdatedAt);
        Assert.Contains(offer.Sessions, s => s.Start == Now.AddDays(1));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FiltersInSqlAndSkipsPastSessions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext()) await SeedAsync(db);
        await using var context = database.CreateContext();
        var search = new AtlasSearch(context, new FakeTimeProvider(Now), new Gem.Core.Groups.OfferSchedule(context));

        var money = await search.FindAsync(new OfferFilter { LifeDomains = LifeDomains.MoneyAndDebt, Text = "INLOOP" });
        var housing = await search.FindAsync(new OfferFilter { LifeDomains = LifeDomains.Housing });
        var tuesday = await search.FindAsync(new OfferFilter { Day = DayOfWeek.Tuesday });
        var sunday = await search.FindAsync(new OfferFilter { Day = DayOfWeek.Sunday });
        var far = await search.FindAsync(new OfferFilter { NearPc4 = "9711", MaxKm = 25 });

        var hit = Assert.Single(money);
        Assert.Equal(Now.AddDays(1), hit.NextSession!.Start);
        Assert.Empty(housing);
        Assert.Single(tuesday);
        Assert.Empty(sunday);
        Assert.Empty(far);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editor_OtherOrganisationsOffer_IsNotFoundAndUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid offerId;
        await using (var db = database.CreateContext()) (_, offerId) = await SeedAsync(db);
        await using var context = database.CreateContext();
        var editor = new OfferEditor(context, new FakeTimeProvider(Now));
        var removal = new Gem.Core.Groups.SessionCancellation(context, new FakeTimeProvider(Now), editor);
        var stranger = new Actor(Guid.NewGuid(), Guid.NewGuid(), IsAdmin: false);

        await Assert.ThrowsAsync<NotFoundException>(() => editor.UpdateAsync(stranger, offerId, new OfferInput { Name = "Gekaapt" }));
        await Assert.ThrowsAsync<NotFoundException>(() => removal.DeleteOfferAsync(stranger, offerId));

        await using var read = database.CreateContext();
        Assert.Equal("Inloop", (await read.Offers.SingleAsync(o => o.Id == offerId)).Name);
    }
}
