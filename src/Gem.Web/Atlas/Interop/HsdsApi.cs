using System.Globalization;
using System.Linq.Expressions;
using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Gem.Web.Atlas.Interop;

namespace Gem.Web.Atlas;

/// <summary>
/// Open Referral HSDS 3.1 read API (docs/decisions/201, docs/hsds.md): the required root, services, organizations and
/// locations of the atlas in HSDS's paged envelope. Every filter of the HSDS API reference is implemented or refused
/// with a 400 ProblemDetails; a parameter the API does not know is refused too, never ignored.
/// </summary>
public static class HsdsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
    /// <summary>Upcoming sessions shown as schedules per service.</summary>
    public const int SchedulesPerService = 8;
    public const string Profile = "https://docs.openreferral.org/en/latest/hsds/schema_reference.html";

    private static readonly string[] PageKeys = ["page", "per_page", "search", "format"];
    private static readonly string[] ServiceKeys = [.. PageKeys, "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "minimal", "full", "postcode", "proximity"];
    private static readonly string[] OrganizationKeys = [.. PageKeys, "taxonomy_term_id", "taxonomy_id", "full", "full_service"];

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hsds").WithTags("HSDS");
        api.MapGet("/", Root);
        api.MapGet("/services", ListServices).Produces<HsdsPage<HsdsService>>().ProducesValidationProblem();
        api.MapGet("/services/{id:guid}", GetService);
        api.MapGet("/organizations", ListOrganizations).ProducesValidationProblem();
        api.MapGet("/organizations/{id:guid}", GetOrganization).ProducesValidationProblem();
        api.MapGet("/locations", ListLocations).ProducesValidationProblem();
        api.MapGet("/locations/{id:guid}", GetLocation);
        return app;
    }

    private static JsonHttpResult<HsdsApiDetails> Root(HttpRequest request) =>
        TypedResults.Json(new HsdsApiDetails(HsdsMapper.Version, Profile, $"{request.Scheme}://{request.Host}{request.PathBase}/openapi/v1.json"), HsdsMapper.Options);

    /// <summary>The query as HSDS names it; <c>search</c> is full text over name and description.</summary>
    public sealed record ServiceQuery(
        int? Page, [FromQuery(Name = "per_page")] int? PerPage, string? Search, string? Format,
        [FromQuery(Name = "taxonomy_term_id")] Guid? TaxonomyTermId, [FromQuery(Name = "taxonomy_id")] Guid? TaxonomyId,
        [FromQuery(Name = "organization_id")] Guid? OrganizationId, [FromQuery(Name = "modified_after")] DateTimeOffset? ModifiedAfter,
        bool? Minimal, bool? Full, string? Postcode, string? Proximity);

    private static async Task<IResult> ListServices([AsParameters] ServiceQuery q, HttpRequest request, GemDbContext db, IOfferSchedule schedule, TimeProvider clock, CancellationToken ct)
    {
        Refuse(request, ServiceKeys);
        var (number, size) = Paging(q.Page, q.PerPage, q.Format);
        var errors = new Dictionary<string, string[]>();
        if (q.Postcode is not null) errors["postcode"] = ["Service areas are not published; search by place with /api/atlas/offers?near=PC4&maxKm=… instead."];
        if (q.Proximity is not null) errors["proximity"] = ["Not supported; use /api/atlas/offers?near=PC4&maxKm=… for distance."];
        if (q.Full == false) errors["full"] = ["Services are always returned fully nested; use minimal=true for ids and modification times only."];
        if (errors.Count > 0) throw new ValidationException(errors);

        // An incremental sync (modified_after) also gets archived (deleted) services, as status "defunct", so it can drop them.
        var query = q.ModifiedAfter is { } after
            ? db.Offers.IgnoreQueryFilters().AsNoTracking().Where(o => o.UpdatedAt >= after.ToUniversalTime())
            : db.Offers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.Description.ToLower().Contains(term));
        }
        if (q.OrganizationId is { } organization) query = query.Where(o => o.PartnerId == organization);
        if (q.TaxonomyTermId is { } termId) query = query.Where(Terms.Value.TryGetValue(termId, out var has) ? has : o => false);
        if (q.TaxonomyId is { } taxonomyId) query = query.Where(Taxonomies.Value.TryGetValue(taxonomyId, out var has) ? has : o => false);

        var total = await query.CountAsync(ct);
        var ordered = query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size);
        if (q.Minimal == true)
            return TypedResults.Json(Page((await ordered.ToListAsync(ct)).Select(HsdsMapper.Minimal).ToList(), total, number, size), HsdsMapper.Options);
        var offers = await ordered.Include(o => o.Partner).ToListAsync(ct);
        var sessions = await UpcomingSessionsAsync(schedule, clock, offers, ct);
        var now = clock.GetUtcNow();
        var services = offers.Select(o => HsdsMapper.Service(o, sessions[o.Id], now)).ToList();
        return TypedResults.Json(Page(services, total, number, size), HsdsMapper.Options);
    }

    /// <summary>A service by id; an archived one answers with status <c>defunct</c> rather than 404, so a consumer learns it is gone.</summary>
    private static async Task<Results<JsonHttpResult<HsdsService>, NotFound<ProblemDetails>>> GetService(Guid id, GemDbContext db, IOfferSchedule schedule, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.IgnoreQueryFilters().AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return NotFound("service", id);
        var sessions = await UpcomingSessionsAsync(schedule, clock, [offer], ct);
        return TypedResults.Json(HsdsMapper.Service(offer, sessions[id], clock.GetUtcNow()), HsdsMapper.Options);
    }

    public sealed record OrganizationQuery(
        int? Page, [FromQuery(Name = "per_page")] int? PerPage, string? Search, string? Format,
        [FromQuery(Name = "taxonomy_term_id")] Guid? TaxonomyTermId, [FromQuery(Name = "taxonomy_id")] Guid? TaxonomyId,
        bool? Full, [FromQuery(Name = "full_service")] bool? FullService);

    private static async Task<JsonHttpResult<HsdsPage<HsdsOrganization>>> ListOrganizations([AsParameters] OrganizationQuery q, HttpRequest request,
        GemDbContext db, CancellationToken ct)
    {
        Refuse(request, OrganizationKeys);
        var (number, size) = Paging(q.Page, q.PerPage, q.Format);
        RefuseNesting(q.Full, q.FullService);
        var query = db.Partners.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Description.ToLower().Contains(term));
        }
        // Organizations carry one term: their sector.
        if (q.TaxonomyTermId is { } termId)
        {
            var sector = Enum.GetValues<Sector>().Cast<Sector?>().FirstOrDefault(s => HsdsTerms.TermId(HsdsTerms.Sector, s.ToString()!) == termId);
            query = sector is { } found ? query.Where(p => p.Sector == found) : query.Where(p => false);
        }
        if (q.TaxonomyId is { } taxonomyId && taxonomyId != HsdsTerms.TaxonomyId(HsdsTerms.Sector)) query = query.Where(p => false);
        var total = await query.CountAsync(ct);
        var partners = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Json(Page(partners.Select(HsdsMapper.Organization).ToList(), total, number, size), HsdsMapper.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsOrganization>, NotFound<ProblemDetails>>> GetOrganization(Guid id,
        [FromQuery(Name = "full_service")] bool? fullService, HttpRequest request, GemDbContext db, CancellationToken ct)
    {
        Refuse(request, ["full_service"]);
        RefuseNesting(null, fullService);
        return await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } partner
            ? TypedResults.Json(HsdsMapper.Organization(partner), HsdsMapper.Options)
            : NotFound("organization", id);
    }

    public sealed record PageQuery(int? Page, [FromQuery(Name = "per_page")] int? PerPage, string? Search, string? Format);

    private static async Task<JsonHttpResult<HsdsPage<HsdsLocation>>> ListLocations([AsParameters] PageQuery q, HttpRequest request,
        GemDbContext db, CancellationToken ct)
    {
        Refuse(request, PageKeys);
        var (number, size) = Paging(q.Page, q.PerPage, q.Format);
        var query = db.Offers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLowerInvariant();
            query = query.Where(o => (o.Address != null && o.Address.ToLower().Contains(term)) || (o.City != null && o.City.ToLower().Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var offers = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Json(Page(offers.Select(HsdsMapper.Location).ToList(), total, number, size), HsdsMapper.Options);
    }

    /// <summary>A location's id is derived one-way from its offer's (uuid v5), so the offer is found by deriving from each offer id.</summary>
    private static async Task<Results<JsonHttpResult<HsdsLocation>, NotFound<ProblemDetails>>> GetLocation(Guid id, GemDbContext db, CancellationToken ct)
    {
        var offerId = await OfferOfLocationAsync(db, id, ct);
        return offerId is not null && await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct) is { } offer
            ? TypedResults.Json(HsdsMapper.Location(offer), HsdsMapper.Options)
            : NotFound("location", id);
    }

    /// <summary>The offer whose location has this id; shared with FHIR's Location read.</summary>
    public static async Task<Guid?> OfferOfLocationAsync(GemDbContext db, Guid locationId, CancellationToken ct)
    {
        var ids = await db.Offers.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        return ids.Cast<Guid?>().FirstOrDefault(o => HsdsMapper.LocationId(o!.Value) == locationId);
    }

    private static (int Page, int Size) Paging(int? page, int? perPage, string? format)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["page starts at 1."];
        if (perPage is < 1 or > MaxPageSize) errors["per_page"] = [$"per_page is from 1 to {MaxPageSize}."];
        if (format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            errors["format"] = ["Only format=json is offered (no ndjson stream); page through the results instead."];
        if (errors.Count > 0) throw new ValidationException(errors);
        return (page ?? 1, perPage ?? DefaultPageSize);
    }

    private static void RefuseNesting(bool? full, bool? fullService)
    {
        if (full == true || fullService == true)
            throw new ValidationException(full == true ? "full" : "full_service",
                "Organizations are returned without their services; list them with /api/hsds/services?organization_id=… instead.");
    }

    /// <summary>A query parameter this endpoint does not know is refused (400), so a filter is never silently ignored.</summary>
    private static void Refuse(HttpRequest request, IReadOnlyCollection<string> known)
    {
        var unknown = request.Query.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException(unknown.ToDictionary(k => k, k => new[] { $"'{k}' is not a parameter of this endpoint; it takes {string.Join(", ", known)}." }));
    }

    private static NotFound<ProblemDetails> NotFound(string what, Guid id) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"No {what} with id {id}." });

    /// <summary>Each taxonomy term an offer can carry, as a filter on offers (the same terms the mapper writes as attributes).</summary>
    private static readonly Lazy<Dictionary<Guid, Expression<Func<Offer, bool>>>> Terms = new(() =>
    {
        var terms = new Dictionary<Guid, Expression<Func<Offer, bool>>>();
        foreach (var v in Enum.GetValues<OfferFormat>()) terms[HsdsTerms.TermId(HsdsTerms.Format, v.ToString())] = o => o.Format == v;
        foreach (var v in Enum.GetValues<LifeDomains>().Where(v => v != 0)) terms[HsdsTerms.TermId(HsdsTerms.LifeDomain, v.ToString())] = o => (o.LifeDomains & v) != 0;
        foreach (var v in Enum.GetValues<Dimensions>().Where(v => v != 0)) terms[HsdsTerms.TermId(HsdsTerms.Dimension, v.ToString())] = o => (o.Dimensions & v) != 0;
        foreach (var v in Enum.GetValues<FacilitatorRoles>().Where(v => v != 0)) terms[HsdsTerms.TermId(HsdsTerms.Facilitator, v.ToString())] = o => (o.Facilitators & v) != 0;
        foreach (var v in Enum.GetValues<FlowPolicy>()) terms[HsdsTerms.TermId(HsdsTerms.FlowPolicy, v.ToString())] = o => o.FlowPolicy == v;
        foreach (var v in Enum.GetValues<Access>()) terms[HsdsTerms.TermId(HsdsTerms.Access, v.ToString())] = o => o.Access == v;
        foreach (var v in Enum.GetValues<Sector>()) terms[HsdsTerms.TermId(HsdsTerms.Sector, v.ToString())] = o => o.Partner!.Sector == v;
        terms[HsdsTerms.TermId(HsdsTerms.Capacity, "capacity")] = o => o.Capacity != null;
        return terms;
    });

    /// <summary>Each taxonomy, as "the offer carries a term of it".</summary>
    private static readonly Lazy<Dictionary<Guid, Expression<Func<Offer, bool>>>> Taxonomies = new(() => new()
    {
        [HsdsTerms.TaxonomyId(HsdsTerms.Format)] = o => true,
        [HsdsTerms.TaxonomyId(HsdsTerms.FlowPolicy)] = o => true,
        [HsdsTerms.TaxonomyId(HsdsTerms.Access)] = o => true,
        [HsdsTerms.TaxonomyId(HsdsTerms.LifeDomain)] = o => o.LifeDomains != 0,
        [HsdsTerms.TaxonomyId(HsdsTerms.Dimension)] = o => o.Dimensions != 0,
        [HsdsTerms.TaxonomyId(HsdsTerms.Facilitator)] = o => o.Facilitators != 0,
        [HsdsTerms.TaxonomyId(HsdsTerms.Capacity)] = o => o.Capacity != null,
    });

    private static HsdsPage<T> Page<T>(IReadOnlyList<T> contents, int total, int number, int size)
    {
        var pages = (int)Math.Ceiling(total / (double)size);
        return new HsdsPage<T>(total, pages, number, contents.Count, number == 1, number >= pages, contents.Count == 0, contents);
    }

    private static async Task<ILookup<Guid, ScheduledSession>> UpcomingSessionsAsync(IOfferSchedule schedule, TimeProvider clock, IReadOnlyCollection<Offer> offers, CancellationToken ct)
    {
        var sessions = await schedule.ComingAsync(offers, clock.GetUtcNow(), ct: ct);
        return sessions.SelectMany(g => g.Take(SchedulesPerService)).ToLookup(s => s.OfferId);
    }
}
