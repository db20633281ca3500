using System.Net;
using Gem.Core.Data;
using Gem.Testing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Gem.Web.Tests.Atlas.Interop;

/// <summary>Every /fhir response is parsed back with Firely's parser without errors, and its content checked.</summary>
public sealed class FhirApiTests(DemoHosts hosts) : IClassFixture<DemoHosts>
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;

    /// <summary>Points this test at the shared demo host of <paramref name="provider"/> (read-only).</summary>
    private async Task UseAsync(DatabaseProvider provider)
    {
        _factory = await hosts.GetAsync(provider);
        _client = _factory.CreateClient();
    }

    private async Task<T> GetAsync<T>(string url, HttpStatusCode expected = HttpStatusCode.OK) where T : Resource
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        // Firely 6's strict deserializer (the successor of FhirJsonParser) throws on any error in the JSON.
        return new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<T>(await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_AllPages_ParseBackAsSearchsetBundlesWithIncludes(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using var db = _factory.Database.CreateContext();
        var offers = await db.Offers.CountAsync();
        var services = new HashSet<string>();
        string? next = "/fhir/HealthcareService?_count=100";
        while (next is not null)
        {
            var bundle = await GetAsync<Bundle>(next);
            Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
            Assert.Equal(offers, bundle.Total);
            var matches = bundle.Entry.Where(e => e.Search!.Mode == Bundle.SearchEntryMode.Match).Select(e => e.Resource!).ToList();
            Assert.All(matches, r => Assert.IsType<HealthcareService>(r));
            foreach (var service in matches.Cast<HealthcareService>())
            {
                Assert.True(services.Add(service.Id!));
                var organization = service.ProvidedBy!.Reference;
                Assert.Contains(bundle.Entry, e => e.Search!.Mode == Bundle.SearchEntryMode.Include && $"Organization/{e.Resource!.Id}" == organization);
                foreach (var location in service.Location)
                    Assert.Contains(bundle.Entry, e => e.Resource is Location && $"Location/{e.Resource.Id}" == location.Reference);
            }
            next = bundle.NextLink?.PathAndQuery;
        }
        Assert.Equal(offers, services.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Read_ById_MapsOffer(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var offer = (await db.Offers.Include(o => o.Partner).Include(o => o.Sessions).Where(o => !o.IsOnline).OrderBy(o => o.Name).ToListAsync())
            .First(o => o.Sessions.Any(s => s.Start > now.AddHours(1) && s.Start < now.AddDays(27)));

        var service = await GetAsync<HealthcareService>($"/fhir/HealthcareService/{offer.Id}");

        Assert.Equal(offer.Id.ToString(), service.Id);
        Assert.Equal(offer.Name, service.Name);
        Assert.Equal($"Organization/{offer.PartnerId}", service.ProvidedBy!.Reference);
        Assert.Equal(offer.Partner!.Sector.ToString(), service.Category.Single().Coding.Single().Code);
        Assert.Equal(offer.Format.ToString(), service.Type.Single().Coding.Single().Code);
        Assert.Single(service.Location);
        Assert.NotEmpty(service.AvailableTime);
        Assert.Contains(service.Communication, c => c.Coding[0].Code == "nl");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ByNameCategoryAndType_ReturnsOnlyMatches(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using var db = _factory.Database.CreateContext();
        var offer = await db.Offers.Include(o => o.Partner).OrderBy(o => o.Name).FirstAsync();

        var byName = await GetAsync<Bundle>($"/fhir/HealthcareService?name={Uri.EscapeDataString(offer.Name)}");
        var byCategory = await GetAsync<Bundle>($"/fhir/HealthcareService?service-category={offer.Partner!.Sector}&_count=200");
        var byType = await GetAsync<Bundle>("/fhir/HealthcareService?service-type=urn:gem:atlas:format|Group&_count=200");

        Assert.Contains(Services(byName), s => s.Id == offer.Id.ToString());
        Assert.All(Services(byName), s => Assert.Contains(offer.Name, s.Name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(await db.Offers.CountAsync(o => o.Partner!.Sector == offer.Partner.Sector), byCategory.Total);
        Assert.All(Services(byCategory), s => Assert.Equal(offer.Partner.Sector.ToString(), s.Category[0].Coding[0].Code));
        Assert.All(Services(byType), s => Assert.Equal("Group", s.Type[0].Coding[0].Code));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Errors_AreOperationOutcomes(DatabaseProvider provider)
    {
        await UseAsync(provider);
        var missing = await GetAsync<OperationOutcome>($"/fhir/HealthcareService/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        var badCount = await GetAsync<OperationOutcome>("/fhir/HealthcareService?_count=0", HttpStatusCode.BadRequest);
        var badCategory = await GetAsync<OperationOutcome>("/fhir/HealthcareService?service-category=tandarts", HttpStatusCode.BadRequest);

        Assert.Equal(OperationOutcome.IssueType.NotFound, missing.Issue[0].Code);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, badCount.Issue[0].Severity);
        Assert.Contains("tandarts", badCategory.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    private static IEnumerable<HealthcareService> Services(Bundle bundle) => bundle.Entry.Select(e => e.Resource).OfType<HealthcareService>();
}
