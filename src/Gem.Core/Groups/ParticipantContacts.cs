using Gem.Core.Consent;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>One participant's contact details as the facilitating organisation's staff see them.</summary>
public sealed record ParticipantContact(Guid EnrolmentId, string Name, string? Email, string? Phone, EnrolmentStatus Status);

/// <summary>
/// The e-mail address and phone number of the people expected at a session, for the staff of the organisation that runs
/// it (and nobody else: another organisation's session is "not found"). Every view is an access to each person's data and
/// is written to the access log like any other (NEN 7513): the subject is the person's account, or, for someone who
/// enrolled without one, the enrolment itself, so their own enrolment page can show who looked (decision 006).
/// </summary>
public sealed class ParticipantContacts(GemDbContext db, Attendances attendances, TimeProvider clock)
{
    public const string What = "EnrolmentContact";

    /// <summary>Whose data an access to this enrolment's contact details is: the account, or else the enrolment.</summary>
    public static Guid SubjectOf(Enrolment e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.UserId ?? e.Id;
    }

    public async Task<(Session Session, IReadOnlyList<ParticipantContact> People)> ListAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Offer).ThenInclude(o => o!.Partner).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !actor.MayManage(session.Offer!.PartnerId)) throw new NotFoundException("Session not found.");
        var people = await attendances.ExpectedAsync(session, ct);
        if (people.Count > 0)
        {
            var role = actor.IsAdmin ? Identity.Roles.Admin : Identity.Roles.PartnerStaff;
            await AccessLog.WriteAsync(db, clock, people.Select(e => new AccessLogEntry
            {
                ActorUserId = actor.UserId, ActorRole = role, ActorOrganisationId = session.Offer.PartnerId, ActorOrganisation = session.Offer.Partner?.Name,
                SubjectUserId = SubjectOf(e), What = What, Action = AccessAction.Read, Allowed = true,
            }).ToList(), ct);
        }
        return (session, people.Select(e => new ParticipantContact(e.Id, e.Name, e.Email, e.Phone, e.Status)).ToList());
    }
}
