using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Groups;

/// <summary>Seats are a database guarantee: 200 parallel enrolments through the HTTP API never overbook, on both providers.</summary>
public sealed class EnrolmentConcurrencyTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_200ParallelRequestsAtASessionWith5FreeSeats_Exactly5Succeed(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await PrepareAsync(factory, FlowPolicy.Open, capacity: 5);
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest($"Persoon {i}", $"p{i}@test.example", null))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(195, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var conflict = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(conflict.GetProperty("alternatives").GetArrayLength() > 0);
        await using var db = factory.Database.CreateContext();
        Assert.Equal(5, await db.Enrolments.CountAsync(e => e.SessionId == sessionId && e.Status == EnrolmentStatus.Active));
        Assert.Equal(5, (await db.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_ParallelIntoARollingGroupWith5Places_NeverMoreMembersThanCapacity(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await PrepareAsync(factory, FlowPolicy.Rolling, capacity: 5);
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest($"Lid {i}", null, $"06-1234{i:D4}"))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        await using var db = factory.Database.CreateContext();
        var offerId = (await db.Sessions.SingleAsync(s => s.Id == sessionId)).OfferId;
        Assert.Equal(5, await db.Enrolments.CountAsync(e => e.OfferId == offerId && e.Status != EnrolmentStatus.Cancelled));
        Assert.Equal(5, (await db.Offers.SingleAsync(o => o.Id == offerId)).MembersTaken);
    }

    /// <summary>Picks a future session of a group with the given policy and sets its capacity.</summary>
    internal static async Task<Guid> PrepareAsync(GemWebFactory factory, FlowPolicy policy, int capacity)
    {
        await using var db = factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var offer = await db.Offers.Where(o => o.FlowPolicy == policy && o.Format == OfferFormat.Group && o.Capacity != null)
            .OrderBy(o => o.Name).FirstAsync(o => o.Sessions.Any(s => s.Start > now.AddDays(1)));
        offer.Capacity = capacity;
        await db.SaveChangesAsync();
        var sessions = await db.Sessions.Where(s => s.OfferId == offer.Id).ToListAsync();
        return sessions.Where(s => s.Start > now.AddDays(1)).OrderBy(s => s.Start).First().Id;
    }
}
