using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.FrontDoor;

/// <summary>The front door's services, its matching API (for machines and the benchmark) and the walk-in calendar.</summary>
public static class FrontDoorSetup
{
    public static IEndpointRouteBuilder MapFrontDoorApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/frontdoor/match", Match).WithTags("FrontDoor")
            .WithSummary("Front-door matching: d (life domain, repeatable), w (wish), who, day, pc4, where=online. Answers are not stored.");
        app.MapGet("/voorportaal/aanbod/{offerId:guid}/agenda.ics", Calendar).ExcludeFromDescription();
        // A trivial endpoint of the same app, next to which the benchmark measures matching.
        app.MapGet("/api/frontdoor/ping", () => TypedResults.Text("ok")).ExcludeFromDescription();
        return app;
    }

    public sealed record ReasonDto(string Kind, string Value);
    public sealed record MatchDto(Guid OfferId, string Name, string Partner, string Sector, string Format, bool IsGroup, int Fit,
        IReadOnlyList<ReasonDto> Reasons, DateTimeOffset? FirstStart, bool AlwaysAvailable, bool Full, double? DistanceKm, decimal Cost, bool IsOnline);
    public sealed record MatchResponse(bool Crisis, IReadOnlyList<MatchDto> Matches, IReadOnlyList<MatchDto> StartThisWeek, int SectorsInTop);

    private static async Task<Ok<MatchResponse>> Match(HttpRequest request, FrontDoorService frontDoor, CancellationToken ct)
    {
        var answers = FrontDoorQuery.From(request.Query).ToAnswers();
        var result = await frontDoor.MatchAsync(answers, ct);
        return TypedResults.Ok(new MatchResponse(result.Crisis, result.Matches.Select(Dto).ToList(), result.StartThisWeek.Select(Dto).ToList(), result.SectorsInTop));
    }

    private static MatchDto Dto(FrontDoorMatch m) => new(m.Offer.Id, m.Offer.Name, m.Item.PartnerName, m.Sector.ToString(), m.Offer.Format.ToString(),
        m.IsGroup, m.Fit, m.Reasons.Select(r => new ReasonDto(r.Kind.ToString(), r.Value)).ToList(), m.FirstStart?.Start, m.IsAlwaysAvailable, m.IsFull,
        m.DistanceKm is { } d ? Math.Round(d, 1) : null, m.Cost, m.Offer.IsOnline);

    /// <summary>The next sessions of a walk-in or open offer (up to 8 in the coming 4 weeks) as an iCalendar file.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> Calendar(Guid offerId, GemDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var until = now.AddDays(28);
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.OfferId == offerId && s.End > now && s.Start < until).ToListAsync(ct))
            .OrderBy(s => s.Start).Take(8).Select(s => (s, offer)).ToList();
        var ics = GroupCalendar.Write(offer.Name, sessions);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), GroupCalendar.ContentType, "agenda.ics");
    }
}
