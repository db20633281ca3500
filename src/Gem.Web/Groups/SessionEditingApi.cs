using System.Security.Claims;
using Gem.Core.Groups;
using Gem.Web.Atlas;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gem.Web.Groups;

/// <summary>
/// Staff add, remove and call off an offer's sessions, and delete or archive an offer with its sessions. Groups owns sessions
/// (<see cref="SessionEditor"/>, <see cref="SessionCancellation"/>); the URLs stay under <c>/api/atlas</c>, where
/// clients have always found them next to the offer they belong to.
/// </summary>
public static class SessionEditingApi
{
    public static IEndpointRouteBuilder MapSessionEditingApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/atlas").WithTags("Atlas").RequireAuthorization(IdentitySetup.StaffPolicy);
        staff.MapDelete("/offers/{id:guid}", DeleteOffer).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/offers/{id:guid}/archive", ArchiveOffer);
        staff.MapPost("/offers/{id:guid}/sessions", AddSession);
        staff.MapDelete("/sessions/{id:guid}", DeleteSession).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/sessions/{id:guid}/cancel", CancelSession).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>What a cancellation or archive did: how many enrolled people were told.</summary>
    public sealed record CallOffResult(int Informed);

    private static async Task<NoContent> DeleteOffer(Guid id, SessionCancellation cancellation, ClaimsPrincipal user, CancellationToken ct)
    {
        await cancellation.DeleteOfferAsync(user.ToActor(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CallOffResult>> ArchiveOffer(Guid id, SessionCancellation cancellation, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new CallOffResult(await cancellation.ArchiveOfferAsync(user.ToActor(), id, ct)));

    private static async Task<Ok<CallOffResult>> CancelSession(Guid id, SessionCancellation cancellation, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new CallOffResult(await cancellation.CancelSessionAsync(user.ToActor(), id, ct)));

    private static async Task<Created<SessionDto>> AddSession(Guid id, SessionInput input, SessionEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        var session = await editor.AddSessionAsync(user.ToActor(), id, input, ct);
        return TypedResults.Created($"/api/atlas/offers/{id}", new SessionDto(session.Id, session.Start, session.End, session.Place, session.OnlineUrl, session.Seats, session.CancelledAt));
    }

    private static async Task<NoContent> DeleteSession(Guid id, SessionEditor editor, ClaimsPrincipal user, CancellationToken ct)
    {
        await editor.DeleteSessionAsync(user.ToActor(), id, ct);
        return TypedResults.NoContent();
    }
}
