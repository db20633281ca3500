using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Gem.Web.Atlas.Interop;

namespace Gem.Web.Atlas;

/// <summary>
/// Open Referral HSDS 3.0 read API (docs/decisions/201): services, organizations and locations of the atlas in
/// HSDS's paged envelope. Every offer is a service; its partner the organization; its place (or its web link) a location.
/// </summary>
public static class HsdsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
    /// <summary>Upcoming sessions shown as schedules per service.</summary>
    public const int SchedulesPerService = 8;

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hsds").WithTags("HSDS");
        api.MapGet("/services", ListServices);
        api.MapGet("/services/{id:guid}", GetService);
        api.MapGet("/organizations", ListOrganizations);
        api.MapGet("/organizations/{id:guid}", GetOrganization);
        api.MapGet("/locations", ListLocations);
        api.MapGet("/locations/{id:guid}", GetLocation);
        return app;
    }

    public sealed record PageParameters(int? Page, int? PerPage, string? Search)
    {
        public (int Page, int Size) Validated()
        {
            var errors = new Dictionary<string, string[]>();
            if (Page is < 1) errors["page"] = ["page starts at 1."];
            if (PerPage is < 1 or > MaxPageSize) errors["per_page"] = [$"per_page is from 1 to {MaxPageSize}."];
            if (errors.Count > 0) throw new ValidationException(errors);
            return (Page ?? 1, PerPage ?? DefaultPageSize);
        }
    }

    private static async Task<JsonHttpResult<HsdsPage<HsdsService>>> ListServices(int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "per_page")] int? perPage, string? search,
        GemDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (number, size) = new PageParameters(page, perPage, search).Validated();
        var query = db.Offers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.Description.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var offers = await query.Include(o => o.Partner).OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var sessions = await UpcomingSessionsAsync(db, clock, offers.Select(o => o.Id).ToList(), ct);
        var services = offers.Select(o => HsdsMapper.Service(o, sessions[o.Id])).ToList();
        return TypedResults.Json(Page(services, total, number, size), HsdsMapper.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsService>, NotFound>> GetService(Guid id, GemDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return TypedResults.NotFound();
        var sessions = await UpcomingSessionsAsync(db, clock, [id], ct);
        return TypedResults.Json(HsdsMapper.Service(offer, sessions[id]), HsdsMapper.Options);
    }

    private static async Task<JsonHttpResult<HsdsPage<HsdsOrganization>>> ListOrganizations(int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "per_page")] int? perPage, string? search,
        GemDbContext db, CancellationToken ct)
    {
        var (number, size) = new PageParameters(page, perPage, search).Validated();
        var query = db.Partners.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Description.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var partners = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Json(Page(partners.Select(HsdsMapper.Organization).ToList(), total, number, size), HsdsMapper.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsOrganization>, NotFound>> GetOrganization(Guid id, GemDbContext db, CancellationToken ct) =>
        await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } partner
            ? TypedResults.Json(HsdsMapper.Organization(partner), HsdsMapper.Options)
            : TypedResults.NotFound();

    private static async Task<JsonHttpResult<HsdsPage<HsdsLocation>>> ListLocations(int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "per_page")] int? perPage, string? search,
        GemDbContext db, CancellationToken ct)
    {
        var (number, size) = new PageParameters(page, perPage, search).Validated();
        var query = db.Offers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(o => (o.Address != null && o.Address.ToLower().Contains(term)) || (o.City != null && o.City.ToLower().Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var offers = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Json(Page(offers.Select(HsdsMapper.Location).ToList(), total, number, size), HsdsMapper.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsLocation>, NotFound>> GetLocation(Guid id, GemDbContext db, CancellationToken ct)
    {
        var offerId = HsdsMapper.OfferIdOfLocation(id);
        return await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct) is { } offer
            ? TypedResults.Json(HsdsMapper.Location(offer), HsdsMapper.Options)
            : TypedResults.NotFound();
    }

    private static HsdsPage<T> Page<T>(IReadOnlyList<T> contents, int total, int number, int size)
    {
        var pages = (int)Math.Ceiling(total / (double)size);
        return new HsdsPage<T>(total, pages, number, contents.Count, number == 1, number >= pages, contents.Count == 0, contents);
    }

    private static async Task<ILookup<Guid, Session>> UpcomingSessionsAsync(GemDbContext db, TimeProvider clock, List<Guid> offerIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking().Where(s => offerIds.Contains(s.OfferId) && s.Start >= now).ToListAsync(ct);
        return sessions.GroupBy(s => s.OfferId).SelectMany(g => g.OrderBy(s => s.Start).Take(SchedulesPerService)).ToLookup(s => s.OfferId);
    }
}
