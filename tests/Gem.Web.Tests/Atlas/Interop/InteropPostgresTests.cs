using System.Net;
using System.Text.Json.Nodes;
using Gem.Core.Data;
using Gem.Testing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Gem.Web.Tests.Atlas.Interop;

/// <summary>The HSDS and FHIR queries (search, paging, sector filter) on PostgreSQL, with the same checks as on SQLite.</summary>
public sealed class InteropPostgresTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Postgres);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task HsdsAndFhir_OnPostgres_ValidateAndParseBack()
    {
        await using var db = _factory.Database.CreateContext();
        var offer = await db.Offers.Include(o => o.Partner).OrderBy(o => o.Name).FirstAsync();
        var word = offer.Name.Split(' ')[0].ToUpperInvariant();

        var services = JsonNode.Parse(await _client.GetStringAsync($"/api/hsds/services?per_page=20&page=2&search={Uri.EscapeDataString(word)}"))!;
        var all = JsonNode.Parse(await _client.GetStringAsync("/api/hsds/services?per_page=100&page=2"))!;
        foreach (var s in all["contents"]!.AsArray()) await HsdsApiTests.AssertValidAsync(s!.ToJsonString());
        foreach (var s in services["contents"]!.AsArray()) await HsdsApiTests.AssertValidAsync(s!.ToJsonString());
        Assert.Equal(await db.Offers.CountAsync(), (int)all["total_items"]!);
        Assert.True((int)services["total_items"]! >= 1);

        var response = await _client.GetAsync($"/fhir/HealthcareService?service-category={offer.Partner!.Sector}&name={Uri.EscapeDataString(word.ToLowerInvariant())}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
        Assert.Contains(bundle.Entry, e => e.Resource?.Id == offer.Id.ToString());
    }
}
