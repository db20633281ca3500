using System.Security.Claims;
using System.Text.Json.Serialization;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Atlas;

public static class AtlasApi
{
    public static IEndpointRouteBuilder MapAtlasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/atlas").WithTags("Atlas");
        api.MapGet("/offers", SearchOffers);
        api.MapGet("/offers/{id:guid}", GetOffer);
        api.MapGet("/partners", ListPartners);
        api.MapGet("/partners/{id:guid}", GetPartner);

        var staff = api.MapGroup("").RequireAuthorization(IdentitySetup.StaffPolicy);
        staff.MapPost("/partners/{partnerId:guid}/offers", CreateOffer);
        staff.MapPut("/offers/{id:guid}", UpdateOffer);
        return app;
    }

    public sealed record SearchParameters(string? Q, string? LifeDomains, string? Dimensions, OfferFormat? Format,
        Sector? Sector, string? Near, double? MaxKm, DayOfWeek? Day, bool? Online)
    {
        public OfferFilter ToFilter() => new()
        {
            Text = Q,
            LifeDomains = ParseFlags<LifeDomains>(LifeDomains, nameof(LifeDomains)),
            Dimensions = ParseFlags<Dimensions>(Dimensions, nameof(Dimensions)),
            Format = Format, Sector = Sector, NearPc4 = Near, MaxKm = MaxKm, Day = Day, Online = Online,
        };

        private static T ParseFlags<T>(string? value, string field) where T : struct, Enum =>
            string.IsNullOrWhiteSpace(value) ? default
            : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _) ? parsed
            : throw new Gem.Core.Common.ValidationException(field, $"'{value}' is not a list of {typeof(T).Name}: use names separated by commas.");
    }

    private static async Task<Ok<List<OfferSummary>>> SearchOffers([AsParameters] SearchParameters p, AtlasSearch search, CancellationToken ct)
    {
        var hits = await search.FindAsync(p.ToFilter(), ct);
        return TypedResults.Ok(hits.Select(OfferSummary.From).ToList());
    }

    private static async Task<Results<Ok<OfferDetail>, NotFound>> GetOffer(Guid id, GemDbContext db, IOfferSchedule schedule, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return TypedResults.NotFound();
        var sessions = (await schedule.ComingAsync([offer], clock.GetUtcNow(), withCancelled: true, ct: ct))[id].Take(20).Select(SessionDto.From).ToList();
        return TypedResults.Ok(OfferDetail.From(offer, sessions));
    }

    private static async Task<Ok<List<PartnerDto>>> ListPartners(GemDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct)).Select(PartnerDto.From).ToList());

    private static async Task<Results<Ok<PartnerDto>, NotFound>> GetPartner(Guid id, GemDbContext db, CancellationToken ct) =>
        await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } partner
            ? TypedResults.Ok(PartnerDto.From(partner)) : TypedResults.NotFound();

    private static async Task<Created<OfferDetail>> CreateOffer(Guid partnerId, OfferInput input, OfferEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        var offer = await editor.CreateAsync(user.ToActor(), partnerId, input, ct);
        return TypedResults.Created($"/api/atlas/offers/{offer.Id}", OfferDetail.From(offer, []));
    }

    private static async Task<Ok<OfferDetail>> UpdateOffer(Guid id, OfferInput input, OfferEditor editor, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(OfferDetail.From(await editor.UpdateAsync(user.ToActor(), id, input, ct), []));

}

public sealed record OfferSummary(Guid Id, string Name, Guid PartnerId, string PartnerName, Sector Sector, OfferFormat Format,
    bool IsGroup, LifeDomains LifeDomains, Dimensions Dimensions, bool IsOnline, string? City, string? Pc4,
    double? DistanceKm, DateTimeOffset? NextSession)
{
    public static OfferSummary From(OfferHit h) => new(h.Offer.Id, h.Offer.Name, h.Offer.PartnerId, h.Offer.Partner?.Name ?? "",
        h.Offer.Partner?.Sector ?? default, h.Offer.Format, h.Offer.IsGroup, h.Offer.LifeDomains, h.Offer.Dimensions,
        h.Offer.IsOnline, h.Offer.City, h.Offer.Pc4, h.DistanceKm is { } d ? Math.Round(d, 1) : null, h.NextSession?.Start);
}

public sealed record OfferDetail(Guid Id, Guid PartnerId, string? PartnerName, OfferInput Description, bool IsGroup,
    double? Latitude, double? Longitude, DateTimeOffset UpdatedAt, IReadOnlyList<SessionDto> Sessions)
{
    public static OfferDetail From(Offer o, IReadOnlyList<SessionDto> sessions) =>
        new(o.Id, o.PartnerId, o.Partner?.Name, OfferInput.From(o), o.IsGroup, o.Latitude, o.Longitude, o.UpdatedAt, sessions);
}

public sealed record SessionDto(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Place, string? OnlineUrl, int? Seats, DateTimeOffset? CancelledAt = null)
{
    public static SessionDto From(ScheduledSession s) => new(s.Id, s.Start, s.End, s.Place, s.OnlineUrl, s.Seats, s.CancelledAt);
}

public sealed record PartnerDto(Guid Id, string Name, Sector Sector, string Description, string? Website, string? Email,
    string? Phone, string? Address, string? City, DateOnly? ValuesSignedOn, bool IsFictional, int? CharterVersion = null)
{
    public static PartnerDto From(Partner p) => new(p.Id, p.Name, p.Sector, p.Description, p.Website, p.Email, p.Phone,
        p.Address, p.City, p.ValuesSignedOn, p.IsFictional, p.CharterVersion);
}
