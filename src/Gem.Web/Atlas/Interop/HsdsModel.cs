using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;

namespace Gem.Web.Atlas.Interop;

// HSDS 3.1 objects as Gem publishes them (field names snake_case by HsdsMapper.Options; ids are RFC 4122 uuids).
// Only the fields Gem has data for are written; empty ones are left out. See docs/hsds.md.

/// <summary>The API root HSDS requires (<c>GET /</c>): the HSDS version, the profile and where the OpenAPI document is.</summary>
public sealed record HsdsApiDetails(string Version, string Profile, string OpenapiUrl);

/// <summary>A service as <c>minimal=true</c> lists it: enough to decide what to fetch again or to drop.</summary>
public sealed record HsdsMinimalService(Guid Id, string Name, string Status, DateTimeOffset LastModified);

public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record HsdsService(Guid Id, Guid OrganizationId, string Name, string Description, string? Url, string? Email, string Status,
    string? ApplicationProcess, string? FeesDescription, DateTimeOffset LastModified, IReadOnlyList<HsdsPhone> Phones,
    IReadOnlyList<HsdsSchedule> Schedules, IReadOnlyList<HsdsServiceAtLocation> ServiceAtLocations, IReadOnlyList<HsdsLanguage> Languages,
    HsdsOrganization? Organization, IReadOnlyList<HsdsFunding> Funding, IReadOnlyList<HsdsCostOption> CostOptions, IReadOnlyList<HsdsAttribute> Attributes,
    IReadOnlyList<HsdsServiceCapacity> Capacities);

/// <summary>HSDS 3.1 <c>service_capacity</c>: free seats now (<c>available</c>) out of <c>maximum</c>.</summary>
public sealed record HsdsServiceCapacity(Guid Id, Guid ServiceId, HsdsUnit Unit, Guid UnitId, int Available, int? Maximum, string Description, DateTimeOffset Updated);

/// <summary>HSDS 3.1 <c>unit</c>: what a capacity counts.</summary>
public sealed record HsdsUnit(Guid Id, string Name, string Scheme, string Identifier);

public sealed record HsdsOrganization(Guid Id, string Name, string Description, string? Email, string? Website, IReadOnlyList<HsdsPhone> Phones, IReadOnlyList<HsdsAttribute> Attributes);

public sealed record HsdsServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, HsdsLocation Location);

public sealed record HsdsLocation(Guid Id, string LocationType, string? Url, Guid OrganizationId, string Name, double? Latitude, double? Longitude,
    IReadOnlyList<HsdsAddress> Addresses, IReadOnlyList<HsdsAccessibility> Accessibility);

public sealed record HsdsAddress(Guid Id, Guid LocationId, [property: JsonPropertyName("address_1")] string Address1, string City, string? Region,
    string StateProvince, string PostalCode, string Country, string AddressType);

public sealed record HsdsAccessibility(Guid Id, Guid LocationId, string Description);

public sealed record HsdsPhone(Guid Id, Guid? ServiceId, Guid? OrganizationId, string Number, string Type);

public sealed record HsdsLanguage(Guid Id, Guid ServiceId, string Code);

public sealed record HsdsFunding(Guid Id, Guid ServiceId, string Source);

public sealed record HsdsCostOption(Guid Id, Guid ServiceId, string Currency, decimal Amount, string? Option, string AmountDescription);

public sealed record HsdsSchedule(Guid Id, Guid ServiceId, string ValidFrom, string ValidTo, string Dtstart, string OpensAt, string ClosesAt,
    string Description, string AttendingType, string? Notes);

public sealed record HsdsAttribute(Guid Id, Guid LinkId, string LinkType, string LinkEntity, Guid TaxonomyTermId, string? Value, HsdsTaxonomyTerm TaxonomyTerm);

public sealed record HsdsTaxonomyTerm(Guid Id, string Code, string Name, string Description, string Taxonomy, Guid TaxonomyId, string Language);

/// <summary>Maps the atlas to HSDS 3.1. Child ids are RFC 4122 version 5 uuids from the parent's id (<see cref="HsdsTerms.Derive"/>), so they are stable.</summary>
public static class HsdsMapper
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public const string Version = "3.1";
    /// <summary>The unit of every capacity: a seat (a place in the group).</summary>
    public static readonly HsdsUnit Seat = new(HsdsTerms.StableId("unit:seat"), "plaats (seat)", "urn:gem:atlas:unit", "seat");

    public static Guid LocationId(Guid offerId) => HsdsTerms.Derive(offerId, "location");
    /// <summary>The capacity of one session (schedule) has the id derived from the schedule's id, so a consumer can pair them.</summary>
    public static Guid ScheduleCapacityId(Guid scheduleId) => HsdsTerms.Derive(scheduleId, "service_capacity");

    /// <summary>HSDS status: an archived (deleted) offer is <c>defunct</c>, so a consumer that syncs drops it.</summary>
    public static string Status(Offer o) => o.ArchivedAt is null ? "active" : "defunct";

    /// <summary>How far ahead free seats are published: as far as the front door looks (8 weeks).</summary>
    public static readonly TimeSpan CapacityHorizon = TimeSpan.FromDays(56);

    public static HsdsMinimalService Minimal(Offer o) => new(o.Id, o.Name, Status(o), o.UpdatedAt);

    public static HsdsService Service(Offer o, IEnumerable<ScheduledSession> sessions, DateTimeOffset now)
    {
        var id = o.Id;
        var upcoming = sessions.Where(s => s.CancelledAt is null).OrderBy(s => s.Start).ToList();
        var free = o.Partner is null ? null : upcoming.Where(s => s.Start >= now && s.Start < now + CapacityHorizon).ToList();
        var attributes = new List<HsdsAttribute> { Term(id, "service", HsdsTerms.Format, o.Format) };
        attributes.AddRange(o.LifeDomains.Each().Select(d => Term(id, "service", HsdsTerms.LifeDomain, d)));
        attributes.AddRange(o.Dimensions.Each().Select(d => Term(id, "service", HsdsTerms.Dimension, d)));
        attributes.AddRange(o.Facilitators.Each().Select(f => Term(id, "service", HsdsTerms.Facilitator, f)));
        attributes.Add(Term(id, "service", HsdsTerms.FlowPolicy, o.FlowPolicy));
        attributes.Add(Term(id, "service", HsdsTerms.Access, o.Access));
        if (o.Capacity is { } seats)
            attributes.Add(Attribute(id, "service", HsdsTerms.Capacity, "capacity", "capaciteit", "seats per session", seats.ToString(CultureInfo.InvariantCulture)));

        return new HsdsService(
            id, o.PartnerId, o.Name, o.Description,
            Url: o.IsOnline ? AbsoluteUrl(o.OnlineUrl) : null,
            Email: Email(o.ContactEmail),
            Status: Status(o),
            ApplicationProcess: ApplicationProcess(o),
            FeesDescription: Fees(o),
            LastModified: o.UpdatedAt,
            Phones: string.IsNullOrWhiteSpace(o.ContactPhone) ? [] : [new HsdsPhone(HsdsTerms.Derive(id, "phone"), id, null, o.ContactPhone.Trim(), "voice")],
            Schedules: upcoming.Select(s => Schedule(o, s, free?.FirstOrDefault(c => c.Id == s.Id)?.Free)).ToList(),
            ServiceAtLocations: [new HsdsServiceAtLocation(HsdsTerms.Derive(id, "service_at_location"), id, LocationId(id), Location(o))],
            Languages: o.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(code => new HsdsLanguage(HsdsTerms.Derive(id, "language:" + code), id, code)).ToList(),
            Organization: o.Partner is null ? null : Organization(o.Partner),
            Funding: [new HsdsFunding(HsdsTerms.Derive(id, "funding"), id, ImportVocabulary.Dutch(o.Funding))],
            CostOptions: o.CostEuros is { } euros
                ? [new HsdsCostOption(HsdsTerms.Derive(id, "cost_option"), id, "EUR", euros, ImportVocabulary.Dutch(o.Funding), "per bijeenkomst of cursus")]
                : [],
            Attributes: attributes,
            Capacities: Capacities(o, free));
    }

    /// <summary>
    /// Free seats the HSDS 3.1 way: one <c>service_capacity</c> for the service (rolling groups: places in the group; open groups
    /// and courses: the next session one can sign up for) and one per schedule (session), id <see cref="ScheduleCapacityId"/>.
    /// Offers without a seat limit have none. The seat and join rules are Groups' (free seats and join points come with the
    /// <see cref="ScheduledSession"/>); like the front door,
    /// capacities look <see cref="CapacityHorizon"/> ahead.
    /// </summary>
    private static List<HsdsServiceCapacity> Capacities(Offer o, List<ScheduledSession>? sessions)
    {
        var result = new List<HsdsServiceCapacity>();
        if (sessions is null) return result;
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        var joinable = sessions.Where(s => s.Free is not null && s.IsJoinPoint).ToList();
        if (o.FlowPolicy == FlowPolicy.Rolling && o.Capacity is { } members)
            result.Add(new HsdsServiceCapacity(HsdsTerms.Derive(o.Id, "service_capacity"), o.Id, Seat, Seat.Id, Math.Max(0, members - o.MembersTaken), members,
                "Vrije plaatsen in de groep (je blijft zolang het helpt)", o.UpdatedAt));
        else if (joinable.FirstOrDefault() is { Free: { } free } session)
            result.Add(new HsdsServiceCapacity(HsdsTerms.Derive(o.Id, "service_capacity"), o.Id, Seat, Seat.Id, free, session.Seats ?? o.Capacity,
                "Vrije plaatsen bij de eerstvolgende bijeenkomst: " + Local(session.Start).ToString("dddd d MMMM yyyy HH:mm", nl), o.UpdatedAt));
        foreach (var session in joinable)
            result.Add(new HsdsServiceCapacity(ScheduleCapacityId(session.Id), o.Id, Seat, Seat.Id, session.Free!.Value,
                o.FlowPolicy == FlowPolicy.Rolling ? o.Capacity : session.Seats ?? o.Capacity,
                $"Vrije plaatsen op {Local(session.Start).ToString("dddd d MMMM yyyy HH:mm", nl)} (schedule {session.Id})", o.UpdatedAt));
        return result;
    }

    private static DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Gem.Core.Common.LocalTime.Zone);

    public static HsdsOrganization Organization(Partner p) => new(
        p.Id, p.Name, p.Description, Email(p.Email), AbsoluteUrl(p.Website),
        string.IsNullOrWhiteSpace(p.Phone) ? [] : [new HsdsPhone(HsdsTerms.Derive(p.Id, "phone"), null, p.Id, p.Phone.Trim(), "voice")],
        p.CharterVersion is { } version
            ? [Term(p.Id, "organization", HsdsTerms.Sector, p.Sector), Attribute(p.Id, "organization", HsdsTerms.ValuesCharter, "version_" + version.ToString(CultureInfo.InvariantCulture),
                "Waardenhandvest versie " + version.ToString(CultureInfo.InvariantCulture), "Values charter version " + version.ToString(CultureInfo.InvariantCulture),
                p.ValuesSignedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]
            : [Term(p.Id, "organization", HsdsTerms.Sector, p.Sector)]);

    public static HsdsLocation Location(Offer o)
    {
        var locationId = LocationId(o.Id);
        IReadOnlyList<HsdsAccessibility> accessibility = string.IsNullOrWhiteSpace(o.Accessibility)
            ? [] : [new HsdsAccessibility(HsdsTerms.Derive(o.Id, "accessibility"), locationId, o.Accessibility.Trim())];
        if (o.IsOnline)
            return new HsdsLocation(locationId, "virtual", AbsoluteUrl(o.OnlineUrl), o.PartnerId, "Online", null, null, [], accessibility);
        var area = Pc4Directory.Find(o.Pc4);
        var city = o.City ?? area?.Place ?? "";
        var address = new HsdsAddress(HsdsTerms.Derive(o.Id, "address"), locationId, o.Address ?? "", city, area?.Gemeente,
            StateProvince: Provinces.Of(area?.Gemeente) ?? "", PostalCode: o.Pc4 ?? "", Country: "NL", AddressType: "physical");
        return new HsdsLocation(locationId, "physical", null, o.PartnerId,
            string.Join(", ", new[] { o.Address, city }.Where(s => !string.IsNullOrWhiteSpace(s))),
            o.Latitude, o.Longitude, [address], accessibility);
    }

    private static HsdsSchedule Schedule(Offer o, ScheduledSession s, int? freeSeats)
    {
        var start = TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone);
        var end = TimeZoneInfo.ConvertTime(s.End, LocalTime.Zone);
        var day = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var online = !string.IsNullOrWhiteSpace(s.OnlineUrl) || (o.IsOnline && string.IsNullOrWhiteSpace(s.Place));
        return new HsdsSchedule(s.Id, o.Id, day, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day,
            start.ToString("HH:mmzzz", CultureInfo.InvariantCulture), end.ToString("HH:mmzzz", CultureInfo.InvariantCulture),
            "Bijeenkomst op " + start.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("nl-NL")) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture)
                + (string.IsNullOrWhiteSpace(s.Place) ? "" : ", " + s.Place),
            online ? "online" : "in person",
            Notes: freeSeats is { } free ? string.Create(CultureInfo.InvariantCulture, $"Vrije plaatsen: {free} (see capacities, id {ScheduleCapacityId(s.Id)})") : null);
    }

    private static HsdsAttribute Term(Guid linkId, string entity, string vocabulary, Enum value) =>
        Attribute(linkId, entity, vocabulary, value.ToString(), ImportVocabulary.Dutch(value), ImportVocabulary.English(value), null);

    private static HsdsAttribute Attribute(Guid linkId, string entity, string vocabulary, string code, string name, string description, string? value)
    {
        var termId = HsdsTerms.TermId(vocabulary, code);
        return new HsdsAttribute(HsdsTerms.Derive(linkId, $"attribute:{vocabulary}:{code}"), linkId, vocabulary, entity, termId, value,
            new HsdsTaxonomyTerm(termId, code, name, description, HsdsTerms.Taxonomy(vocabulary), HsdsTerms.TaxonomyId(vocabulary), "nl"));
    }

    private static string ApplicationProcess(Offer o)
    {
        var access = o.Access == Access.NoReferral ? "Je kunt zonder verwijzing beginnen." : "Je hebt een verwijzing nodig.";
        var flow = o.FlowPolicy switch
        {
            FlowPolicy.Open => "Je kunt naar elke bijeenkomst komen.",
            FlowPolicy.Rolling => "Je kunt elke week instappen, blijven zolang het helpt, even stoppen en terugkomen.",
            _ => "De groep begint op een vaste datum.",
        };
        return access + " " + flow;
    }

    private static string Fees(Offer o) => o.CostEuros is > 0 and var euros
        ? string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"Eigen bijdrage {euros:C} ({ImportVocabulary.Dutch(o.Funding)}).")
        : o.Funding is Funding.Free or Funding.Own ? "Gratis." : $"Voor jou gratis (vergoed uit de {ImportVocabulary.Dutch(o.Funding).ToUpperInvariant()}).";

    private static string? AbsoluteUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? url!.Trim() : null;

    private static string? Email(string? email) =>
        email?.Trim() is { Length: > 2 } e && e.IndexOf('@', StringComparison.Ordinal) > 0 && !e.Contains(' ', StringComparison.Ordinal) ? e : null;
}
