using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>
/// A session or offer with enrolments is never deleted (people's history and attendance hang on it, decision 204): a
/// DELETE is refused with <see cref="HasEnrolmentsException"/>, and staff call it off here instead. Everyone whose
/// calendar holds a cancelled session gets a METHOD:CANCEL mail; enrolments for only that session are cancelled.
/// </summary>
public sealed class SessionCancellation(GemDbContext db, TimeProvider clock, OfferEditor offers)
{
    /// <summary>
    /// Deletes an offer nobody ever enrolled for: its sessions go, the offer itself stays as a tombstone (<see cref="Offer.ArchivedAt"/>)
    /// so HSDS consumers learn it is gone. With enrolments it is refused (409); <see cref="ArchiveOfferAsync"/> informs them.
    /// </summary>
    public async Task DeleteOfferAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var offer = await offers.FindOwnAsync(actor, offerId, ct);
        var enrolments = await db.Enrolments.CountAsync(e => e.OfferId == offerId, ct);
        if (enrolments > 0)
            throw new HasEnrolmentsException(HasEnrolmentsException.Kind.Offer, offerId, enrolments,
                await db.Enrolments.CountAsync(e => e.OfferId == offerId && e.Status != EnrolmentStatus.Cancelled, ct));
        await db.Sessions.Where(s => s.OfferId == offerId).ExecuteDeleteAsync(ct);
        offer.ArchivedAt = offer.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Enrolments whose calendar holds the session: open groups the enrolment's own session, rolling and cohort groups the series from where it starts.</summary>
    public static IQueryable<Enrolment> Holding(GemDbContext db, Session session, FlowPolicy flow) =>
        db.Enrolments.Where(e => e.OfferId == session.OfferId && e.Status != EnrolmentStatus.Cancelled
            && (e.SessionId == session.Id || (flow != FlowPolicy.Open && e.Session!.Start <= session.Start)));

    /// <summary>Refuses to delete a session that enrolments or attendance point at, or that is in someone's calendar.</summary>
    public static async Task EnsureDeletableAsync(GemDbContext db, Session session, FlowPolicy flow, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.CountAsync(e => e.SessionId == session.Id, ct);
        var attended = await db.Attendances.CountAsync(a => a.SessionId == session.Id, ct);
        var coming = await Holding(db, session, flow).CountAsync(ct);
        if (enrolments + attended + coming > 0)
            throw new HasEnrolmentsException(HasEnrolmentsException.Kind.Session, session.Id, Math.Max(enrolments, attended), coming);
    }

    /// <summary>Calls one coming session off. Idempotent: a session already cancelled is left as it is. Returns the people informed.</summary>
    public async Task<int> CancelSessionAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.Sessions.Include(s => s.Offer).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !actor.MayManage(session.Offer!.PartnerId)) throw new NotFoundException("Session not found.");
        if (session.CancelledAt is not null) return 0;
        var now = clock.GetUtcNow();
        if (session.End <= now) throw new ConflictException("This session has already taken place; it stays as it was, with its attendance.");
        return await CancelAsync(session.Offer, [session], now, ct);
    }

    /// <summary>
    /// Archives an offer: it leaves the atlas, the front door and enrolment at once; its coming sessions are cancelled and
    /// everyone enrolled is told. HSDS and FHIR keep it as defunct/inactive so partners that sync drop it. Returns the people informed.
    /// </summary>
    public async Task<int> ArchiveOfferAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null || !actor.MayManage(offer.PartnerId)) throw new NotFoundException("Offer not found.");
        var now = clock.GetUtcNow();
        var coming = await db.Sessions.Where(s => s.OfferId == offerId && s.CancelledAt == null && s.End > now).ToListAsync(ct);
        offer.ArchivedAt = now;
        var informed = await CancelAsync(offer, coming, now, ct);
        await db.Enrolments.Where(e => e.OfferId == offerId && e.Status != EnrolmentStatus.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EnrolmentStatus.Cancelled).SetProperty(e => e.ChangedAt, now), ct);
        await db.Offers.IgnoreQueryFilters().Where(o => o.Id == offerId).ExecuteUpdateAsync(u => u.SetProperty(o => o.MembersTaken, 0), ct);
        return informed;
    }

    private async Task<int> CancelAsync(Offer offer, List<Session> sessions, DateTimeOffset now, CancellationToken ct)
    {
        var calendars = new Dictionary<Guid, (Enrolment Enrolment, List<Session> Sessions)>();
        foreach (var session in sessions)
        {
            foreach (var e in await Holding(db, session, offer.FlowPolicy).AsNoTracking().ToListAsync(ct))
            {
                if (!calendars.TryGetValue(e.Id, out var held)) calendars[e.Id] = held = (e, []);
                held.Sessions.Add(session);
            }
            session.CancelledAt = now;
        }
        offer.UpdatedAt = now; // schedules changed: an incremental HSDS sync picks the service up again
        // Everyone whose calendar held a cancelled session gets a METHOD:CANCEL, queued with the cancellation (decision 601).
        foreach (var (enrolment, held) in calendars.Values)
        {
            EnrolmentMail.QueueCancellation(db, enrolment, held, byStaff: true, now);
            EnrolmentSms.QueueCalledOff(db, enrolment, held, now); // reached only by phone: a text message
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (offer.FlowPolicy == FlowPolicy.Open)
            {
                var ids = sessions.Select(s => s.Id).ToList();
                await db.Enrolments.Where(e => ids.Contains(e.SessionId) && e.Status != EnrolmentStatus.Cancelled)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EnrolmentStatus.Cancelled).SetProperty(e => e.ChangedAt, now), ct);
            }
            await tx.CommitAsync(ct);
        }
        return calendars.Count;
    }
}

/// <summary>A DELETE refused because people are enrolled (409); the message says what to do instead.</summary>
public sealed class HasEnrolmentsException(HasEnrolmentsException.Kind kind, Guid id, int enrolments, int coming)
    : ConflictException(kind == Kind.Session
        ? $"{enrolments} enrolment(s) or attendance record(s) belong to this session and {coming} person(s) still have it in their calendar; it is kept for their history and cannot be deleted. To call it off, cancel it: POST /api/atlas/sessions/{id}/cancel (everyone still coming gets a cancellation with a calendar update)."
        : $"{enrolments} enrolment(s) belong to this offer ({coming} still active); it is kept for their history and cannot be deleted. To take it out of the atlas, archive it: POST /api/atlas/offers/{id}/archive (its coming sessions are cancelled and everyone still enrolled is told by mail).")
{
    public enum Kind { Session, Offer }

    public Kind What { get; } = kind;
    public int Enrolments { get; } = enrolments;
    public int Coming { get; } = coming;
    /// <summary>The request that does what the DELETE could not.</summary>
    public string Action { get; } = kind == Kind.Session ? $"/api/atlas/sessions/{id}/cancel" : $"/api/atlas/offers/{id}/archive";
}
