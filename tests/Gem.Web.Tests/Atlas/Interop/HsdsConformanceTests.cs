using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Gem.Web.Tests.Interop;

/// <summary>
/// The HSDS API reference's required root and filters (docs/hsds.md), free seats as HSDS 3.1 service_capacity (checked
/// against the unchanged HSDS 3.1 compiled schema), complete addresses and RFC 4122 ids.
/// </summary>
[SqliteOnly("HSDS conformance of documents; the HSDS queries run on both in HsdsApiTests")]
public sealed class HsdsConformanceTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;
    private static readonly Lazy<Task<JsonSchema>> Schema31 = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Interop", "Schemas", "hsds-3.1-service.json")));

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonNode> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Root_SaysVersionProfileAndOpenApi()
    {
        var root = await GetAsync("/api/hsds/");
        Assert.Equal("3.1", (string)root["version"]!);
        Assert.True(Uri.IsWellFormedUriString((string)root["profile"]!, UriKind.Absolute));
        Assert.EndsWith("/openapi/v1.json", (string)root["openapi_url"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/hsds/services?color=red")]
    [InlineData("/api/hsds/services?postcode=3841")]
    [InlineData("/api/hsds/services?proximity=1000")]
    [InlineData("/api/hsds/services?full=false")]
    [InlineData("/api/hsds/services?format=ndjson")]
    [InlineData("/api/hsds/services?modified_after=yesterday")]
    [InlineData("/api/hsds/services?taxonomy_term_id=abc")]
    [InlineData("/api/hsds/organizations?full_service=true")]
    [InlineData("/api/hsds/locations?organization_id=1d1dad89-edfb-53a1-8683-b51cd5fe0529")]
    public async Task UnsupportedOrMalformedFilter_Is400ProblemDetails(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ModifiedAfter_ReturnsOnlyChangedServicesIncludingArchivedAsDefunct()
    {
        Assert.Equal(0, (int)(await GetAsync("/api/hsds/services?modified_after=2099-01-01T00:00:00Z"))["total_items"]!);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using var db = _factory.Database.CreateContext();
        var offers = await db.Offers.OrderBy(o => o.Name).Take(2).ToListAsync();
        offers[0].UpdatedAt = DateTimeOffset.UtcNow;
        offers[1].UpdatedAt = DateTimeOffset.UtcNow;
        offers[1].ArchivedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();

        var changed = await GetAsync($"/api/hsds/services?modified_after={Uri.EscapeDataString(since.ToString("O"))}");
        var statuses = changed["contents"]!.AsArray().ToDictionary(s => (string)s!["id"]!, s => (string)s!["status"]!);
        Assert.Equal(2, statuses.Count);
        Assert.Equal("active", statuses[offers[0].Id.ToString()]);
        Assert.Equal("defunct", statuses[offers[1].Id.ToString()]);
        // Outside a sync an archived service is gone from lists, but by id it still says it is defunct.
        Assert.DoesNotContain((await GetAsync($"/api/hsds/services?search={Uri.EscapeDataString(offers[1].Name)}"))["contents"]!.AsArray(), s => (string)s!["id"]! == offers[1].Id.ToString());
        Assert.Equal("defunct", (string)(await GetAsync($"/api/hsds/services/{offers[1].Id}"))["status"]!);
    }

    [Fact]
    public async Task OrganizationTaxonomyAndMinimalFilters_AreApplied()
    {
        await using var db = _factory.Database.CreateContext();
        var partner = await db.Partners.Include(p => p.Offers).OrderBy(p => p.Name).FirstAsync(p => p.Offers.Count > 1);
        var byOrganization = await GetAsync($"/api/hsds/services?organization_id={partner.Id}&per_page=100");
        Assert.Equal(partner.Offers.Count, (int)byOrganization["total_items"]!);
        Assert.All(byOrganization["contents"]!.AsArray(), s => Assert.Equal(partner.Id.ToString(), (string)s!["organization_id"]!));

        var groups = await db.Offers.CountAsync(o => o.Format == OfferFormat.Group);
        var byTerm = await GetAsync($"/api/hsds/services?taxonomy_term_id={HsdsTerms.TermId(HsdsTerms.Format, nameof(OfferFormat.Group))}&per_page=100");
        Assert.Equal(groups, (int)byTerm["total_items"]!);
        var debt = await db.Offers.CountAsync(o => (o.LifeDomains & LifeDomains.MoneyAndDebt) != 0);
        Assert.Equal(debt, (int)(await GetAsync($"/api/hsds/services?taxonomy_term_id={HsdsTerms.TermId(HsdsTerms.LifeDomain, nameof(LifeDomains.MoneyAndDebt))}"))["total_items"]!);
        Assert.Equal(0, (int)(await GetAsync($"/api/hsds/services?taxonomy_term_id={Guid.NewGuid()}"))["total_items"]!);
        var capacityTaxonomy = await GetAsync($"/api/hsds/services?taxonomy_id={HsdsTerms.TaxonomyId(HsdsTerms.Capacity)}");
        Assert.Equal(await db.Offers.CountAsync(o => o.Capacity != null), (int)capacityTaxonomy["total_items"]!);

        var minimal = await GetAsync("/api/hsds/services?minimal=true&per_page=5");
        Assert.All(minimal["contents"]!.AsArray(), s => Assert.Equal(new[] { "id", "name", "status", "last_modified" }, s!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task EveryService_ValidatesAgainstHsds31_WithProvinceCapacitiesAndRfc4122Ids()
    {
        var schema = await Schema31.Value;
        var ids = new List<string>();
        var capacities = 0;
        var services = 0;
        for (var page = 1; ; page++)
        {
            var body = await GetAsync($"/api/hsds/services?page={page}&per_page=100");
            foreach (var service in body["contents"]!.AsArray())
            {
                services++;
                var errors = schema.Validate(service!.ToJsonString());
                Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
                foreach (var address in service["service_at_locations"]!.AsArray().SelectMany(l => l!["location"]!["addresses"]?.AsArray() ?? new JsonArray()))
                    Assert.False(string.IsNullOrEmpty((string)address!["state_province"]!), "state_province is empty");
                capacities += service["capacities"]?.AsArray().Count ?? 0;
                CollectIds(service, ids);
            }
            if ((bool)body["last_page"]!) break;
        }
        output.WriteLine($"HSDS 3.1 services: {services} validated, {capacities} service_capacity, {ids.Count - ids.Count(id => !IsRfc4122(id))}/{ids.Count} ids RFC 4122");
        Assert.True(capacities > 0, "no service_capacity published");
        var invalid = ids.Where(id => !IsRfc4122(id)).ToList();
        Assert.True(invalid.Count == 0, $"{invalid.Count} of {ids.Count} ids are not RFC 4122: {string.Join(", ", invalid.Take(5))}");
        Assert.True(ids.Count > 1000);
    }

    [Fact]
    public async Task DemoAddress_HasTheProvinceOfItsGemeente()
    {
        await using var db = _factory.Database.CreateContext();
        var offer = await db.Offers.FirstAsync(o => !o.IsOnline && o.Pc4 == "3841");
        var location = await GetAsync($"/api/hsds/locations/{Gem.Web.Atlas.Interop.HsdsMapper.LocationId(offer.Id)}");
        Assert.Equal("Gelderland", (string)location["addresses"]![0]!["state_province"]!);
        Assert.Equal("Harderwijk", (string)location["addresses"]![0]!["region"]!);
    }

    [Fact]
    public async Task FreeSeats_PerServiceAndPerSchedule_FollowEnrolments()
    {
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var session = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Capacity != null && s.Start > now.AddHours(2))
            .OrderBy(s => s.Start).FirstAsync();
        var before = await ScheduleCapacityAsync(session);
        var enrol = await _client.PostAsJsonAsync($"/api/groups/sessions/{session.Id}/enrolments", new { name = "Sam", email = "sam@test.gem.example" });
        Assert.Equal(HttpStatusCode.Created, enrol.StatusCode);
        var after = await ScheduleCapacityAsync(session);
        Assert.Equal((int)before["available"]! - 1, (int)after["available"]!);
        Assert.Equal(session.Seats ?? session.Offer!.Capacity, (int)after["maximum"]!);
        Assert.Equal("seat", (string)after["unit"]!["identifier"]!);
    }

    private async Task<JsonNode> ScheduleCapacityAsync(Session session)
    {
        var service = await GetAsync($"/api/hsds/services/{session.OfferId}");
        var id = Gem.Web.Atlas.Interop.HsdsMapper.ScheduleCapacityId(session.Id).ToString();
        return service["capacities"]!.AsArray().Single(c => (string)c!["id"]! == id)!;
    }

    /// <summary>Every value of a property named "id" or ending in "_id", anywhere in the document.</summary>
    internal static void CollectIds(JsonNode? node, List<string> ids)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if ((key == "id" || key.EndsWith("_id", StringComparison.Ordinal)) && value is JsonValue v && v.TryGetValue<string>(out var s)) ids.Add(s);
                    else CollectIds(value, ids);
                }
                break;
            case JsonArray a:
                foreach (var item in a) CollectIds(item, ids);
                break;
        }
    }

    /// <summary>RFC 4122: 8-4-4-4-12 hex, version 1–5 in the 13th digit, variant 10xx (8, 9, a, b) in the 17th.</summary>
    internal static bool IsRfc4122(string id) =>
        Guid.TryParseExact(id, "D", out _) && id[14] is >= '1' and <= '5' && id[19] is '8' or '9' or 'a' or 'b';
}
