using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>Who is coming (first name or alias only) and who was there, for the facilitating organisation's staff.</summary>
public sealed record Attendee(Guid EnrolmentId, string Name, EnrolmentStatus Status, AttendanceMark? Mark);

public sealed record AttendanceInput(Guid EnrolmentId, AttendanceMark Mark);

public sealed class Attendances(GemDbContext db, TimeProvider clock)
{
    /// <summary>The people expected at a session: open groups, those who said "ik kom" for it; rolling and cohort groups, the members who started at or before it.</summary>
    public async Task<IReadOnlyList<Attendee>> ListAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        var session = await OwnSessionAsync(actor, sessionId, ct);
        var enrolments = await ExpectedAsync(session, ct);
        var marks = await db.Attendances.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrolmentId, a => a.Mark, ct);
        await LogReadAsync(actor, session, enrolments, ct);
        return enrolments.Select(e => new Attendee(e.Id, e.Name, e.Status, marks.TryGetValue(e.Id, out var m) ? m : null)).ToList();
    }

    /// <summary>
    /// The list shows each person's name, so staff reading it is an access to the data of everyone on it who has an
    /// account: one access-log record per person (NEN 7513). The simulation's system actor (no account) writes none.
    /// </summary>
    private async Task LogReadAsync(Actor actor, Session session, List<Enrolment> enrolments, CancellationToken ct)
    {
        if (actor.UserId == Guid.Empty) return;
        var people = enrolments.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        if (people.Count == 0) return;
        var partnerId = session.Offer!.PartnerId;
        var partnerName = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var role = actor.IsAdmin ? Identity.Roles.Admin : Identity.Roles.PartnerStaff;
        await Consent.AccessLog.WriteAsync(db, clock, people.Select(person => new Consent.AccessLogEntry
        {
            ActorUserId = actor.UserId, ActorRole = role, ActorOrganisationId = partnerId, ActorOrganisation = partnerName,
            SubjectUserId = person, What = "AttendeeList", Action = Consent.AccessAction.Read, Allowed = true,
        }).ToList(), ct);
    }

    /// <summary>Records present / absent / excused for people expected at the session; all or nothing.</summary>
    public async Task RecordAsync(Actor actor, Guid sessionId, IReadOnlyList<AttendanceInput> marks, CancellationToken ct = default)
    {
        var session = await OwnSessionAsync(actor, sessionId, ct);
        if (session.Start > clock.GetUtcNow()) throw new ValidationException("SessionId", "Attendance is recorded once the session has started.");
        var expected = (await ExpectedAsync(session, ct)).Select(e => e.Id).ToHashSet();
        var unknown = marks.Where(m => !expected.Contains(m.EnrolmentId) || !Enum.IsDefined(m.Mark)).ToList();
        if (unknown.Count > 0) throw new ValidationException("EnrolmentId", $"{unknown.Count} mark(s) are not for people of this session.");
        var existing = await db.Attendances.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrolmentId, ct);
        var now = clock.GetUtcNow();
        foreach (var m in marks)
        {
            if (!existing.TryGetValue(m.EnrolmentId, out var row))
            {
                row = new Attendance { SessionId = sessionId, EnrolmentId = m.EnrolmentId };
                db.Attendances.Add(row);
                existing[m.EnrolmentId] = row;
            }
            row.Mark = m.Mark;
            row.RecordedAt = now;
            row.RecordedBy = actor.UserId;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Session> OwnSessionAsync(Actor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Offer).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !actor.MayManage(session.Offer!.PartnerId)) throw new NotFoundException("Session not found.");
        return session;
    }

    internal async Task<List<Enrolment>> ExpectedAsync(Session session, CancellationToken ct)
    {
        var offer = session.Offer!;
        var query = db.Enrolments.AsNoTracking().Where(e => e.OfferId == offer.Id && e.Status != EnrolmentStatus.Cancelled);
        if (offer.FlowPolicy == FlowPolicy.Rolling)
        {
            var start = session.Start;
            query = query.Where(e => e.Session!.Start <= start);
        }
        else if (offer.FlowPolicy == FlowPolicy.Open)
        {
            query = query.Where(e => e.SessionId == session.Id);
        }
        else
        {
            // Cohort: the members of the cohort that started at or before this session, latest cohort start first.
            var start = session.Start;
            var cohortStart = (await db.Sessions.AsNoTracking().Where(s => s.OfferId == offer.Id && s.IsCohortStart && s.Start <= start).ToListAsync(ct))
                .OrderByDescending(s => s.Start).Select(s => (Guid?)s.Id).FirstOrDefault();
            query = query.Where(e => e.SessionId == cohortStart);
        }
        return (await query.ToListAsync(ct)).OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList();
    }
}
