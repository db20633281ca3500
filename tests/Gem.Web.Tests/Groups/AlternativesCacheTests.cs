using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Web.Tests.Groups;

/// <summary>
/// The "full" answer's alternatives are kept per offer (issue 17): a rush on a full group computes them once, and a freed
/// seat drops them, so the next answer is computed again. The seat itself is still decided by the database.
/// </summary>
public sealed class AlternativesCacheTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Full_RefusalsForTheSameOffer_ComputeTheAlternativesOnce_AFreedSeatInvalidates(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, capacity: 1);
        var cache = factory.Services.GetRequiredService<AlternativesCache>();
        using var client = factory.CreateClient();
        var url = $"/api/groups/sessions/{sessionId}/enrolments";
        Task<HttpResponseMessage> Enrol(string phone) => client.PostAsJsonAsync(url, new EnrolmentRequest("Lid", null, phone));

        var first = await Enrol("0611000001");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var computedBefore = cache.Computed;
        var full1 = await Enrol("0611000002");
        var full2 = await Enrol("0611000003");

        Assert.Equal(HttpStatusCode.Conflict, full1.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, full2.StatusCode);
        Assert.Equal(computedBefore + 1, cache.Computed);
        var a1 = (await full1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alternatives");
        var a2 = (await full2.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alternatives");
        Assert.True(a1.GetArrayLength() > 0);
        Assert.Equal(a1.GetRawText(), a2.GetRawText());

        // Cancelling frees the seat: the cache is dropped, the seat is taken again, and the next refusal computes afresh.
        var token = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/groups/enrolments/{token}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Enrol("0611000004")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Enrol("0611000005")).StatusCode);
        Assert.Equal(computedBefore + 2, cache.Computed);

        await using var db = factory.Database.CreateContext();
        Assert.Equal(1, (await db.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
        Assert.Equal(1, await db.Enrolments.CountAsync(e => e.SessionId == sessionId && e.Status == EnrolmentStatus.Active));
    }

    [SqliteOnly("the cache clock; the query is compared on both in Cache_EveryDemoOffer_SameAnswerAsTheDirectQuery")]
    [Fact]
    public async Task Cache_EntryOlderThanMaxAge_IsComputedAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new AlternativesCache(clock);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var offer = new Offer { Name = "Vol", LifeDomains = LifeDomains.LonelinessAndContact };

        await cache.GetAsync(db, offer);
        await cache.GetAsync(db, offer);
        Assert.Equal(1, cache.Computed);
        clock.Advance(AlternativesCache.MaxAge);
        await cache.GetAsync(db, offer);
        Assert.Equal(2, cache.Computed);
        cache.Invalidate();
        await cache.GetAsync(db, offer);
        Assert.Equal(3, cache.Computed);
    }

    /// <summary>One entry serves every offer with the same life domains, and gives each exactly what the direct query gives.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cache_EveryDemoOffer_SameAnswerAsTheDirectQuery_ComputedOncePerDomainSet(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        await using var db = factory.Database.CreateContext();
        var now = (await db.Sessions.MinAsync(s => s.Start)).AddHours(-1);
        var cache = new AlternativesCache(new FakeTimeProvider(now));
        var offers = await db.Offers.AsNoTracking().ToListAsync();
        Assert.True(offers.Count > 10);
        var compared = 0;
        foreach (var offer in offers)
        {
            var direct = await new GroupAlternatives(db).FindAsync(offer, now);
            var cached = await cache.GetAsync(db, offer);
            Assert.Equal(direct, cached);
            compared += direct.Count;
        }
        Assert.True(compared > 0, "the demo region should offer alternatives");
        Assert.Equal(offers.Select(o => o.LifeDomains).Distinct().Count(), cache.Computed);
        Assert.True(cache.Computed < offers.Count);
    }
}
