using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Atlas;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Atlas;

/// <summary>The public atlas API over the demo region, on SQLite and on PostgreSQL.</summary>
public sealed class AtlasApiTests(DemoHosts hosts) : IClassFixture<DemoHosts>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchOffers_ByLifeDomain_ReturnsOnlyMatchingOffers(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var client = factory.CreateClient();

        var all = await client.GetFromJsonAsync<List<OfferSummary>>("/api/atlas/offers", Json);
        var housing = await client.GetFromJsonAsync<List<OfferSummary>>("/api/atlas/offers?lifeDomains=Housing", Json);

        Assert.True(all!.Count >= 200);
        Assert.NotEmpty(housing!);
        Assert.True(housing!.Count < all.Count);
        Assert.All(housing, o => Assert.True(o.LifeDomains.HasFlag(LifeDomains.Housing)));
        Assert.Equal(all.Count(o => o.LifeDomains.HasFlag(LifeDomains.Housing)), housing.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchOffers_CombinedFilters_MatchADirectQuery(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var client = factory.CreateClient();

        var groups = await client.GetFromJsonAsync<List<OfferSummary>>("/api/atlas/offers?format=Group&dimensions=Social&online=false", Json);

        await using var db = factory.Database.CreateContext();
        var expected = await db.Offers.CountAsync(o => o.Format == OfferFormat.Group && (o.Dimensions & Dimensions.Social) != 0 && !o.IsOnline);
        Assert.Equal(expected, groups!.Count);
        Assert.All(groups, o => Assert.Equal(OfferFormat.Group, o.Format));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchOffers_NearPc4WithMaxKm_KeepsOnlyCloseOrOnlineOffersOrderedByDistance(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var client = factory.CreateClient();

        var near = await client.GetFromJsonAsync<List<OfferSummary>>("/api/atlas/offers?near=8081&maxKm=5&online=false", Json);

        Assert.NotEmpty(near!);
        Assert.All(near!, o => Assert.True(o.DistanceKm <= 5));
        Assert.Equal(near!.OrderBy(o => o.DistanceKm).Select(o => o.Id), near!.Select(o => o.Id));
        Assert.Contains(near!, o => o.City is "Elburg" or "'t Harde" or "Doornspijk");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchOffers_ByDay_EveryHitHasASessionOnThatDay(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var client = factory.CreateClient();

        var tuesday = await client.GetFromJsonAsync<List<OfferSummary>>("/api/atlas/offers?day=Tuesday", Json);

        Assert.NotEmpty(tuesday!);
        await using var db = factory.Database.CreateContext();
        foreach (var hit in tuesday!)
        {
            var starts = await db.Sessions.Where(s => s.OfferId == hit.Id).Select(s => s.Start).ToListAsync();
            Assert.Contains(starts, s => TimeZoneInfo.ConvertTime(s, LocalTime.Zone).DayOfWeek == DayOfWeek.Tuesday);
        }
    }

    [SqliteOnly("input validation and the OpenAPI document; no query")]
    [Theory]
    [InlineData("/api/atlas/offers?near=0000", "NearPc4")]
    [InlineData("/api/atlas/offers?lifeDomains=Unicorns", "LifeDomains")]
    public async Task SearchOffers_BadInput_AnswersProblemDetailsNamingTheField(string url, string field)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetOffer_KnownAndUnknownId_ReturnsDetailsOr404(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var client = factory.CreateClient();
        await using var db = factory.Database.CreateContext();
        var offer = await db.Offers.OrderBy(o => o.Name).FirstAsync(o => o.Format == OfferFormat.Group);

        var detail = await client.GetFromJsonAsync<OfferDetail>($"/api/atlas/offers/{offer.Id}", Json);
        var missing = await client.GetAsync($"/api/atlas/offers/{Guid.NewGuid()}");

        Assert.Equal(offer.Name, detail!.Description.Name);
        Assert.NotEmpty(detail.Sessions);
        Assert.True(detail.Sessions.Zip(detail.Sessions.Skip(1)).All(p => p.First.Start <= p.Second.Start));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SqliteOnly("input validation and the OpenAPI document; no query")]
    [Fact]
    public async Task OpenApi_Document_ListsTheAtlasEndpoints()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/atlas/offers", json, StringComparison.Ordinal);
    }
}
