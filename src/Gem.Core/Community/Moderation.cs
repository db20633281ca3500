using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Community;

public sealed record QueueItem(CommunityPost Post, CommunityThread Thread, CommunitySpace Space, string Author, bool MayModerate);

public sealed record AppealItem(ModerationAction Action, string? Member, CommunityPost? Post);

/// <summary>
/// What moderators do (decision 902): approve or remove waiting, hidden and flagged posts, give strikes (the third
/// suspends), restore, escalate to the professional, and decide appeals. Every action needs a reason the member sees.
/// A moderator never acts in a space of the organisation they work for (<see cref="CommunityAccess.MayModerate"/>).
/// </summary>
public sealed class Moderation(GemDbContext db, IOptions<CommunityOptions> options, IOptions<MailOptions> mail, TimeProvider clock)
{
    public const string AlertKind = "community-alert";

    /// <summary>The reason a member reads when the rules held their post.</summary>
    public static string HoldReasonText(HoldReason hold) => hold switch
    {
        HoldReason.Crisis => "Je bericht klinkt alsof het nu niet goed met je gaat. Een moderator kijkt er zo snel mogelijk naar. Bel 113 (0800-0113) of bij direct gevaar 112.",
        HoldReason.Method => "Je bericht lijkt te beschrijven hoe iemand zichzelf iets aandoet. Zulke details plaatsen we niet, om anderen te beschermen. Een moderator kijkt ernaar.",
        HoldReason.Youth => "In de jongerenruimte bekijkt een moderator elk bericht voordat het verschijnt.",
        HoldReason.FirstPosts => "Je eerste berichten bekijkt een moderator voordat ze verschijnen. Zo houden we de community veilig.",
        HoldReason.MemberFlags => "Je nieuwe berichten wachten tot een moderator ernaar kijkt.",
        _ => "",
    };

    public async Task<CommunityModerator> AddModeratorAsync(Guid userId, ModeratorKind kind, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new NotFoundException("No such account.");
        var existing = await db.Set<CommunityModerator>().FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (existing is not null)
        {
            existing.Kind = kind;
            await db.SaveChangesAsync(ct);
            return existing;
        }
        var moderator = new CommunityModerator { UserId = userId, Kind = kind };
        db.Add(moderator);
        await db.SaveChangesAsync(ct);
        return moderator;
    }

    /// <summary>Appoints the account with this e-mail address (the region's coordinators do this on /community/moderatoren).</summary>
    public async Task<CommunityModerator> AddModeratorAsync(string? email, ModeratorKind kind, CancellationToken ct = default)
    {
        var normalized = email?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalized)) throw new ValidationException("Email", "Enter the e-mail address of the account.");
        if (!Enum.IsDefined(kind)) throw new ValidationException("Kind", "Choose experience expert or professional.");
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException("Email", "There is no account with this e-mail address; the person makes one first.");
        return await AddModeratorAsync(userId, kind, ct);
    }

    /// <summary>Ends an appointment. Their earlier actions stay, with their reasons.</summary>
    public async Task RemoveModeratorAsync(Guid moderatorId, CancellationToken ct = default)
    {
        var moderator = await db.Set<CommunityModerator>().FirstOrDefaultAsync(m => m.Id == moderatorId, ct) ?? throw new NotFoundException("Not a moderator.");
        db.Remove(moderator);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every moderator with the e-mail address of their account, for the coordinators' roster.</summary>
    public async Task<List<(CommunityModerator Moderator, string? Email)>> RosterAsync(CancellationToken ct = default)
    {
        var rows = await (from m in db.Set<CommunityModerator>().AsNoTracking()
                          join u in db.Users on m.UserId equals u.Id
                          select new { m, u.Email }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.m.Kind).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Select(r => (r.m, r.Email))];
    }

    public async Task SetOnDutyAsync(Guid userId, bool onDuty, CancellationToken ct = default)
    {
        var moderator = await db.Set<CommunityModerator>().FirstOrDefaultAsync(m => m.UserId == userId, ct) ?? throw new NotFoundException("Not a moderator.");
        moderator.OnDuty = onDuty;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Queues the alert for a held crisis or method post to the moderators on duty, or, when nobody is on duty, to the
    /// professionals. The mail holds a link only (absolute, from <see cref="MailOptions.PublicBaseUrl"/>), never the post's
    /// words. Written with the post (same SaveChanges).
    /// </summary>
    internal static async Task AlertAsync(GemDbContext db, string baseUrl, CommunityPost post, HoldReason hold, DateTimeOffset now, CancellationToken ct)
    {
        var moderators = db.Set<CommunityModerator>();
        var onDuty = await moderators.Where(m => m.OnDuty).Select(m => m.UserId).ToListAsync(ct);
        var to = onDuty.Count > 0 ? onDuty : await moderators.Where(m => m.Kind == ModeratorKind.Professional).Select(m => m.UserId).ToListAsync(ct);
        var addresses = await db.Users.Where(u => to.Contains(u.Id) && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var what = hold == HoldReason.Crisis ? "een crisissignaal" : "een beschrijving van een methode";
        foreach (var a in addresses)
        {
            db.QueueText(now, $"{AlertKind}.{post.Id:N}.{a.Id:N}", a.Email!, "Community: bericht met " + what + " wacht op je",
                $"Er wacht een bericht met {what} in de community. De schrijver zag 113 en 112.\n\nBekijk het nu: {QueueLink(baseUrl, post.Id)}\n");
        }
    }

    /// <summary>The moderation queue at the post, as a link a mail program can open.</summary>
    internal static string QueueLink(string baseUrl, Guid postId) => $"{baseUrl.TrimEnd('/')}/community/moderatie#p-{postId:N}";

    /// <summary>What waits for moderators: held posts first (crisis before anything), then hidden and flagged ones.</summary>
    public async Task<List<QueueItem>> QueueAsync(CommunityViewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsModerator) throw new NotFoundException("Not found.");
        var posts = await db.Set<CommunityPost>().AsNoTracking()
            .Where(p => p.Status == PostStatus.Waiting || p.Status == PostStatus.Hidden || (p.Status == PostStatus.Visible && p.Flags > 0 && p.ModeratedAt == null))
            .OrderBy(p => p.CreatedAt).Take(200).ToListAsync(ct);
        var threadIds = posts.Select(p => p.ThreadId).Distinct().ToList();
        var threads = await db.Set<CommunityThread>().AsNoTracking().Where(t => threadIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var spaceIds = posts.Select(p => p.SpaceId).Distinct().ToList();
        var spaces = await db.Set<CommunitySpace>().AsNoTracking().Where(s => spaceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var memberIds = posts.Where(p => p.AuthorMemberId != null).Select(p => p.AuthorMemberId!.Value).Distinct().ToList();
        var handles = await db.Set<CommunityMember>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Handle, ct);
        return posts
            .OrderBy(p => p.HoldReason == HoldReason.Crisis ? 0 : p.HoldReason == HoldReason.Method ? 1 : p.Status == PostStatus.Hidden ? 2 : 3)
            .ThenBy(p => p.CreatedAt)
            .Select(p => new QueueItem(p, threads[p.ThreadId], spaces[p.SpaceId], p.AuthorMemberId is { } m ? handles.GetValueOrDefault(m, "") : "", CommunityAccess.MayModerate(spaces[p.SpaceId], viewer)))
            .ToList();
    }

    private async Task<(CommunityPost Post, CommunitySpace Space, CommunityMember? Member)> LoadAsync(CommunityViewer viewer, Guid postId, string? reason, CancellationToken ct)
    {
        var post = await db.Set<CommunityPost>().FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new NotFoundException("Not found.");
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Id == post.SpaceId, ct);
        if (!viewer.IsModerator) throw new NotFoundException("Not found.");
        if (!CommunityAccess.MayModerate(space, viewer)) throw new ForbiddenException("You work for this organisation: another moderator decides.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > CommunityLimits.Reason) throw new ValidationException("Reason", "Write the reason the member will read.");
        var member = post.AuthorMemberId is { } m ? await db.Set<CommunityMember>().FirstOrDefaultAsync(x => x.Id == m, ct) : null;
        return (post, space, member);
    }

    /// <summary>Lets a waiting or hidden post through (or clears the flags on a visible one).</summary>
    public async Task ApproveAsync(CommunityViewer viewer, Guid postId, string? reason, CancellationToken ct = default)
    {
        var (post, _, member) = await LoadAsync(viewer, postId, reason, ct);
        var now = clock.GetUtcNow();
        if (post.Status != PostStatus.Visible)
        {
            post.Status = PostStatus.Visible;
            post.VisibleAt ??= now;
            if (member is not null) member.ApprovedPosts++;
            var thread = await db.Set<CommunityThread>().FirstAsync(t => t.Id == post.ThreadId, ct);
            if (thread.OpeningPostId == post.Id) thread.Visible = true;
            if (post.CreatedAt > thread.LastPostAt) thread.LastPostAt = post.CreatedAt;
        }
        post.ModeratedAt = now;
        Record(ModerationKind.Approve, member, post, viewer, reason!, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a post with a reason; with <paramref name="strike"/> the writer gets a strike, and the third suspends.</summary>
    public async Task RemoveAsync(CommunityViewer viewer, Guid postId, string? reason, bool strike, CancellationToken ct = default)
    {
        var (post, _, member) = await LoadAsync(viewer, postId, reason, ct);
        var now = clock.GetUtcNow();
        post.Status = PostStatus.Removed;
        post.ModeratedAt = now;
        await CommunityService.HideThreadIfOpeningAsync(db, post, ct);
        Record(ModerationKind.Remove, member, post, viewer, reason!, now);
        if (strike && member is not null) Strike(member, post, viewer, reason!, now);
        await db.SaveChangesAsync(ct);
    }

    private void Strike(CommunityMember member, CommunityPost? post, CommunityViewer viewer, string reason, DateTimeOffset now)
    {
        member.Strikes++;
        Record(ModerationKind.Strike, member, post, viewer, string.Create(CultureInfo.InvariantCulture, $"Waarschuwing {member.Strikes} van {options.Value.StrikesToSuspend}: {reason.Trim()}"), now);
        if (ModerationRules.Suspends(options.Value, member.Strikes) && member.SuspendedAt is null)
        {
            member.SuspendedAt = now;
            Record(ModerationKind.Suspend, member, null, viewer,
                string.Create(CultureInfo.InvariantCulture, $"Je hebt {member.Strikes} waarschuwingen gekregen. Je kunt niet meer schrijven. Je kunt bezwaar maken."), now);
        }
    }

    /// <summary>Asks the professional to look: a mail to every professional moderator (a link only).</summary>
    public async Task EscalateAsync(CommunityViewer viewer, Guid postId, string? reason, CancellationToken ct = default)
    {
        var (post, _, member) = await LoadAsync(viewer, postId, reason, ct);
        var now = clock.GetUtcNow();
        var action = Record(ModerationKind.Escalate, member, post, viewer, reason!, now);
        var professionals = await db.Set<CommunityModerator>().Where(m => m.Kind == ModeratorKind.Professional).Select(m => m.UserId).ToListAsync(ct);
        var addresses = await db.Users.Where(u => professionals.Contains(u.Id) && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var a in addresses)
        {
            db.QueueText(now, $"community-escalate.{action.Id:N}.{a.Id:N}", a.Email!, "Community: een moderator vraagt je mee te kijken",
                $"Een moderator vraagt je mee te kijken naar een bericht.\n\nReden: {reason!.Trim()}\n\nBekijk het: {QueueLink(mail.Value.PublicBaseUrl, post.Id)}\n");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Lifts a suspension (or a member's pre-moderation after flags).</summary>
    public async Task LiftAsync(CommunityViewer viewer, Guid memberId, string? reason, CancellationToken ct = default)
    {
        if (!viewer.IsModerator) throw new NotFoundException("Not found.");
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException("Reason", "Write the reason the member will read.");
        var member = await db.Set<CommunityMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("Not found.");
        member.SuspendedAt = null;
        member.PreModerated = false;
        Record(ModerationKind.Lift, member, null, viewer, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private ModerationAction Record(ModerationKind kind, CommunityMember? member, CommunityPost? post, CommunityViewer viewer, string reason, DateTimeOffset now)
    {
        var action = new ModerationAction { Kind = kind, MemberId = member?.Id, PostId = post?.Id, ModeratorUserId = viewer.UserId, Reason = CommunityService.Trim(reason.Trim(), CommunityLimits.Reason), At = now };
        db.Add(action);
        return action;
    }

    // ---------- appeals ----------

    /// <summary>The member appeals an action about them, once, in their own words.</summary>
    public async Task AppealAsync(Guid userId, Guid actionId, string? text, CancellationToken ct = default)
    {
        var member = await db.Set<CommunityMember>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct) ?? throw new NotFoundException("Not found.");
        var action = await db.Set<ModerationAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.MemberId == member.Id, ct) ?? throw new NotFoundException("Not found.");
        if (action.Kind is ModerationKind.Approve or ModerationKind.Lift or ModerationKind.Restore) throw new ConflictException("Nothing to appeal.");
        if (action.AppealedAt is not null) throw new ConflictException("You already appealed.");
        var t = text?.Trim() ?? "";
        if (t.Length is < 1 or > CommunityLimits.Reason) throw new ValidationException("Appeal", "Write why you disagree.");
        action.Appeal = t;
        action.AppealedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<AppealItem>> AppealsAsync(CommunityViewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsModerator) throw new NotFoundException("Not found.");
        var actions = await db.Set<ModerationAction>().AsNoTracking().Where(a => a.AppealedAt != null && a.AppealDecidedAt == null).OrderBy(a => a.AppealedAt).Take(100).ToListAsync(ct);
        var memberIds = actions.Where(a => a.MemberId != null).Select(a => a.MemberId!.Value).ToList();
        var handles = await db.Set<CommunityMember>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Handle, ct);
        var postIds = actions.Where(a => a.PostId != null).Select(a => a.PostId!.Value).ToList();
        var posts = await db.Set<CommunityPost>().AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return actions.Select(a => new AppealItem(a, a.MemberId is { } m ? handles.GetValueOrDefault(m) : null, a.PostId is { } p ? posts.GetValueOrDefault(p) : null)).ToList();
    }

    /// <summary>
    /// Another moderator than the one who acted decides the appeal. Overturned: a removed or hidden post is restored, a
    /// strike is taken back (and a suspension it caused lifted), a held post let through.
    /// </summary>
    public async Task DecideAppealAsync(CommunityViewer viewer, Guid actionId, bool overturn, string? answer, CancellationToken ct = default)
    {
        if (!viewer.IsModerator) throw new NotFoundException("Not found.");
        var action = await db.Set<ModerationAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.AppealedAt != null, ct) ?? throw new NotFoundException("Not found.");
        if (action.AppealDecidedAt is not null) throw new ConflictException("Already decided.");
        if (action.ModeratorUserId == viewer.UserId) throw new ForbiddenException("Another moderator decides an appeal about your own action.");
        if (string.IsNullOrWhiteSpace(answer)) throw new ValidationException("Answer", "Write the answer the member will read.");
        var post = action.PostId is { } pid ? await db.Set<CommunityPost>().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (post is not null)
        {
            var space = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Id == post.SpaceId, ct);
            if (!CommunityAccess.MayModerate(space, viewer)) throw new ForbiddenException("You work for this organisation: another moderator decides.");
        }
        var now = clock.GetUtcNow();
        action.AppealOutcome = overturn ? AppealOutcome.Overturned : AppealOutcome.Upheld;
        action.AppealAnswer = CommunityService.Trim(answer.Trim(), CommunityLimits.Reason);
        action.AppealDecidedAt = now;
        if (overturn)
        {
            var member = action.MemberId is { } mid ? await db.Set<CommunityMember>().FirstOrDefaultAsync(m => m.Id == mid, ct) : null;
            switch (action.Kind)
            {
                case ModerationKind.Strike when member is not null:
                    member.Strikes = Math.Max(0, member.Strikes - 1);
                    if (!ModerationRules.Suspends(options.Value, member.Strikes)) member.SuspendedAt = null;
                    break;
                case ModerationKind.Suspend when member is not null:
                    member.SuspendedAt = null;
                    break;
                case ModerationKind.Hold when member is not null && post is null:
                    member.PreModerated = false;
                    break;
            }
            if (post is not null && post.Status != PostStatus.Visible && action.Kind is ModerationKind.Remove or ModerationKind.AutoHide or ModerationKind.Hold)
            {
                post.Status = PostStatus.Visible;
                post.VisibleAt ??= now;
                post.ModeratedAt = now;
                if (member is not null) member.ApprovedPosts++;
                await CommunityService.HideThreadIfOpeningAsync(db, post, ct);
                Record(ModerationKind.Restore, member, post, viewer, answer, now);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
