using Gem.Core.Common;
using Gem.Core.Atlas;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>Crisis words in a question: this is not a question for the pool; the asker is sent to 113/112 (nothing is stored).</summary>
public sealed class CrisisException(string phrase) : DomainException("This sounds like a crisis: call 113 or 112.")
{
    public string Phrase { get; } = phrase;
}

public sealed record AskInput(Guid? SubjectId, string? Question, LifeDomains Domains, string? Tried, string? PersonView, string? NetworkView, Urgency Urgency);

public sealed record AnswerInput(AnswerKind Kind, string? Answer, DateTimeOffset? MeetingAt, Guid? CaseSessionId, int MinutesSpent);

public sealed record CloseInput(bool Useful, NextStep NextStep);

/// <summary>A request as one viewer may see it, with the names that go with it.</summary>
public sealed record ConsultationView(ConsultationRequest Request, string? SubjectName, string? AskerOrganisation, string? SpecialistName, string? CoConsultantName,
    CaseSession? Session, bool ViewerIsSubject, bool ViewerIsAsker, bool ViewerIsSpecialist);

/// <summary>A line of a list: no question text, no name (a list is not a read of anyone's data).</summary>
public sealed record ConsultationLine(Guid Id, DateTimeOffset AskedAt, DateTimeOffset DueAt, Urgency Urgency, LifeDomains Domains, ConsultationStatus Status, bool AboutAPerson, bool Mine, bool Assigned);

/// <summary>
/// Asking, reading, answering and closing out consultation requests. Who may see a request about a person is read
/// from the database on every call: the person; anyone the person gave consent in category
/// <see cref="DataCategory.Consultation"/> (staff of that organisation, that resource-group member); and the
/// specialist and co-consultant it is assigned to while the consent it rests on stands. Every read by someone other
/// than the person writes exactly one access-log record (through <see cref="PlanAccess"/>, or here for the
/// specialist); a refusal answers "not found". An anonymised case is seen by its asker and its specialists only.
/// </summary>
public sealed class ConsultationService(GemDbContext db, PlanAccess access, ConsultationPool pool, TimeProvider clock)
{
    public const string What = "Consultation";

    public static int WorkingDays(Urgency urgency) => urgency switch
    {
        Urgency.Soon => 1,
        Urgency.Normal => 3,
        Urgency.Calm => 5,
        _ => throw new ValidationException("Urgency", "Choose how soon."),
    };

    /// <summary>The crisis phrase in any of the texts, or null (the front door's list).</summary>
    public static string? CrisisPhrase(params string?[] texts) =>
        texts.Select(CrisisSignals.MatchingPhrase).FirstOrDefault(p => p is not null);

    public async Task<ConsultationRequest> AskAsync(Guid askerId, AskInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        string? Clean(string? text, string field, bool required = false)
        {
            var t = text?.Trim();
            if (string.IsNullOrEmpty(t)) { if (required) errors[field] = ["Write your question."]; return null; }
            if (t.Length > ConsultationLimits.Text) errors[field] = [$"At most {ConsultationLimits.Text} characters."];
            return t;
        }
        var question = Clean(input.Question, "Question", required: true);
        var tried = Clean(input.Tried, "Tried");
        var personView = Clean(input.PersonView, "PersonView");
        var networkView = Clean(input.NetworkView, "NetworkView");
        if (!Enum.IsDefined(input.Urgency)) errors["Urgency"] = ["Choose how soon."];
        var allDomains = Enum.GetValues<LifeDomains>().Aggregate(LifeDomains.None, (a, b) => a | b);
        if ((input.Domains & ~allDomains) != 0) errors["Domains"] = ["Unknown life domain."];
        // Crisis first: whatever else is wrong, a person in danger is sent to 113/112.
        if (CrisisPhrase(input.Question, input.Tried, input.PersonView, input.NetworkView) is { } phrase) throw new CrisisException(phrase);
        if (errors.Count > 0) throw new ValidationException(errors);

        var (roles, partnerId) = await DescribeAsync(askerId, ct);
        var request = new ConsultationRequest
        {
            AskerUserId = askerId, Question = question!, Tried = tried, PersonView = personView, NetworkView = networkView,
            Domains = input.Domains, Urgency = input.Urgency, SubjectUserId = input.SubjectId,
        };
        if (input.SubjectId == askerId)
        {
            if (!roles.Contains(Roles.Citizen)) throw new ForbiddenException("Only a person with a plan asks about themself.");
            request.AskerKind = AskerKind.Person;
        }
        else if (input.SubjectId is { } subject)
        {
            // The consent to ask about this person; the check is logged like any other access.
            var grant = await access.RequireAsync(subject, askerId, DataCategory.Consultation, AccessAction.Change, ct);
            request.ConsentId = grant.ConsentId;
            request.AskerKind = grant.Role.StartsWith("resource-group", StringComparison.Ordinal) ? AskerKind.ResourceGroupMember : AskerKind.Staff;
        }
        else
        {
            if (!roles.Contains(Roles.PartnerStaff)) throw new ForbiddenException("An anonymised case is asked by partner staff.");
            request.AskerKind = AskerKind.Staff;
        }
        if (request.AskerKind == AskerKind.Staff)
        {
            if (!roles.Contains(Roles.PartnerStaff) || partnerId is null) throw new ForbiddenException("Partner staff ask for their organisation.");
            request.AskerPartnerId = partnerId;
            request.AskerSector = await db.Partners.Where(p => p.Id == partnerId).Select(p => (Sector?)p.Sector).FirstOrDefaultAsync(ct);
        }

        var now = clock.GetUtcNow();
        request.AskedAt = now;
        request.DueAt = WorkingTime.AddWorkingDays(now, WorkingDays(input.Urgency));
        var regionId = partnerId is { } pid ? await db.Partners.Where(p => p.Id == pid).Select(p => (Guid?)p.RegionId).FirstOrDefaultAsync(ct) : null;
        var (lead, co) = await pool.PickAsync(now, regionId, ct: ct);
        request.SpecialistId = lead?.Id;
        request.CoConsultantId = co?.Id;
        db.Set<ConsultationRequest>().Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>One request for one viewer: one access-log record when the viewer is not the person; "not found" when refused.</summary>
    public async Task<ConsultationView> ReadAsync(Guid requestId, Guid viewerId, CancellationToken ct = default)
    {
        var request = await db.Set<ConsultationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Not found.");
        var specialist = await AuthorizeAsync(request, viewerId, AccessAction.Read, ct);
        return await ViewAsync(request, viewerId, specialist, ct);
    }

    public async Task<ConsultationRequest> AnswerAsync(Guid requestId, Guid specialistUserId, AnswerInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await db.Set<ConsultationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Not found.");
        var specialist = await AuthorizeAsync(request, specialistUserId, AccessAction.Change, ct);
        if (specialist is null) throw new NotFoundException("Not found.");
        if (request.Status != ConsultationStatus.Open) throw new ConflictException("This request has been answered.");
        var errors = new Dictionary<string, string[]>();
        var text = input.Answer?.Trim();
        if (string.IsNullOrEmpty(text)) errors["Answer"] = ["Write the answer."];
        else if (text.Length > ConsultationLimits.Text) errors["Answer"] = [$"At most {ConsultationLimits.Text} characters."];
        if (!Enum.IsDefined(input.Kind)) errors["Kind"] = ["Choose the kind of answer."];
        if (input.MinutesSpent is < 0 or > 600) errors["MinutesSpent"] = ["0–600 minutes."];
        var now = clock.GetUtcNow();
        if (input.Kind is AnswerKind.Meekijken or AnswerKind.ResourceGroupMeeting)
        {
            if (request.SubjectUserId is null) errors["Kind"] = ["An anonymised case has no person to meet."];
            else if (input.MeetingAt is not { } at || at <= now) errors["MeetingAt"] = ["Choose a moment in the future."];
        }
        CaseSession? session = null;
        if (input.Kind == AnswerKind.CaseSession)
        {
            session = input.CaseSessionId is { } sid ? await db.Set<CaseSession>().FirstOrDefaultAsync(s => s.Id == sid && s.Start > now, ct) : null;
            if (session is null) errors["CaseSessionId"] = ["Choose a coming case session."];
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        request.AnswerKind = input.Kind;
        request.Answer = text;
        request.AnsweredAt = now;
        request.AnsweredBySpecialistId = specialist.Id;
        request.MeetingAt = input.Kind is AnswerKind.Meekijken or AnswerKind.ResourceGroupMeeting ? input.MeetingAt : null;
        request.CaseSessionId = session?.Id;
        request.MinutesSpent = input.MinutesSpent;
        request.Status = ConsultationStatus.Answered;
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The asker's close-out: was it useful, and what happened next.</summary>
    public async Task CloseAsync(Guid requestId, Guid askerId, CloseInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await db.Set<ConsultationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Not found.");
        await AuthorizeAsync(request, askerId, AccessAction.Change, ct);
        if (request.AskerUserId != askerId) throw new ForbiddenException("Only the asker closes a request.");
        if (request.Status != ConsultationStatus.Answered) throw new ConflictException(request.Status == ConsultationStatus.Open ? "Not answered yet." : "Already closed.");
        if (!Enum.IsDefined(input.NextStep)) throw new ValidationException("NextStep", "Choose what happened next.");
        request.Useful = input.Useful;
        request.NextStep = input.NextStep;
        request.ClosedAt = clock.GetUtcNow();
        request.Status = ConsultationStatus.Closed;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The requests this user may see now: as asker (while the consent stands), as the person, as assigned specialist.</summary>
    public async Task<List<ConsultationLine>> ListAsync(Guid viewerId, CancellationToken ct = default)
    {
        var (roles, partnerId) = await DescribeAsync(viewerId, ct);
        var staffPartner = roles.Contains(Roles.PartnerStaff) ? partnerId : null;
        var specialistId = roles.Contains(Roles.Specialist) ? (await pool.OfUserAsync(viewerId, ct))?.Id : null;
        var memberIds = db.Set<ResourceMember>().Where(m => m.MemberUserId == viewerId).Select(m => m.Id);
        var consents = db.Set<ConsentGrant>().Where(c => c.WithdrawnAt == null && c.Category == DataCategory.Consultation
            && ((c.RecipientKind == RecipientKind.Partner && staffPartner != null && c.RecipientId == staffPartner) || (c.RecipientKind == RecipientKind.Member && memberIds.Contains(c.RecipientId))));
        var active = db.Set<ConsentGrant>().Where(c => c.WithdrawnAt == null);
        var rows = await db.Set<ConsultationRequest>().AsNoTracking()
            .Where(r => r.SubjectUserId == viewerId
                        || (r.SubjectUserId == null && r.AskerUserId == viewerId)
                        || (r.SubjectUserId != null && consents.Any(c => c.OwnerId == r.SubjectUserId))
                        || (specialistId != null && (r.SpecialistId == specialistId || r.CoConsultantId == specialistId)
                            && (r.SubjectUserId == null || r.ConsentId == null || active.Any(c => c.Id == r.ConsentId))))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Status).ThenBy(r => r.DueAt)
            .Select(r => new ConsultationLine(r.Id, r.AskedAt, r.DueAt, r.Urgency, r.Domains, r.Status, r.SubjectUserId is not null, r.AskerUserId == viewerId,
                specialistId is not null && (r.SpecialistId == specialistId || r.CoConsultantId == specialistId)))
            .ToList();
    }

    /// <summary>Every request about a person, for their plan (the caller has passed <see cref="PlanAccess"/> first, or is the person).</summary>
    public async Task<List<ConsultationView>> AboutAsync(Guid subjectId, Guid viewerId, CancellationToken ct = default)
    {
        var rows = await db.Set<ConsultationRequest>().AsNoTracking().Where(r => r.SubjectUserId == subjectId).OrderByDescending(r => r.AskedAt).ToListAsync(ct);
        var views = new List<ConsultationView>();
        foreach (var r in rows) views.Add(await ViewAsync(r, viewerId, null, ct));
        return views;
    }

    /// <summary>Whether the viewer may see the request now; logs one record for a read by someone other than the person. Returns the viewer's pool membership when they read as assigned specialist.</summary>
    private async Task<Specialist?> AuthorizeAsync(ConsultationRequest request, Guid viewerId, AccessAction action, CancellationToken ct)
    {
        if (request.SubjectUserId == viewerId) return null;
        var specialist = await pool.OfUserAsync(viewerId, ct);
        var assigned = specialist is not null && (request.SpecialistId == specialist.Id || request.CoConsultantId == specialist.Id);
        if (request.SubjectUserId is not { } subject)
        {
            if (request.AskerUserId == viewerId || assigned) return assigned ? specialist : null;
            throw new NotFoundException("Not found.");
        }
        if (!assigned)
        {
            await access.RequireAsync(subject, viewerId, DataCategory.Consultation, action, ct);
            return null;
        }
        var consentStands = request.ConsentId is not { } consentId
                            || await db.Set<ConsentGrant>().AnyAsync(c => c.Id == consentId && c.WithdrawnAt == null, ct);
        var organisation = await db.Partners.Where(p => p.Id == specialist!.PartnerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        await AccessLog.WriteAsync(db, clock, new AccessLogEntry
        {
            ActorUserId = viewerId, ActorRole = Roles.Specialist, ActorOrganisationId = specialist!.PartnerId, ActorOrganisation = organisation,
            SubjectUserId = subject, What = What, Action = action, Allowed = consentStands, ConsentId = consentStands ? request.ConsentId : null,
        }, ct);
        if (!consentStands) throw new NotFoundException("Not found.");
        return specialist;
    }

    private async Task<ConsultationView> ViewAsync(ConsultationRequest r, Guid viewerId, Specialist? viewerSpecialist, CancellationToken ct)
    {
        var subjectName = r.SubjectUserId is { } s ? await db.Users.Where(u => u.Id == s).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var organisation = r.AskerPartnerId is { } p ? await db.Partners.Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var names = await db.Set<Specialist>().Where(x => x.Id == r.SpecialistId || x.Id == r.CoConsultantId).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var session = r.CaseSessionId is { } sid ? await db.Set<CaseSession>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == sid, ct) : null;
        return new ConsultationView(r, subjectName, organisation, r.SpecialistId is { } a ? names.GetValueOrDefault(a) : null,
            r.CoConsultantId is { } c ? names.GetValueOrDefault(c) : null, session, r.SubjectUserId == viewerId, r.AskerUserId == viewerId, viewerSpecialist is not null);
    }

    /// <summary>Roles and organisation from the database, not from the cookie.</summary>
    private async Task<(IReadOnlyList<string> Roles, Guid? PartnerId)> DescribeAsync(Guid userId, CancellationToken ct)
    {
        var partnerId = await db.Users.Where(u => u.Id == userId).Select(u => u.PartnerId).FirstOrDefaultAsync(ct);
        var roles = await (from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId select r.Name!).ToListAsync(ct);
        return (roles, partnerId);
    }
}
