using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Diary;

/// <summary>
/// A diary proposed by a partner professional or resource-group member (issue 15): allowed only on the person's consent
/// for "Dagboek" (checked from the database by <see cref="PlanAccess"/>, logged either way), announced to the person by a
/// mail without health details, and started only when the person accepts, with the settings they confirm. The proposal
/// and its answer are in the person's access log.
/// </summary>
public sealed class DiaryProposals(GemDbContext db, PlanAccess access, DiaryService diaries, TimeProvider clock, IOptions<MailOptions> mail)
{
    public const string LogWhat = "DiaryProposal";

    /// <summary>Stores the proposal and queues the mail, in one save. <see cref="ForbiddenException"/> without consent (nothing stored).</summary>
    public async Task<DiaryProposal> ProposeAsync(Guid personId, Guid proposerId, DiaryInput input, string? note, CancellationToken ct = default)
    {
        if (personId == proposerId) throw new ForbiddenException("Start your own diary on /mijn/dagboek.");
        AccessGrant grant;
        try
        {
            grant = await access.RequireAsync(personId, proposerId, DataCategory.Diary, AccessAction.Change, LogWhat, ct);
        }
        catch (NotFoundException)
        {
            throw new ForbiddenException("Only someone the person shares their diary with may propose one.");
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > DiaryProposal.MaxNote }) throw new ValidationException("Note", $"At most {DiaryProposal.MaxNote} characters.");
        var proposal = new DiaryProposal
        {
            OwnerId = personId, ProposerUserId = proposerId, ConsentId = grant.ConsentId, ProposedAt = clock.GetUtcNow(), Note = note, State = DiaryProposalState.Open,
        };
        Apply(proposal, input);
        if (await db.Set<DiaryProposal>().AnyAsync(p => p.OwnerId == personId && p.ProposerUserId == proposerId && p.State == DiaryProposalState.Open, ct))
            throw new ConflictException("You already have an open proposal for this person.");
        (proposal.ProposerName, proposal.ProposerOrganisation) = await DescribeAsync(personId, proposerId, grant, ct);
        db.Set<DiaryProposal>().Add(proposal);
        var to = await db.Users.Where(u => u.Id == personId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (to is not null)
        {
            // No health details: not what, not from whom; only that something waits behind the sign-in.
            var link = mail.Value.PublicBaseUrl.TrimEnd('/') + "/mijn";
            db.QueueText(proposal.ProposedAt, MailKey(proposal.Id), to, "Er staat een voorstel voor je klaar",
                $"Hoi,\n\nEr staat een voorstel voor je klaar in Gem. Jij beslist of je het aanneemt; er gebeurt niets zonder jouw ja.\n\n" +
                $"Bekijk het na inloggen: {link}\n\nGroet,\nGem");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index: a second open proposal made at the same moment.
            throw new ConflictException("You already have an open proposal for this person.");
        }
        return proposal;
    }

    public static string MailKey(Guid proposalId) => $"diary.proposal.{proposalId:N}";

    /// <summary>The person's open proposals, newest first.</summary>
    public Task<List<DiaryProposal>> OpenForAsync(Guid personId, CancellationToken ct = default) =>
        db.Set<DiaryProposal>().AsNoTracking().Where(p => p.OwnerId == personId && p.State == DiaryProposalState.Open)
            .OrderByDescending(p => p.ProposedAt).ToListAsync(ct);

    public Task<DiaryProposal?> FindOwnAsync(Guid personId, Guid proposalId, CancellationToken ct = default) =>
        db.Set<DiaryProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.OwnerId == personId, ct);

    /// <summary>What the proposer sees: the state of their latest proposal to this person, nothing else.</summary>
    public Task<DiaryProposalState?> LatestStateAsync(Guid personId, Guid proposerId, CancellationToken ct = default) =>
        db.Set<DiaryProposal>().Where(p => p.OwnerId == personId && p.ProposerUserId == proposerId)
            .OrderByDescending(p => p.ProposedAt).Select(p => (DiaryProposalState?)p.State).FirstOrDefaultAsync(ct);

    /// <summary>Starts the person's diary with <paramref name="input"/> (the proposed settings, possibly changed by the person).</summary>
    public async Task<PersonalDiary> AcceptAsync(Guid personId, Guid proposalId, DiaryInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await Answer(personId, proposalId, DiaryProposalState.Accepted, now, ct) == 0) throw new NotFoundException("No open proposal.");
        var diary = await diaries.StartAsync(personId, input, ct); // a running diary: ConflictException, and the proposal stays open
        await db.Set<DiaryProposal>().Where(p => p.Id == proposalId).ExecuteUpdateAsync(u => u.SetProperty(p => p.DiaryId, diary.Id), ct);
        await LogAnswerAsync(personId, "Accepted", ct);
        await tx.CommitAsync(ct);
        return diary;
    }

    /// <summary>No consequences: nothing is planned, and the proposer sees "afgewezen".</summary>
    public async Task DeclineAsync(Guid personId, Guid proposalId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await Answer(personId, proposalId, DiaryProposalState.Declined, clock.GetUtcNow(), ct) == 0) throw new NotFoundException("No open proposal.");
        await LogAnswerAsync(personId, "Declined", ct);
        await tx.CommitAsync(ct);
    }

    private Task<int> Answer(Guid personId, Guid proposalId, DiaryProposalState state, DateTimeOffset now, CancellationToken ct) =>
        db.Set<DiaryProposal>().Where(p => p.Id == proposalId && p.OwnerId == personId && p.State == DiaryProposalState.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.State, state).SetProperty(p => p.AnsweredAt, now), ct);

    private Task LogAnswerAsync(Guid personId, string answer, CancellationToken ct) =>
        AccessLog.WriteAsync(db, clock, new AccessLogEntry
        {
            ActorUserId = personId, ActorRole = "self", SubjectUserId = personId, What = LogWhat + "." + answer, Action = AccessAction.Change, Allowed = true,
        }, ct);

    private static void Apply(DiaryProposal p, DiaryInput input)
    {
        p.Days = input.Days;
        p.PerDay = input.PerDay;
        p.WakeFromMinutes = (int)input.WakeFrom.ToTimeSpan().TotalMinutes;
        p.WakeUntilMinutes = (int)input.WakeUntil.ToTimeSpan().TotalMinutes;
        p.MinGapMinutes = input.MinGapMinutes;
        var errors = new DiarySchedule(default, input.Days, input.WakeFrom, input.WakeUntil, input.PerDay, TimeSpan.FromMinutes(input.MinGapMinutes), 0).Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    /// <summary>The name the person knows the proposer by (their own name for a kring member), and the organisation of a professional.</summary>
    private async Task<(string? Name, string? Organisation)> DescribeAsync(Guid personId, Guid proposerId, AccessGrant grant, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == proposerId).Select(u => new { Name = u.DisplayName ?? u.UserName, u.PartnerId }).FirstOrDefaultAsync(ct);
        if (grant.Role.StartsWith("resource-group:", StringComparison.Ordinal))
        {
            var member = await db.Set<ResourceMember>().Where(m => m.OwnerId == personId && m.MemberUserId == proposerId && m.Name != null).Select(m => m.Name).FirstOrDefaultAsync(ct);
            return (member ?? user?.Name, null);
        }
        var organisation = user?.PartnerId is { } partnerId ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        return (user?.Name, organisation);
    }
}
