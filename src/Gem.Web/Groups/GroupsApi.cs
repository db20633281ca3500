using System.Security.Claims;
using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Mail;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Groups;

public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/groups").WithTags("Groups");
        api.MapPost("/sessions/{sessionId:guid}/enrolments", Enrol);
        api.MapGet("/enrolments/{token}", GetEnrolment);
        api.MapPost("/enrolments/{token}/cancel", (string token, EnrolmentService s, CancellationToken ct) => Change(() => s.CancelAsync(token, ct)));
        api.MapPost("/enrolments/{token}/pause", (string token, EnrolmentService s, CancellationToken ct) => Change(() => s.PauseAsync(token, ct)));
        api.MapPost("/enrolments/{token}/resume", (string token, EnrolmentService s, CancellationToken ct) => Change(() => s.ResumeAsync(token, ct)));

        var staff = api.MapGroup("").RequireAuthorization(IdentitySetup.StaffPolicy);
        staff.MapGet("/sessions/{sessionId:guid}/attendees", Attendees);
        staff.MapPut("/sessions/{sessionId:guid}/attendance", RecordAttendance);

        var calendars = app.MapGroup("/calendar").WithTags("Groups");
        calendars.MapGet("/sessions/{sessionId:guid}.ics", SessionCalendar);
        calendars.MapGet("/offers/{offerId:guid}.ics", OfferFeed);
        calendars.MapGet("/me/{token}.ics", PersonalFeed);
        return app;
    }

    public sealed record EnrolmentView(Guid Id, Guid OfferId, string OfferName, Guid SessionId, DateTimeOffset Start, FlowPolicy FlowPolicy,
        EnrolmentStatus Status, string Token)
    {
        public static EnrolmentView From(Enrolment e, Offer offer, Session session) =>
            new(e.Id, e.OfferId, offer.Name, e.SessionId, session.Start, offer.FlowPolicy, e.Status, e.Token);
    }

    private static async Task<Results<Created<EnrolmentView>, Conflict<ProblemDetails>>> Enrol(
        Guid sessionId, EnrolmentRequest request, EnrolmentService enrolments, EnrolmentMail mail, CancellationToken ct)
    {
        try
        {
            var e = await enrolments.EnrolAsync(sessionId, request with { UserId = null }, ct);
            await mail.SendConfirmationAsync(e, ct);
            return TypedResults.Created($"/api/groups/enrolments/{e.Token}", EnrolmentView.From(e, e.Offer!, e.Session!));
        }
        catch (SessionFullException full)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Full",
                Detail = full.Message,
                Extensions = { ["alternatives"] = full.Alternatives },
            });
        }
    }

    private static async Task<Ok<EnrolmentView>> GetEnrolment(string token, EnrolmentService enrolments, CancellationToken ct)
    {
        var e = await enrolments.FindByTokenAsync(token, ct);
        return TypedResults.Ok(EnrolmentView.From(e, e.Offer!, e.Session!));
    }

    private static async Task<NoContent> Change(Func<Task> action)
    {
        await action();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<Attendee>>> Attendees(Guid sessionId, Attendances attendances, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await attendances.ListAsync(user.ToActor(), sessionId, ct));

    private static async Task<NoContent> RecordAttendance(Guid sessionId, List<AttendanceInput> marks, Attendances attendances, ClaimsPrincipal user, CancellationToken ct)
    {
        await attendances.RecordAsync(user.ToActor(), sessionId, marks, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> SessionCalendar(Guid sessionId, GemDbContext db, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Offer).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return session is null ? TypedResults.NotFound()
            : TypedResults.Content(GroupCalendar.Write(session.Offer!.Name, [(session, session.Offer!)]), GroupCalendar.ContentType);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> OfferFeed(Guid offerId, GemDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null) return TypedResults.NotFound();
        var from = clock.GetUtcNow().AddDays(-7);
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.OfferId == offerId && s.Start >= from).ToListAsync(ct)).OrderBy(s => s.Start);
        return TypedResults.Content(GroupCalendar.Write(offer.Name, sessions.Select(s => (s, offer))), GroupCalendar.ContentType);
    }

    /// <summary>The private feed of one enrolment (open: its session; rolling and cohort: the series from where it starts). The secret token is the only key.</summary>
    private static async Task<Results<ContentHttpResult, NotFound>> PersonalFeed(string token, GemDbContext db, CancellationToken ct)
    {
        var e = await db.Enrolments.AsNoTracking().Include(x => x.Offer).Include(x => x.Session).FirstOrDefaultAsync(x => x.Token == token, ct);
        if (e is null) return TypedResults.NotFound();
        var sessions = new List<(Session, Offer)>();
        if (e.Status != EnrolmentStatus.Cancelled)
        {
            if (e.Offer!.FlowPolicy == FlowPolicy.Open) sessions.Add((e.Session!, e.Offer));
            else
            {
                var start = e.Session!.Start;
                var series = await db.Sessions.AsNoTracking().Where(s => s.OfferId == e.OfferId && s.Start >= start).ToListAsync(ct);
                sessions.AddRange(series.OrderBy(s => s.Start).Select(s => (s, e.Offer)));
            }
        }
        return TypedResults.Content(GroupCalendar.Write("Mijn groepen", sessions), GroupCalendar.ContentType);
    }
}
