using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Plan;

/// <summary>Everything Gem holds about one person, as one document (the JSON export; the FHIR export is built from it).</summary>
public sealed record PlanExport(
    DateTimeOffset ExportedAt,
    ExportPerson Person,
    PlanText Plan,
    StoryText Story,
    CrisisPlanText CrisisPlan,
    IReadOnlyList<ExportGoal> Goals,
    IReadOnlyList<ExportCheckIn> CheckIns,
    IReadOnlyList<ExportEnrolment> Enrolments,
    IReadOnlyList<ExportMember> ResourceGroup,
    IReadOnlyList<ExportConsent> Consents,
    IReadOnlyList<ExportAccess> AccessLog,
    IReadOnlyList<Consultation.ConsultationRequest> Consultations,
    IReadOnlyList<Diary.ExportDiaryMoment> Diary,
    Community.CommunityExport? Community = null,
    Diary.ExportDiaryChoices? DiaryChoices = null);

public sealed record ExportPerson(Guid Id, string? Email, string? DisplayName);
public sealed record ExportGoal(Guid Id, string Text, bool Reached, DateTimeOffset CreatedAt);
public sealed record ExportCheckIn(DateTimeOffset At, int Connectedness, int Hope, int Identity, int Meaning, int Empowerment, int QualityOfLife, int Participation, int PeopleICanCountOn);
public sealed record ExportEnrolment(Guid Id, string Offer, string Partner, DateTimeOffset Start, EnrolmentStatus Status);
public sealed record ExportMember(Guid Id, string Email, string? Name, MemberRole Role, bool Accepted);
public sealed record ExportConsent(Guid Id, RecipientKind RecipientKind, Guid RecipientId, string? RecipientName, DataCategory Category, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

/// <summary>One access-log record about the person: who (the name the person knows them by), in which role and organisation, what, and whether it was allowed.</summary>
public sealed record ExportAccess(DateTimeOffset At, string? Viewer, string ViewerRole, string? Organisation, string What, AccessAction Action, bool Allowed);

/// <summary>Export and erasure of one person's data (AVG/GDPR art. 15, 17, 20).</summary>
public sealed class PersonalData(GemDbContext db, PlanService plans, TimeProvider clock, DatabaseOwner owner)
{
    public async Task<PlanExport> ExportAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("Not found.");
        var plan = await plans.GetAsync(userId, ct);
        var members = await db.Set<ResourceMember>().AsNoTracking().Where(m => m.OwnerId == userId).OrderBy(m => m.InvitedAt).ToListAsync(ct);
        var consents = await db.Set<ConsentGrant>().AsNoTracking().Where(c => c.OwnerId == userId).OrderBy(c => c.GivenAt).ToListAsync(ct);
        var partnerIds = consents.Where(c => c.RecipientKind == RecipientKind.Partner).Select(c => c.RecipientId).ToList();
        var partnerNames = await db.Partners.Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string? RecipientName(ConsentGrant c) => c.RecipientKind == RecipientKind.Partner
            ? partnerNames.GetValueOrDefault(c.RecipientId)
            : members.FirstOrDefault(m => m.Id == c.RecipientId) is { } m ? m.Name ?? m.Email : null;

        await AccessLog.WriteAsync(db, clock, new AccessLogEntry
        {
            ActorUserId = userId, ActorRole = "self", SubjectUserId = userId, What = "All", Action = AccessAction.Export, Allowed = true,
        }, ct);
        var log = await db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.SubjectUserId == userId).OrderBy(e => e.At).ToListAsync(ct);
        var viewers = await AccessLog.ViewerNamesAsync(db, userId, log, ct);
        string? Viewer(AccessLogEntry e) => e.ActorUserId == userId ? user.DisplayName ?? user.Email : e.ActorUserId is { } id ? viewers.GetValueOrDefault(id) : null;
        return new PlanExport(
            clock.GetUtcNow(),
            new ExportPerson(user.Id, user.Email, user.DisplayName),
            new PlanText(plan.WhereIStarted, plan.WhatHelps),
            new StoryText(plan.Story, plan.ShareStoryAnonymously),
            new CrisisPlanText(plan.EarlySigns, plan.CrisisWhatIDo, plan.CrisisWhatOthersDo, plan.CrisisWhoToCall, plan.CrisisWhatNotToDo),
            (await plans.GoalsAsync(userId, ct)).Select(g => new ExportGoal(g.Id, g.Text, g.Reached, g.CreatedAt)).ToList(),
            (await plans.CheckInsAsync(userId, ct)).Select(c => new ExportCheckIn(c.At, c.Connectedness, c.Hope, c.Identity, c.Meaning, c.Empowerment, c.QualityOfLife, c.Participation, c.PeopleICanCountOn)).ToList(),
            (await plans.EnrolmentsAsync(userId, ct)).Select(e => new ExportEnrolment(e.Id, e.OfferName, e.PartnerName, e.Start, e.Status)).ToList(),
            members.Select(m => new ExportMember(m.Id, m.Email, m.Name, m.Role, m.MemberUserId is not null)).ToList(),
            consents.Select(c => new ExportConsent(c.Id, c.RecipientKind, c.RecipientId, RecipientName(c), c.Category, c.GivenAt, c.WithdrawnAt)).ToList(),
            log.Select(e => new ExportAccess(e.At, Viewer(e), e.ActorRole, e.ActorOrganisation, e.What, e.Action, e.Allowed)).ToList(),
            await OwnConsultations(userId).AsNoTracking().OrderBy(r => r.AskedAt).ToListAsync(ct),
            await Diary.DiaryData.ExportAsync(db, userId, ct),
            await Community.CommunityService.ExportOfAsync(db, userId, ct),
            DiaryChoices: await Diary.DiaryData.ExportChoicesAsync(db, userId, ct));
    }

    /// <summary>Consultation requests about the person, and those they asked themself (as the person or as a resource-group member).</summary>
    private IQueryable<Consultation.ConsultationRequest> OwnConsultations(Guid userId) =>
        db.Set<Consultation.ConsultationRequest>().Where(r => r.SubjectUserId == userId || (r.AskerUserId == userId && r.AskerKind != Consultation.AskerKind.Staff));

    /// <summary>
    /// Removes the account and every row with the person's personal data from every table: plan, goals,
    /// check-ins, diary (moments and browser subscriptions), resource group (own and memberships, pending invitations to the address), consents, consultation requests,
    /// enrolments (with attendance and reminders), seat watches, and mail in the outbox to the address or naming the person. Only the access log remains, which
    /// names the person by account id only (decision 402). Afterwards the deleted rows are scrubbed from the
    /// database files (<see cref="ErasureScrub"/>).
    /// </summary>
    public async Task EraseAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("Not found.");
        var email = (user.Email ?? "").ToLowerInvariant();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var enrolments = db.Enrolments.Where(e => e.UserId == userId || (e.Email != null && e.Email.ToLower() == email));
        var enrolmentIds = enrolments.Select(e => e.Id);
        await db.Reminders.Where(r => enrolmentIds.Contains(r.EnrolmentId)).ExecuteDeleteAsync(ct);
        await db.Attendances.Where(a => enrolmentIds.Contains(a.EnrolmentId)).ExecuteDeleteAsync(ct);
        await db.Set<Mail.OutboxMessage>().Where(m => m.To.ToLower() == email || (m.EnrolmentId != null && enrolmentIds.Contains(m.EnrolmentId.Value))).ExecuteDeleteAsync(ct);
        await enrolments.ExecuteDeleteAsync(ct);
        await db.SeatWatches.Where(s => s.Email.ToLower() == email).ExecuteDeleteAsync(ct);

        // Invitations the person sent carry their name, in mails to other people's addresses.
        var invitations = (await db.Set<ResourceMember>().Where(m => m.OwnerId == userId).Select(m => m.Id).ToListAsync(ct)).Select(ResourceGroup.InvitationKey).ToList();
        await db.Set<Mail.OutboxMessage>().Where(m => invitations.Contains(m.Key)).ExecuteDeleteAsync(ct);

        var memberships = db.Set<ResourceMember>().Where(m => m.MemberUserId == userId || m.Email.ToLower() == email);
        var membershipIds = memberships.Select(m => m.Id);
        await db.Set<ConsentGrant>().Where(c => c.OwnerId == userId || (c.RecipientKind == RecipientKind.Member && membershipIds.Contains(c.RecipientId))).ExecuteDeleteAsync(ct);
        await db.Set<ResourceMember>().Where(m => m.OwnerId == userId || m.MemberUserId == userId || m.Email.ToLower() == email).ExecuteDeleteAsync(ct);
        await OwnConsultations(userId).ExecuteDeleteAsync(ct);
        await Diary.DiaryData.EraseAsync(db, userId, ct);
        await db.Set<Goal>().Where(g => g.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<CheckIn>().Where(c => c.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<PersonalPlan>().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        if (await db.Set<Community.CommunityMember>().Where(m => m.UserId == userId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct) is { } memberId)
            await Community.CommunityService.EraseMemberAsync(db, memberId, deletePosts: true, ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
        db.Set<AccessLogEntry>().Add(new AccessLogEntry
        {
            At = clock.GetUtcNow(), ActorUserId = userId, ActorRole = "self", SubjectUserId = userId, What = "Account", Action = AccessAction.Delete, Allowed = true,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The rows are gone from the tables; make them leave the files too (secure_delete + WAL checkpoint, or VACUUM FULL).
        await ErasureScrub.RunAsync(db, owner,
        [
            typeof(Reminder), typeof(Attendance), typeof(Enrolment), typeof(SeatWatch), typeof(ConsentGrant), typeof(ResourceMember),
            typeof(Goal), typeof(CheckIn), typeof(PersonalPlan), typeof(Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>),
            typeof(Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>), typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>),
            typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>), typeof(Identity.GemUser),
            typeof(Mail.OutboxMessage), typeof(Sms.SmsMessage), typeof(Consultation.ConsultationRequest), .. Diary.DiaryData.Tables,
            typeof(Community.CommunityMember), typeof(Community.CommunityPost), typeof(Community.CommunityThread),
        ], ct);
    }
}
