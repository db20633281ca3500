using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Gem.Web.Tests.Atlas.Interop;

/// <summary>Every /api/hsds response is checked against the HSDS 3.0 JSON schema of a service (Interop/Schemas/SOURCE.md).</summary>
public sealed class HsdsApiTests(DemoHosts hosts) : IClassFixture<DemoHosts>
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Interop", "Schemas", "hsds-3.0-service.json")));

    /// <summary>Points this test at the shared demo host of <paramref name="provider"/> (read-only).</summary>
    private async Task UseAsync(DatabaseProvider provider)
    {
        _factory = await hosts.GetAsync(provider);
        _client = _factory.CreateClient();
    }

    internal static async Task AssertValidAsync(string json, string? definition = null)
    {
        var schema = await Schema.Value;
        var against = definition is null ? schema : schema.Definitions[definition];
        var errors = against.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    private async Task<JsonNode> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Services_EveryPage_EveryServiceValidatesAgainstHsdsSchema(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using var db = _factory.Database.CreateContext();
        var offers = await db.Offers.CountAsync();
        var seen = new HashSet<string>();
        var page = 1;
        JsonNode body;
        do
        {
            body = await GetAsync($"/api/hsds/services?page={page}&per_page=100");
            Assert.Equal(offers, (int)body["total_items"]!);
            Assert.Equal((int)Math.Ceiling(offers / 100.0), (int)body["total_pages"]!);
            Assert.Equal(page, (int)body["page_number"]!);
            Assert.Equal(page == 1, (bool)body["first_page"]!);
            Assert.False((bool)body["empty"]!);
            foreach (var service in body["contents"]!.AsArray())
            {
                await AssertValidAsync(service!.ToJsonString());
                Assert.True(seen.Add((string)service["id"]!));
            }
            page++;
        }
        while (!(bool)body["last_page"]!);
        Assert.Equal(offers, seen.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Service_ById_ValidatesAndCarriesPlaceScheduleAndTerms(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var offer = (await db.Offers.Include(o => o.Partner).Include(o => o.Sessions)
            .Where(o => !o.IsOnline && o.Accessibility != null).OrderBy(o => o.Name).ToListAsync())
            .First(o => o.Sessions.Any(s => s.Start > now.AddHours(1)));

        var json = await (await _client.GetAsync($"/api/hsds/services/{offer.Id}")).Content.ReadAsStringAsync();
        await AssertValidAsync(json);
        var service = JsonNode.Parse(json)!;

        Assert.Equal(offer.Name, (string)service["name"]!);
        Assert.Equal(offer.PartnerId.ToString(), (string)service["organization_id"]!);
        Assert.Equal(offer.Partner!.Name, (string)service["organization"]!["name"]!);
        var location = service["service_at_locations"]![0]!["location"]!;
        Assert.Equal("physical", (string)location["location_type"]!);
        Assert.Equal(offer.Pc4, (string)location["addresses"]![0]!["postal_code"]!);
        Assert.Equal("NL", (string)location["addresses"]![0]!["country"]!);
        Assert.NotEmpty(service["schedules"]!.AsArray());
        Assert.Contains(service["attributes"]!.AsArray(), a => (string)a!["link_type"]! == "format" && (string)a["taxonomy_term"]!["code"]! == offer.Format.ToString());
        Assert.Equal(offer.LifeDomains.Each().Count(), service["attributes"]!.AsArray().Count(a => (string)a!["link_type"]! == "life_domain"));

        // The location and organization the service names are served on their own, valid too.
        var locationJson = await (await _client.GetAsync($"/api/hsds/locations/{location["id"]}")).Content.ReadAsStringAsync();
        await AssertValidAsync(locationJson, "location");
        Assert.Equal((string)location["id"]!, (string)JsonNode.Parse(locationJson)!["id"]!);
        var organizationJson = await (await _client.GetAsync($"/api/hsds/organizations/{offer.PartnerId}")).Content.ReadAsStringAsync();
        await AssertValidAsync(organizationJson, "organization");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OrganizationsAndLocations_EveryItemValidatesAgainstItsDefinition(DatabaseProvider provider)
    {
        await UseAsync(provider);
        var organizations = await GetAsync("/api/hsds/organizations?per_page=100");
        Assert.NotEmpty(organizations["contents"]!.AsArray());
        foreach (var o in organizations["contents"]!.AsArray()) await AssertValidAsync(o!.ToJsonString(), "organization");

        var locations = await GetAsync("/api/hsds/locations?per_page=100");
        Assert.Contains(locations["contents"]!.AsArray(), l => (string)l!["location_type"]! == "virtual");
        foreach (var l in locations["contents"]!.AsArray()) await AssertValidAsync(l!.ToJsonString(), "location");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Services_Search_ReturnsOnlyMatches(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using var db = _factory.Database.CreateContext();
        var name = (await db.Offers.OrderBy(o => o.Name).FirstAsync()).Name;

        var body = await GetAsync($"/api/hsds/services?search={Uri.EscapeDataString(name)}");

        Assert.True((int)body["total_items"]! >= 1);
        Assert.All(body["contents"]!.AsArray(), s => Assert.True(
            ((string)s!["name"]!).Contains(name, StringComparison.OrdinalIgnoreCase) || ((string)s["description"]!).Contains(name, StringComparison.OrdinalIgnoreCase)));
        foreach (var s in body["contents"]!.AsArray()) await AssertValidAsync(s!.ToJsonString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Services_BadPageOrUnknownId_Returns400Or404(DatabaseProvider provider)
    {
        await UseAsync(provider);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/hsds/services?per_page=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/hsds/services?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/hsds/services/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/hsds/organizations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/hsds/locations/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Schema_ServiceWithoutStatusOrWithBadId_IsRejected(DatabaseProvider provider)
    {
        await UseAsync(provider);
        // The schema is not vacuous: it catches what HSDS 3.0 forbids.
        var schema = await Schema.Value;
        Assert.NotEmpty(schema.Validate("""{"id": "1d1dad89-edfb-53a1-8683-b51cd5fe0529", "name": "x"}"""));
        Assert.NotEmpty(schema.Validate("""{"id": "1d1dad89-edfb-53a1-8683-b51cd5fe0529", "name": "x", "status": "open"}"""));
        Assert.NotEmpty(schema.Validate("""{"id": "1d1dad89-edfb-53a1-8683-b51cd5fe0529", "name": "x", "status": "active", "service_at_locations": [{"id": "s", "location": {"id": "1d1dad89-edfb-53a1-8683-b51cd5fe0529"}}]}"""));
        Assert.Empty(schema.Validate("""{"id": "1d1dad89-edfb-53a1-8683-b51cd5fe0529", "name": "x", "status": "active"}"""));
    }
}
