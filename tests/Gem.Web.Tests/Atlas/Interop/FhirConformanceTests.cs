using System.Net;
using Firely.Fhir.Validation;
using Gem.Core.Data;
using Gem.Testing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Gem.Web.Tests.Interop;

/// <summary>
/// /fhir/metadata, honest search parameters, _id, _include and the Organization and Location reads; every answer is
/// checked by the Firely SDK's profile validator against the R4 core definitions (Hl7.Fhir.Specification.Data.R4).
/// </summary>
[SqliteOnly("FHIR conformance of documents; the FHIR queries run on both in FhirApiTests")]
public sealed class FhirConformanceTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;
    private static readonly Lazy<Validator> Firely = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        _client = _factory.CreateClient();
    }

    private int _validated;
    private int _resources;

    public async Task DisposeAsync()
    {
        try
        {
            output.WriteLine($"Firely validator: {_validated} responses ({_resources} resources) with 0 errors");
        }
        catch (InvalidOperationException)
        {
            // the output of a finished test may be closed; the figure is only for the report
        }
        await _factory.DisposeAsync();
    }

    private async Task<T> GetAsync<T>(string url, HttpStatusCode expected = HttpStatusCode.OK, string? prefer = null) where T : Resource
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null) request.Headers.Add("Prefer", prefer);
        var response = await _client.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {json}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var resource = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<T>(json);
        AssertValid(resource, url);
        return resource;
    }

    /// <summary>The Firely validator reports no error or fatal issue (warnings and information, e.g. unknown code systems, are allowed).</summary>
    private void AssertValid(Resource resource, string what)
    {
        var outcome = Firely.Value.Validate(resource);
        _validated++;
        _resources += resource is Bundle b ? b.Entry.Count + 1 : 1;
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
        Assert.True(errors.Count == 0, $"{what}: " + string.Join("\n", errors.Select(e => $"{string.Join(",", e.Expression ?? [])}: {e.Details?.Text ?? e.Diagnostics}")));
    }

    [Fact]
    public async Task Metadata_IsValidCapabilityStatementOfWhatTheServerDoes()
    {
        var statement = await GetAsync<CapabilityStatement>("/fhir/metadata");
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        var resources = statement.Rest.Single().Resource.ToDictionary(r => r.Type!);
        Assert.Equal(new[] { "HealthcareService", "Location", "Organization" }, resources.Keys.Order());
        Assert.Equal(Gem.Web.Atlas.FhirApi.SearchParameters.Where(p => p is "_id" or "name" or "service-category" or "service-type").Order(),
            resources["HealthcareService"].SearchParam.Select(p => p.Name).Order());
        Assert.Equal(new[] { "HealthcareService:location", "HealthcareService:organization" }, resources["HealthcareService"].SearchInclude.Order());
        // Every interaction it claims answers.
        await using var db = _factory.Database.CreateContext();
        var offer = await db.Offers.FirstAsync(o => !o.IsOnline);
        await GetAsync<HealthcareService>($"/fhir/HealthcareService/{offer.Id}");
        await GetAsync<Organization>($"/fhir/Organization/{offer.PartnerId}");
        await GetAsync<Location>($"/fhir/Location/{Gem.Web.Atlas.Interop.HsdsMapper.LocationId(offer.Id)}");
    }

    [Fact]
    public async Task Search_EveryPageWithIncludes_IsValidAndIncludesOnlyWhatWasAsked()
    {
        await using var db = _factory.Database.CreateContext();
        var offers = await db.Offers.CountAsync();
        var services = 0;
        string? next = "/fhir/HealthcareService?_count=100&_include=HealthcareService:organization&_include=HealthcareService:location";
        while (next is not null)
        {
            var bundle = await GetAsync<Bundle>(next);
            services += bundle.Entry.Count(e => e.Search!.Mode == Bundle.SearchEntryMode.Match);
            Assert.Contains(bundle.Entry, e => e.Resource is Organization);
            Assert.Contains(bundle.Entry, e => e.Resource is Location);
            next = bundle.NextLink?.PathAndQuery;
        }
        Assert.Equal(offers, services);

        var plain = await GetAsync<Bundle>("/fhir/HealthcareService?_count=10");
        Assert.All(plain.Entry, e => Assert.IsType<HealthcareService>(e.Resource));
        var organizations = await GetAsync<Bundle>("/fhir/HealthcareService?_count=10&_include=HealthcareService:organization");
        Assert.DoesNotContain(organizations.Entry, e => e.Resource is Location);
        Assert.Contains(organizations.Entry, e => e.Resource is Organization);
    }

    [Fact]
    public async Task Search_ById_ReturnsExactlyThoseServices()
    {
        await using var db = _factory.Database.CreateContext();
        var ids = await db.Offers.OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync();
        var bundle = await GetAsync<Bundle>($"/fhir/HealthcareService?_id={ids[0]},{ids[1]}");
        Assert.Equal(2, bundle.Total);
        Assert.Equal(ids.Select(i => i.ToString()).Order(), bundle.Entry.Select(e => e.Resource!.Id).Order());
        Assert.Equal(0, (await GetAsync<Bundle>($"/fhir/HealthcareService?_id={Guid.NewGuid()}")).Total);
    }

    [Fact]
    public async Task UnknownParameter_LenientLeftOutOfSelf_StrictRefused()
    {
        var lenient = await GetAsync<Bundle>("/fhir/HealthcareService?_count=5&colour=red&_include=HealthcareService:endpoint");
        var self = lenient.SelfLink!.ToString();
        Assert.DoesNotContain("colour", self, StringComparison.Ordinal);
        Assert.DoesNotContain("endpoint", self, StringComparison.Ordinal);
        Assert.Contains("_count=5", self, StringComparison.Ordinal);

        var strict = await GetAsync<OperationOutcome>("/fhir/HealthcareService?colour=red", HttpStatusCode.BadRequest, prefer: "handling=strict");
        Assert.Contains("colour", strict.Issue.Single().Diagnostics!, StringComparison.Ordinal);
        await GetAsync<OperationOutcome>("/fhir/HealthcareService?_include=HealthcareService:endpoint", HttpStatusCode.BadRequest, prefer: "handling=strict");
        await GetAsync<Bundle>("/fhir/HealthcareService?name=groep&_count=2", prefer: "handling=strict");
    }

    [Fact]
    public async Task Reads_EveryOrganizationAndLocation_AreValid_UnknownIs404()
    {
        await using var db = _factory.Database.CreateContext();
        foreach (var partner in await db.Partners.Select(p => p.Id).ToListAsync())
            Assert.Equal(partner.ToString(), (await GetAsync<Organization>($"/fhir/Organization/{partner}")).Id);
        foreach (var offer in await db.Offers.Where(o => !o.IsOnline).Select(o => o.Id).Take(40).ToListAsync())
            await GetAsync<Location>($"/fhir/Location/{Gem.Web.Atlas.Interop.HsdsMapper.LocationId(offer)}");
        await GetAsync<OperationOutcome>($"/fhir/Organization/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await GetAsync<OperationOutcome>($"/fhir/Location/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }
}
