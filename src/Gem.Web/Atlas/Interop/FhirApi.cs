using System.Globalization;
using System.Text;
using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using FhirLocation = Hl7.Fhir.Model.Location;
using FhirOrganization = Hl7.Fhir.Model.Organization;
using Task = System.Threading.Tasks.Task;

using Gem.Web.Atlas.Interop;

namespace Gem.Web.Atlas;

/// <summary>
/// FHIR R4 read API (docs/decisions/202): every offer as a HealthcareService, its partner as an Organization and
/// its place as a Location, serialized with the Firely SDK as application/fhir+json. <c>/fhir/metadata</c> says exactly this.
/// Search: <c>_id</c>, <c>name</c> (contains), <c>service-category</c> (sector), <c>service-type</c> (format), <c>_include</c>
/// (<see cref="IncludeOrganization"/>, <see cref="IncludeLocation"/>), <c>_count</c>, <c>_offset</c>. A parameter it does not
/// know is refused under <c>Prefer: handling=strict</c> and otherwise left out of the <c>self</c> link (R4 §3.1.1.4.4).
/// </summary>
public static class FhirApi
{
    public const string ContentType = "application/fhir+json";
    public const int DefaultCount = 50;
    public const int MaxCount = 200;
    public const string SectorSystem = "urn:gem:atlas:sector";
    public const string FormatSystem = "urn:gem:atlas:format";
    public const string ValuesCharterExtension = "https://gem.example/fhir/StructureDefinition/values-charter";

    public const string IncludeOrganization = "HealthcareService:organization";
    public const string IncludeLocation = "HealthcareService:location";
    /// <summary>The search parameters HealthcareService search understands (and <c>/metadata</c> lists).</summary>
    public static readonly string[] SearchParameters = ["_id", "name", "service-category", "service-type", "_include", "_count", "_offset"];

    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR");
        fhir.MapGet("/metadata", Metadata).Produces(200, contentType: ContentType);
        fhir.MapGet("/HealthcareService", Search).Produces(200, contentType: ContentType).Produces(400, contentType: ContentType);
        fhir.MapGet("/HealthcareService/{id:guid}", Read).Produces(200, contentType: ContentType).Produces(404, contentType: ContentType);
        fhir.MapGet("/Organization/{id:guid}", ReadOrganization).Produces(200, contentType: ContentType).Produces(404, contentType: ContentType);
        fhir.MapGet("/Location/{id:guid}", ReadLocation).Produces(200, contentType: ContentType).Produces(404, contentType: ContentType);
        return app;
    }

    /// <summary>The CapabilityStatement: what this server does, and nothing more.</summary>
    public static CapabilityStatement Capabilities(string baseUrl, DateTimeOffset date)
    {
        CapabilityStatement.ResourceComponent Resource(ResourceType type, bool search) => new()
        {
            Type = type.ToString(),
            Interaction = search
                ? [new() { Code = CapabilityStatement.TypeRestfulInteraction.Read }, new() { Code = CapabilityStatement.TypeRestfulInteraction.SearchType }]
                : [new() { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
            ReadHistory = false,
            UpdateCreate = false,
        };
        var service = Resource(ResourceType.HealthcareService, search: true);
        service.SearchInclude = [IncludeOrganization, IncludeLocation];
        service.SearchParam =
        [
            new() { Name = "_id", Type = SearchParamType.Token, Definition = "http://hl7.org/fhir/SearchParameter/Resource-id" },
            new() { Name = "name", Type = SearchParamType.String, Definition = "http://hl7.org/fhir/SearchParameter/HealthcareService-name", Documentation = "Contains, case-insensitive." },
            new() { Name = "service-category", Type = SearchParamType.Token, Definition = "http://hl7.org/fhir/SearchParameter/HealthcareService-service-category", Documentation = "Sector code of " + SectorSystem + "." },
            new() { Name = "service-type", Type = SearchParamType.Token, Definition = "http://hl7.org/fhir/SearchParameter/HealthcareService-service-type", Documentation = "Format code of " + FormatSystem + "." },
        ];
        return new CapabilityStatement
        {
            Id = "gem",
            Url = baseUrl + "/metadata",
            Name = "GemAtlas",
            Title = "Gem atlas: HealthcareService, Organization and Location (read and search)",
            Status = PublicationStatus.Active,
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Gem" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Gem regional mental-health atlas", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Documentation = "Read-only. Unknown search parameters are ignored (left out of the self link) unless Prefer: handling=strict, which refuses them with 400.",
                    Resource = [service, Resource(ResourceType.Organization, search: false), Resource(ResourceType.Location, search: false)],
                },
            ],
        };
    }

    private static IResult Metadata(HttpRequest request, TimeProvider clock) => Fhir(200, Capabilities(BaseUrl(request), clock.GetUtcNow()));

    private static async Task<IResult> Search(HttpRequest request, GemDbContext db, IOfferSchedule schedule, TimeProvider clock, CancellationToken ct)
    {
        var q = request.Query;
        var strict = request.Headers["Prefer"].Any(p => p is not null && p.Replace(" ", "", StringComparison.Ordinal).Contains("handling=strict", StringComparison.OrdinalIgnoreCase));
        var unknown = q.Keys.Where(k => !SearchParameters.Contains(k, StringComparer.Ordinal)).ToList();
        var includes = q["_include"].Where(i => i is not null).Select(i => i!).ToList();
        var unknownIncludes = includes.Where(i => i is not (IncludeOrganization or IncludeLocation)).ToList();
        if (strict && unknown.Count + unknownIncludes.Count > 0)
            return Problem(400, OperationOutcome.IssueType.NotSupported,
                $"Not supported here: {string.Join(", ", unknown.Concat(unknownIncludes.Select(i => "_include=" + i)))}. This server searches HealthcareService by {string.Join(", ", SearchParameters)}; see /fhir/metadata.");
        var count = DefaultCount;
        var offset = 0;
        if (q.ContainsKey("_count") && (!int.TryParse(q["_count"], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
            return Problem(400, OperationOutcome.IssueType.Value, $"_count is a whole number from 1 to {MaxCount}.");
        if (q.ContainsKey("_offset") && !int.TryParse(q["_offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return Problem(400, OperationOutcome.IssueType.Value, "_offset is a whole number from 0.");

        var query = db.Offers.AsNoTracking();
        if (q["_id"].ToString() is { Length: > 0 } idList)
        {
            var ids = idList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            query = query.Where(o => ids.Contains(o.Id));
        }
        if (q["name"].ToString() is { Length: > 0 } name)
        {
            var term = name.Trim().ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(term));
        }
        if (q["service-category"].ToString() is { Length: > 0 } category)
        {
            if (!ImportVocabulary.TryParse<Sector>(Code(category), out var sector))
                return Problem(400, OperationOutcome.IssueType.Value, $"Unknown service-category '{category}'; use one of {string.Join(", ", Enum.GetNames<Sector>())}.");
            query = query.Where(o => o.Partner!.Sector == sector);
        }
        if (q["service-type"].ToString() is { Length: > 0 } type)
        {
            if (!ImportVocabulary.TryParse<OfferFormat>(Code(type), out var format))
                return Problem(400, OperationOutcome.IssueType.Value, $"Unknown service-type '{type}'; use one of {string.Join(", ", Enum.GetNames<OfferFormat>())}.");
            query = query.Where(o => o.Format == format);
        }

        var total = await query.CountAsync(ct);
        var offers = await query.Include(o => o.Partner).OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(offset).Take(count).ToListAsync(ct);
        var sessions = await SessionsAsync(schedule, clock, offers, ct);

        var baseUrl = BaseUrl(request);
        var bundle = new Bundle { Id = Guid.NewGuid().ToString(), Type = Bundle.BundleType.Searchset, Total = total, Meta = new Meta { LastUpdated = clock.GetUtcNow() } };
        // self and next name only the parameters that were used (R4 §3.1.1.4.4), never an ignored one.
        var used = q.Where(p => SearchParameters.Contains(p.Key, StringComparer.Ordinal) && p.Key != "_offset")
            .SelectMany(p => p.Value.Where(v => p.Key != "_include" || v is IncludeOrganization or IncludeLocation).Select(v => $"{p.Key}={Uri.EscapeDataString(v ?? "")}"))
            .ToList();
        string Link(int at) => baseUrl + "/HealthcareService?" + string.Join('&', used.Append(string.Create(CultureInfo.InvariantCulture, $"_offset={at}")));
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Link(offset) });
        if (offset + count < total) bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(offset + count) });
        foreach (var offer in offers)
            bundle.Entry.Add(Entry(baseUrl, HealthcareService(offer, sessions[offer.Id]), Bundle.SearchEntryMode.Match));
        if (includes.Contains(IncludeOrganization))
            foreach (var partner in offers.Select(o => o.Partner!).DistinctBy(p => p.Id))
                bundle.Entry.Add(Entry(baseUrl, Organization(partner), Bundle.SearchEntryMode.Include));
        if (includes.Contains(IncludeLocation))
            foreach (var offer in offers.Where(o => !o.IsOnline))
                bundle.Entry.Add(Entry(baseUrl, Location(offer), Bundle.SearchEntryMode.Include));
        return Fhir(200, bundle);
    }

    private static async Task<IResult> Read(Guid id, GemDbContext db, IOfferSchedule schedule, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return Problem(404, OperationOutcome.IssueType.NotFound, $"HealthcareService/{id} is not known.");
        var sessions = await SessionsAsync(schedule, clock, [offer], ct);
        return Fhir(200, HealthcareService(offer, sessions[id]));
    }

    private static async Task<IResult> ReadOrganization(Guid id, GemDbContext db, CancellationToken ct) =>
        await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } partner
            ? Fhir(200, Organization(partner))
            : Problem(404, OperationOutcome.IssueType.NotFound, $"Organization/{id} is not known.");

    /// <summary>A Location is an offer's place (online offers have none); its id is derived from the offer's (<see cref="HsdsMapper.LocationId"/>).</summary>
    private static async Task<IResult> ReadLocation(Guid id, GemDbContext db, CancellationToken ct)
    {
        var offerId = await HsdsApi.OfferOfLocationAsync(db, id, ct);
        return offerId is not null && await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && !o.IsOnline, ct) is { } offer
            ? Fhir(200, Location(offer))
            : Problem(404, OperationOutcome.IssueType.NotFound, $"Location/{id} is not known.");
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";

    public static HealthcareService HealthcareService(Offer o, IEnumerable<ScheduledSession> sessions)
    {
        var service = new HealthcareService
        {
            Id = o.Id.ToString(),
            Meta = new Meta { LastUpdated = o.UpdatedAt },
            Active = true,
            Name = o.Name,
            ExtraDetails = string.IsNullOrWhiteSpace(o.Description) ? null : o.Description,
            AppointmentRequired = o.FlowPolicy == FlowPolicy.Cohort,
        };
        if (o.Partner is { } partner)
        {
            service.ProvidedBy = new ResourceReference("Organization/" + partner.Id, partner.Name);
            service.Category.Add(Concept(SectorSystem, partner.Sector));
        }
        service.Type.Add(Concept(FormatSystem, o.Format));
        foreach (var domain in o.LifeDomains.Each()) service.Characteristic.Add(Concept(HsdsTerms.Taxonomy(HsdsTerms.LifeDomain), domain));
        foreach (var dimension in o.Dimensions.Each()) service.Characteristic.Add(Concept(HsdsTerms.Taxonomy(HsdsTerms.Dimension), dimension));
        foreach (var role in o.Facilitators.Each()) service.Characteristic.Add(Concept(HsdsTerms.Taxonomy(HsdsTerms.Facilitator), role));
        service.Characteristic.Add(Concept(HsdsTerms.Taxonomy(HsdsTerms.FlowPolicy), o.FlowPolicy));
        service.Program.Add(new CodeableConcept { Text = ImportVocabulary.Dutch(o.FlowPolicy) });
        service.Eligibility.Add(new HealthcareService.EligibilityComponent
        {
            Code = Concept(HsdsTerms.Taxonomy(HsdsTerms.Access), o.Access),
            Comment = o.Access == Access.NoReferral ? "Zonder verwijzing: je kunt zelf beginnen." : "Met verwijzing.",
        });
        service.ServiceProvisionCode.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/service-provision-conditions",
            o.CostEuros is > 0 ? "cost" : "free", o.CostEuros is > 0 ? "Fees apply" : "Free"));
        if (!o.IsOnline) service.Location.Add(new ResourceReference("Location/" + HsdsMapper.LocationId(o.Id), o.Address));
        if (!string.IsNullOrWhiteSpace(o.ContactPhone)) service.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, o.ContactPhone.Trim()));
        if (!string.IsNullOrWhiteSpace(o.ContactEmail)) service.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, o.ContactEmail.Trim()));
        if (o.IsOnline && !string.IsNullOrWhiteSpace(o.OnlineUrl)) service.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Url, ContactPoint.ContactPointUse.Work, o.OnlineUrl.Trim()));
        foreach (var code in o.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            service.Communication.Add(new CodeableConcept("urn:ietf:bcp:47", code));

        // Weekly pattern of the coming sessions (local time), e.g. "Tuesday 19:00–21:00".
        foreach (var slot in sessions.Select(s => (Start: TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone), End: TimeZoneInfo.ConvertTime(s.End, LocalTime.Zone)))
                     .Where(s => s.Start.Date == s.End.Date)
                     .Select(s => (Day: s.Start.DayOfWeek, From: s.Start.ToString("HH:mm:ss", CultureInfo.InvariantCulture), To: s.End.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))
                     .Distinct().OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.From, StringComparer.Ordinal))
        {
            service.AvailableTime.Add(new HealthcareService.AvailableTimeComponent
            {
                DaysOfWeek = [Day(slot.Day)],
                AvailableStartTime = slot.From,
                AvailableEndTime = slot.To,
            });
        }
        return service;
    }

    public static FhirOrganization Organization(Partner p)
    {
        var organization = new FhirOrganization { Id = p.Id.ToString(), Active = true, Name = p.Name };
        organization.Type.Add(Concept(SectorSystem, p.Sector));
        if (p.CharterVersion is { } version)
        {
            // The values-charter version this organisation signed and when (issue 16, decision 851).
            organization.Extension.Add(new Extension(ValuesCharterExtension, new Integer(version)));
            if (p.ValuesSignedOn is { } signed) organization.Extension.Add(new Extension(ValuesCharterExtension + "-signed", new Date(signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }
        if (!string.IsNullOrWhiteSpace(p.Phone)) organization.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, p.Phone.Trim()));
        if (!string.IsNullOrWhiteSpace(p.Email)) organization.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, p.Email.Trim()));
        if (!string.IsNullOrWhiteSpace(p.Website)) organization.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Url, ContactPoint.ContactPointUse.Work, p.Website.Trim()));
        if (!string.IsNullOrWhiteSpace(p.Address) || !string.IsNullOrWhiteSpace(p.City))
            organization.Address.Add(Address(p.Address, p.City, p.Pc4));
        return organization;
    }

    public static FhirLocation Location(Offer o)
    {
        var location = new FhirLocation
        {
            Id = HsdsMapper.LocationId(o.Id).ToString(),
            Status = FhirLocation.LocationStatus.Active,
            Mode = FhirLocation.LocationMode.Instance,
            Name = string.Join(", ", new[] { o.Address, o.City }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Address = Address(o.Address, o.City, o.Pc4),
            ManagingOrganization = new ResourceReference("Organization/" + o.PartnerId),
        };
        if (o.Latitude is { } lat && o.Longitude is { } lon)
            location.Position = new FhirLocation.PositionComponent { Latitude = (decimal)lat, Longitude = (decimal)lon };
        return location;
    }

    public static string Serialize(Resource resource) => new FhirJsonSerializer().SerializeToString(resource);

    private static Address Address(string? line, string? city, string? pc4)
    {
        var address = new Address { Use = Hl7.Fhir.Model.Address.AddressUse.Work, City = city, PostalCode = pc4, Country = "NL" };
        if (!string.IsNullOrWhiteSpace(line)) address.Line = [line];
        return address;
    }

    private static CodeableConcept Concept(string system, Enum value) =>
        new(system, value.ToString(), ImportVocabulary.Dutch(value), ImportVocabulary.Dutch(value));

    private static string Code(string token) => token.Contains('|', StringComparison.Ordinal) ? token[(token.LastIndexOf('|') + 1)..] : token;

    private static DaysOfWeek? Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DaysOfWeek.Mon,
        DayOfWeek.Tuesday => DaysOfWeek.Tue,
        DayOfWeek.Wednesday => DaysOfWeek.Wed,
        DayOfWeek.Thursday => DaysOfWeek.Thu,
        DayOfWeek.Friday => DaysOfWeek.Fri,
        DayOfWeek.Saturday => DaysOfWeek.Sat,
        _ => DaysOfWeek.Sun,
    };

    private static Bundle.EntryComponent Entry(string baseUrl, Resource resource, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
        Resource = resource,
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    private static IResult Fhir(int status, Resource resource) =>
        TypedResults.Text(Serialize(resource), ContentType, Encoding.UTF8, status);

    private static IResult Problem(int status, OperationOutcome.IssueType type, string message)
    {
        var outcome = new OperationOutcome();
        outcome.Issue.Add(new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = message });
        return Fhir(status, outcome);
    }

    /// <summary>The next four weeks' sessions, for <c>availableTime</c>.</summary>
    private static Task<ILookup<Guid, ScheduledSession>> SessionsAsync(IOfferSchedule schedule, TimeProvider clock, IReadOnlyCollection<Offer> offers, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return schedule.ComingAsync(offers, now, now.AddDays(28), ct: ct);
    }
}
