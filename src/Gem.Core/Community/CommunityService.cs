using System.Globalization;
using System.Text.RegularExpressions;
using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Community;

/// <summary>What happened to a new post: where it is, and whether it waits and why (the page tells the writer).</summary>
public sealed record PostResult(Guid ThreadId, Guid PostId, PostStatus Status, HoldReason Hold);

public sealed record ThreadSummary(CommunityThread Thread, string? Author, int Posts);

/// <summary>A thread as one viewer may see it: visible posts, plus the viewer's own waiting ones; a moderator sees all.</summary>
public sealed record ThreadView(
    CommunitySpace Space, CommunityThread Thread, IReadOnlyList<PostView> Posts, AuthorKind? WritesAs, bool MayModerate,
    bool IsAuthor, PublicQuestion? Question, int Page, int Pages);

public sealed record PostView(CommunityPost Post, string Author, bool Own);

public sealed record CommunityExport(
    string Handle, bool IsNaaste, DateTimeOffset JoinedAt, int Strikes,
    IReadOnlyList<ExportPost> Posts, IReadOnlyList<ExportThread> Threads, IReadOnlyList<ExportAction> Actions, IReadOnlyList<ExportFlag> Flags);

public sealed record ExportPost(Guid Id, Guid ThreadId, string Space, string Body, string? ContentWarning, PostStatus Status, DateTimeOffset CreatedAt);
public sealed record ExportThread(Guid Id, string Space, string Title, DateTimeOffset CreatedAt);
public sealed record ExportAction(ModerationKind Kind, string Reason, DateTimeOffset At, string? Appeal, AppealOutcome? AppealOutcome, string? AppealAnswer);
public sealed record ExportFlag(Guid PostId, DateTimeOffset At, string? Reason);

/// <summary>
/// The hosted eCommunity (issue 20): spaces, handles, threads and posts, flags, pausing, leaving and export. Every post
/// goes through <see cref="ModerationRules.Hold"/> (crisis, method, youth, first posts) and <see cref="SafeText"/>.
/// </summary>
public sealed partial class CommunityService(GemDbContext db, IOptions<CommunityOptions> options, IOptions<MailOptions> mail, TimeProvider clock, PublicQuestions questions)
{
    public const int ThreadsPerPage = 30;
    public const int PostsPerPage = 50;

    private CommunityOptions Options => options.Value;

    public Task<CommunityViewer> ViewerAsync(Guid? userId, CancellationToken ct = default) => CommunityViewer.LoadAsync(db, userId, ct);

    // ---------- spaces ----------

    /// <summary>Slug of the open theme for a life domain.</summary>
    public static string ThemeSlug(LifeDomains d) => "thema-" + d.ToString().ToLowerInvariant();
    public const string NaastenSlug = "naasten";
    public const string YouthSlug = "jongeren";

    /// <summary>Creates the open themes (one per life domain), the youth space and the naasten space once; safe to call at every start.</summary>
    public async Task EnsureSpacesAsync(CancellationToken ct = default)
    {
        var existing = await db.Set<CommunitySpace>().Where(s => s.OfferId == null).Select(s => s.Slug).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var d in Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None))
        {
            if (!existing.Contains(ThemeSlug(d))) db.Add(new CommunitySpace { Kind = SpaceKind.Theme, Slug = ThemeSlug(d), Title = d.ToString(), Domain = d, CreatedAt = now });
        }
        if (!existing.Contains(YouthSlug)) db.Add(new CommunitySpace { Kind = SpaceKind.Theme, Slug = YouthSlug, Title = "Jongeren", IsYouth = true, CreatedAt = now });
        if (!existing.Contains(NaastenSlug)) db.Add(new CommunitySpace { Kind = SpaceKind.Naasten, Slug = NaastenSlug, Title = "Naasten", CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance made them at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The spaces this viewer may read: themes, naasten, and the group rooms and offer threads they belong to.</summary>
    public async Task<List<CommunitySpace>> SpacesAsync(CommunityViewer viewer, CancellationToken ct = default)
    {
        var open = await db.Set<CommunitySpace>().AsNoTracking().Where(s => s.OfferId == null).OrderBy(s => s.Kind).ThenBy(s => s.Domain).ToListAsync(ct);
        var result = open.Where(s => CommunityAccess.MayRead(s, viewer, false)).ToList();
        if (viewer.UserId is { } id)
        {
            var offers = await db.Enrolments.Where(e => e.UserId == id && e.Status != Groups.EnrolmentStatus.Cancelled).Select(e => e.OfferId).Distinct().ToListAsync(ct);
            var staff = viewer.StaffPartnerId;
            var rooms = await db.Set<CommunitySpace>().AsNoTracking()
                .Where(s => s.Kind == SpaceKind.GroupRoom && (offers.Contains(s.OfferId!.Value) || (staff != null && s.PartnerId == staff)))
                .OrderBy(s => s.Title).Take(100).ToListAsync(ct);
            result.AddRange(rooms.Where(s => CommunityAccess.MayRead(s, viewer, s.OfferId is { } o && offers.Contains(o))));
        }
        return result;
    }

    public async Task<CommunitySpace> SpaceAsync(string slug, CommunityViewer viewer, CancellationToken ct = default)
    {
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct) ?? throw new NotFoundException("Not found.");
        if (!CommunityAccess.MayRead(space, viewer, await CommunityAccess.EnrolledAsync(db, space, viewer.UserId, ct))) throw new NotFoundException("Not found.");
        return space;
    }

    /// <summary>
    /// The space of an atlas offer: its "ervaringen" thread (kind <see cref="SpaceKind.Offer"/>), or the closed room of an
    /// online group (kind <see cref="SpaceKind.GroupRoom"/>), made on first use. Only online offers have a room.
    /// </summary>
    public async Task<CommunitySpace> OfferSpaceAsync(Guid offerId, SpaceKind kind, CancellationToken ct = default)
    {
        if (kind is not (SpaceKind.Offer or SpaceKind.GroupRoom)) throw new ArgumentOutOfRangeException(nameof(kind));
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstOrDefaultAsync(s => s.OfferId == offerId && s.Kind == kind, ct);
        if (space is not null) return space;
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new NotFoundException("Not found.");
        if (kind == SpaceKind.GroupRoom && !(offer.IsOnline || offer.Format == OfferFormat.Online)) throw new NotFoundException("Not found.");
        var now = clock.GetUtcNow();
        space = new CommunitySpace
        {
            Kind = kind, OfferId = offerId, PartnerId = offer.PartnerId, Domain = offer.LifeDomains, CreatedAt = now,
            Slug = (kind == SpaceKind.Offer ? "aanbod-" : "groep-") + offerId.ToString("N"), Title = Trim(offer.Name, CommunityLimits.Title),
        };
        db.Add(space);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.OfferId == offerId && s.Kind == kind, ct);
        }
        return space;
    }

    /// <summary>How the viewer would write in this space (as member or as the offer's partner), or null when they cannot now.</summary>
    public async Task<AuthorKind?> WritesAsAsync(CommunitySpace space, CommunityViewer viewer, CancellationToken ct = default) =>
        CommunityAccess.WritesAs(space, viewer, await CommunityAccess.EnrolledAsync(db, space, viewer.UserId, ct), clock.GetUtcNow());

    /// <summary>
    /// A page of the space's threads, latest activity first. The page's 30 threads are chosen first; only their visible
    /// posts are counted (on the covering posts index), so a later page does not count the posts of the threads it skips.
    /// </summary>
    public async Task<(List<ThreadSummary> Threads, int Pages)> ThreadsAsync(CommunitySpace space, int page, CancellationToken ct = default)
    {
        var q = db.Set<CommunityThread>().AsNoTracking().Where(t => t.SpaceId == space.Id && t.Visible);
        var count = await q.CountAsync(ct);
        var pages = Math.Max(1, (count + ThreadsPerPage - 1) / ThreadsPerPage);
        page = Math.Clamp(page, 1, pages);
        var threads = await q.OrderByDescending(t => t.LastPostAt).Skip((page - 1) * ThreadsPerPage).Take(ThreadsPerPage).ToListAsync(ct);
        var threadIds = threads.Select(t => t.Id).ToList();
        var posts = await db.Set<CommunityPost>().Where(p => threadIds.Contains(p.ThreadId) && p.Status == PostStatus.Visible)
            .GroupBy(p => p.ThreadId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var authorIds = threads.Where(t => t.AuthorMemberId != null).Select(t => t.AuthorMemberId!.Value).Distinct().ToList();
        var handles = await db.Set<CommunityMember>().Where(m => authorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Handle, ct);
        return (threads.Select(t => new ThreadSummary(t, t.AuthorMemberId is { } a ? handles.GetValueOrDefault(a) : null, posts.GetValueOrDefault(t.Id))).ToList(), pages);
    }

    // ---------- members ----------

    [GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}_\-]{2,29}$")]
    private static partial Regex HandlePattern();

    /// <summary>Takes a handle. Letters, digits, - and _ only (3 to 30), so a handle is never markup, an address or a name with spaces.</summary>
    public async Task<CommunityMember> JoinAsync(Guid userId, string? handle, bool isNaaste, CancellationToken ct = default)
    {
        var h = handle?.Trim() ?? "";
        if (!HandlePattern().IsMatch(h)) throw new ValidationException("Handle", "3 to 30 letters, digits, - or _.");
        if (await db.Set<CommunityMember>().AnyAsync(m => m.UserId == userId, ct)) throw new ConflictException("You already have a handle.");
        if (await db.Set<CommunityMember>().AnyAsync(m => m.Handle.ToLower() == h.ToLower(), ct)) throw new ValidationException("Handle", "This name is taken.");
        var member = new CommunityMember { UserId = userId, Handle = h, IsNaaste = isNaaste, JoinedAt = clock.GetUtcNow() };
        db.Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ValidationException("Handle", "This name is taken.");
        }
        return member;
    }

    public async Task SetNaasteAsync(Guid userId, bool isNaaste, CancellationToken ct = default)
    {
        var member = await RequireMemberAsync(userId, ct);
        member.IsNaaste = isNaaste;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"Pauze nemen": nothing to read or write for 1 to 30 days. It cannot be undone early, which is the point.</summary>
    public async Task PauseAsync(Guid userId, int days, CancellationToken ct = default)
    {
        if (days is < 1 or > 30) throw new ValidationException("Days", "1 to 30 days.");
        var member = await RequireMemberAsync(userId, ct);
        member.PauseUntil = clock.GetUtcNow().AddDays(days);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Leaving: the handle goes. With <paramref name="deletePosts"/> every post and every thread the member opened goes
    /// too (replies by others in those threads stay, under a neutral title); otherwise the posts stay without a name.
    /// </summary>
    public async Task LeaveAsync(Guid userId, bool deletePosts, CancellationToken ct = default)
    {
        var member = await RequireMemberAsync(userId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EraseMemberAsync(db, member.Id, deletePosts, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Removes a member's handle and, with <paramref name="deletePosts"/>, their writing; also called by the account's erasure
    /// (which always deletes). Threads they opened keep others' replies, under a neutral title.
    /// </summary>
    public static async Task EraseMemberAsync(GemDbContext db, Guid memberId, bool deletePosts, CancellationToken ct)
    {
        var threads = db.Set<CommunityThread>().Where(t => t.AuthorMemberId == memberId);
        await threads.ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "—").SetProperty(t => t.AuthorMemberId, (Guid?)null), ct);
        if (deletePosts)
        {
            var posts = db.Set<CommunityPost>().Where(p => p.AuthorMemberId == memberId);
            await db.Set<ModerationAction>().Where(a => a.PostId != null && posts.Select(p => p.Id).Contains(a.PostId.Value)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PostId, (Guid?)null), ct);
            await posts.ExecuteDeleteAsync(ct);
            // Threads left without an opening post are hidden (their replies are kept for the moderators, not shown).
            await db.Set<CommunityThread>().Where(t => t.OpeningPostId != null && !db.Set<CommunityPost>().Any(p => p.Id == t.OpeningPostId))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Visible, false), ct);
        }
        else
        {
            await db.Set<CommunityPost>().Where(p => p.AuthorMemberId == memberId).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorMemberId, (Guid?)null), ct);
        }
        await db.Set<ModerationAction>().Where(a => a.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.Set<CommunityFlag>().Where(f => f.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.Set<CommunityMember>().Where(m => m.Id == memberId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Everything the community holds about the member: for the export of their data and their own page.</summary>
    public Task<CommunityExport?> ExportAsync(Guid userId, CancellationToken ct = default) => ExportOfAsync(db, userId, ct);

    /// <summary>The community part of the person's data export (<see cref="Plan.PersonalData"/>).</summary>
    public static async Task<CommunityExport?> ExportOfAsync(GemDbContext db, Guid userId, CancellationToken ct)
    {
        var member = await db.Set<CommunityMember>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is null) return null;
        var spaces = await db.Set<CommunitySpace>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Slug, ct);
        var posts = await db.Set<CommunityPost>().AsNoTracking().Where(p => p.AuthorMemberId == member.Id).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var threads = await db.Set<CommunityThread>().AsNoTracking().Where(t => t.AuthorMemberId == member.Id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var actions = await db.Set<ModerationAction>().AsNoTracking().Where(a => a.MemberId == member.Id).OrderBy(a => a.At).ToListAsync(ct);
        var flags = await db.Set<CommunityFlag>().AsNoTracking().Where(f => f.MemberId == member.Id).OrderBy(f => f.At).ToListAsync(ct);
        return new CommunityExport(member.Handle, member.IsNaaste, member.JoinedAt, member.Strikes,
            posts.Select(p => new ExportPost(p.Id, p.ThreadId, spaces.GetValueOrDefault(p.SpaceId, ""), p.Body, p.ContentWarning, p.Status, p.CreatedAt)).ToList(),
            threads.Select(t => new ExportThread(t.Id, spaces.GetValueOrDefault(t.SpaceId, ""), t.Title, t.CreatedAt)).ToList(),
            actions.Select(a => new ExportAction(a.Kind, a.Reason, a.At, a.Appeal, a.AppealOutcome, a.AppealAnswer)).ToList(),
            flags.Select(f => new ExportFlag(f.PostId, f.At, f.Reason)).ToList());
    }

    /// <summary>The moderation actions about the member, newest first, each with its reason (the member's own page; they may appeal).</summary>
    public async Task<List<ModerationAction>> ActionsAboutAsync(Guid userId, CancellationToken ct = default)
    {
        var member = await RequireMemberAsync(userId, ct);
        return await db.Set<ModerationAction>().AsNoTracking().Where(a => a.MemberId == member.Id).OrderByDescending(a => a.At).Take(200).ToListAsync(ct);
    }

    /// <summary>The member's own posts with their status (waiting, removed...), newest first.</summary>
    public async Task<List<CommunityPost>> OwnPostsAsync(Guid userId, CancellationToken ct = default)
    {
        var member = await RequireMemberAsync(userId, ct);
        return await db.Set<CommunityPost>().AsNoTracking().Where(p => p.AuthorMemberId == member.Id).OrderByDescending(p => p.CreatedAt).Take(200).ToListAsync(ct);
    }

    private async Task<CommunityMember> RequireMemberAsync(Guid userId, CancellationToken ct) =>
        await db.Set<CommunityMember>().FirstOrDefaultAsync(m => m.UserId == userId, ct) ?? throw new NotFoundException("No handle.");

    // ---------- threads and posts ----------

    public async Task<PostResult> CreateThreadAsync(CommunityViewer viewer, Guid spaceId, string? title, string? body, string? warning, CancellationToken ct = default)
    {
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct) ?? throw new NotFoundException("Not found.");
        var author = await WriterAsync(space, viewer, ct);
        var t = title?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (t.Length is < 3 or > CommunityLimits.Title) errors["Title"] = [$"3 to {CommunityLimits.Title} characters."];
        var (text, cw) = Validate(body, warning, errors);
        if (errors.Count > 0) throw new ValidationException(errors);
        var now = clock.GetUtcNow();
        var thread = new CommunityThread { SpaceId = space.Id, Title = t, AuthorMemberId = author == AuthorKind.Member ? viewer.Member!.Id : null, CreatedAt = now, LastPostAt = now };
        db.Add(thread);
        var post = await AddPostAsync(space, thread, author, viewer, text, cw, t, now, ct);
        thread.OpeningPostId = post.Id;
        thread.Visible = post.Status == PostStatus.Visible;
        await db.SaveChangesAsync(ct);
        return new PostResult(thread.Id, post.Id, post.Status, post.HoldReason);
    }

    public async Task<PostResult> ReplyAsync(CommunityViewer viewer, Guid threadId, string? body, string? warning, CancellationToken ct = default)
    {
        var thread = await db.Set<CommunityThread>().FirstOrDefaultAsync(t => t.Id == threadId, ct) ?? throw new NotFoundException("Not found.");
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Id == thread.SpaceId, ct);
        var author = await WriterAsync(space, viewer, ct);
        if (!thread.Visible && !CommunityAccess.MayModerate(space, viewer)) throw new NotFoundException("Not found.");
        var errors = new Dictionary<string, string[]>();
        var (text, cw) = Validate(body, warning, errors);
        if (errors.Count > 0) throw new ValidationException(errors);
        var now = clock.GetUtcNow();
        var post = await AddPostAsync(space, thread, author, viewer, text, cw, null, now, ct);
        if (post.Status == PostStatus.Visible) thread.LastPostAt = now;
        await db.SaveChangesAsync(ct);
        return new PostResult(thread.Id, post.Id, post.Status, post.HoldReason);
    }

    private async Task<AuthorKind> WriterAsync(CommunitySpace space, CommunityViewer viewer, CancellationToken ct)
    {
        var enrolled = await CommunityAccess.EnrolledAsync(db, space, viewer.UserId, ct);
        if (!CommunityAccess.MayRead(space, viewer, enrolled)) throw new NotFoundException("Not found.");
        return CommunityAccess.WritesAs(space, viewer, enrolled, clock.GetUtcNow()) ?? throw new ForbiddenException("You cannot write here now.");
    }

    private static (string Text, string? Warning) Validate(string? body, string? warning, Dictionary<string, string[]> errors)
    {
        var text = body?.Trim() ?? "";
        if (text.Length is < 1 or > CommunityLimits.Body) errors["Body"] = [$"1 to {CommunityLimits.Body} characters."];
        var cw = string.IsNullOrWhiteSpace(warning) ? null : warning.Trim();
        if (cw is { Length: > CommunityLimits.Warning }) errors["ContentWarning"] = [$"At most {CommunityLimits.Warning} characters."];
        return (text, cw);
    }

    /// <summary>Adds the post with the status the rules give it; a post that waits for a crisis or method alerts the moderators on duty.</summary>
    private async Task<CommunityPost> AddPostAsync(CommunitySpace space, CommunityThread thread, AuthorKind author, CommunityViewer viewer, string text, string? cw, string? title, DateTimeOffset now, CancellationToken ct)
    {
        var member = author == AuthorKind.Member ? await db.Set<CommunityMember>().FirstAsync(m => m.Id == viewer.Member!.Id, ct) : null;
        var hold = ModerationRules.Hold(Options, space, author, member, title is null ? text : title + "\n" + text);
        var post = new CommunityPost
        {
            ThreadId = thread.Id, SpaceId = space.Id, AuthorKind = author, AuthorMemberId = member?.Id, PartnerId = author == AuthorKind.Partner ? space.PartnerId : null,
            Body = text, Html = SafeText.Render(text), ContentWarning = cw, CreatedAt = now,
            Status = hold == HoldReason.None ? PostStatus.Visible : PostStatus.Waiting, HoldReason = hold,
            VisibleAt = hold == HoldReason.None ? now : null,
        };
        db.Add(post);
        if (post.Status == PostStatus.Visible && member is not null) member.ApprovedPosts++;
        if (hold != HoldReason.None)
        {
            db.Add(new ModerationAction { Kind = ModerationKind.Hold, MemberId = member?.Id, PostId = post.Id, Reason = Moderation.HoldReasonText(hold), At = now });
        }
        if (ModerationRules.Alerts(hold)) await Moderation.AlertAsync(db, mail.Value.PublicBaseUrl, post, hold, now, ct);
        return post;
    }

    /// <summary>A thread as this viewer may see it; not found when they may not read the space or the thread is not visible to them.</summary>
    public async Task<ThreadView> ThreadAsync(CommunityViewer viewer, Guid threadId, int page, CancellationToken ct = default)
    {
        var thread = await db.Set<CommunityThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId, ct) ?? throw new NotFoundException("Not found.");
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Id == thread.SpaceId, ct);
        var enrolled = await CommunityAccess.EnrolledAsync(db, space, viewer.UserId, ct);
        if (!CommunityAccess.MayRead(space, viewer, enrolled)) throw new NotFoundException("Not found.");
        var moderates = CommunityAccess.MayModerate(space, viewer);
        var own = viewer.Member?.Id;
        var isAuthor = own is not null && thread.AuthorMemberId == own;
        if (!thread.Visible && !moderates && !isAuthor) throw new NotFoundException("Not found.");

        var q = db.Set<CommunityPost>().AsNoTracking().Where(p => p.ThreadId == thread.Id);
        if (!moderates) q = q.Where(p => p.Status == PostStatus.Visible || (own != null && p.AuthorMemberId == own && p.Status == PostStatus.Waiting));
        var count = await q.CountAsync(ct);
        var pages = Math.Max(1, (count + PostsPerPage - 1) / PostsPerPage);
        page = Math.Clamp(page, 1, pages);
        var posts = await PageOfPostsAsync(q, count, page, ct);
        var memberIds = posts.Where(p => p.AuthorMemberId != null).Select(p => p.AuthorMemberId!.Value).Distinct().ToList();
        var handles = await db.Set<CommunityMember>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Handle, ct);
        var partnerName = space.PartnerId is { } pid ? await db.Partners.Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        string Author(CommunityPost p) => p.AuthorKind switch
        {
            AuthorKind.Partner => partnerName ?? "",
            AuthorKind.Specialist => "E-spreekuur",
            _ => p.AuthorMemberId is { } m && handles.TryGetValue(m, out var h) ? h : "",
        };
        var question = thread.PublicQuestionId is { } qid ? await db.Set<PublicQuestion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == qid, ct) : null;
        return new ThreadView(space, thread, posts.Select(p => new PostView(p, Author(p), own is not null && p.AuthorMemberId == own)).ToList(),
            CommunityAccess.WritesAs(space, viewer, enrolled, clock.GetUtcNow()), moderates, isAuthor, question, page, pages);
    }

    /// <summary>
    /// One page of a thread's posts, oldest first. A page in the later half of the thread is counted from the end, so the
    /// last page of a 50,000-post thread skips nothing. A page that still skips posts (the middle of a long thread) takes
    /// its ids first from the covering index on (ThreadId, CreatedAt, Id, Status, AuthorMemberId), which PostgreSQL
    /// skips through without reading the posts (an index-only scan), then reads only those 50.
    /// </summary>
    private static async Task<List<CommunityPost>> PageOfPostsAsync(IQueryable<CommunityPost> q, int count, int page, CancellationToken ct)
    {
        var skip = (page - 1) * PostsPerPage;
        var take = Math.Min(PostsPerPage, count - skip);
        if (take <= 0) return [];
        var fromEnd = count - skip - take < skip;
        var ordered = fromEnd ? q.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id) : q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id);
        var offset = fromEnd ? count - skip - take : skip;
        List<CommunityPost> posts;
        if (offset == 0)
        {
            posts = await ordered.Take(take).ToListAsync(ct);
        }
        else
        {
            var ids = await ordered.Skip(offset).Take(take).Select(p => p.Id).ToListAsync(ct);
            var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            posts = (await q.Where(p => ids.Contains(p.Id)).ToListAsync(ct)).OrderBy(p => order[p.Id]).ToList();
        }
        if (fromEnd) posts.Reverse();
        return posts;
    }

    /// <summary>
    /// A member flags a post (once per post). Outside moderated hours enough flags hide it at once, and flags from enough
    /// members on different posts of one writer make that writer's new posts wait; inside the hours the post goes to the queue.
    /// </summary>
    public async Task FlagAsync(CommunityViewer viewer, Guid postId, string? reason, CancellationToken ct = default)
    {
        var member = viewer.Member ?? throw new ForbiddenException("Take a handle first.");
        var post = await db.Set<CommunityPost>().FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new NotFoundException("Not found.");
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Id == post.SpaceId, ct);
        if (!CommunityAccess.MayRead(space, viewer, await CommunityAccess.EnrolledAsync(db, space, viewer.UserId, ct)) || post.Status != PostStatus.Visible)
            throw new NotFoundException("Not found.");
        if (post.AuthorMemberId == member.Id) throw new ConflictException("You cannot flag your own post.");
        if (await db.Set<CommunityFlag>().AnyAsync(f => f.PostId == postId && f.MemberId == member.Id, ct)) return;
        var now = clock.GetUtcNow();
        var why = string.IsNullOrWhiteSpace(reason) ? null : Trim(reason.Trim(), CommunityLimits.Reason);
        db.Add(new CommunityFlag { PostId = postId, MemberId = member.Id, At = now, Reason = why });
        post.Flags++;
        post.FirstFlagAt ??= now;
        if (ModerationRules.FlagsHide(Options, post.Flags, now))
        {
            post.Status = PostStatus.Hidden;
            db.Add(new ModerationAction
            {
                Kind = ModerationKind.AutoHide, MemberId = post.AuthorMemberId, PostId = post.Id, At = now,
                Reason = string.Create(CultureInfo.InvariantCulture, $"{post.Flags} leden meldden dit bericht buiten de moderatie-uren. Een moderator kijkt ernaar."),
            });
            await HideThreadIfOpeningAsync(db, post, ct);
        }
        await db.SaveChangesAsync(ct);

        if (post.AuthorMemberId is { } writerId)
        {
            var flaggers = await (from f in db.Set<CommunityFlag>()
                                  join p in db.Set<CommunityPost>() on f.PostId equals p.Id
                                  where p.AuthorMemberId == writerId && f.At > now.AddDays(-1)
                                  select new { f.MemberId, f.PostId }).ToListAsync(ct);
            // Count flaggers on distinct posts: one member flagging five posts counts once, five members on one post count as one post.
            var distinct = Math.Min(flaggers.Select(f => f.MemberId).Distinct().Count(), flaggers.Select(f => f.PostId).Distinct().Count());
            if (ModerationRules.FlagsPreModerateMember(Options, distinct, now))
            {
                var writer = await db.Set<CommunityMember>().FirstAsync(m => m.Id == writerId, ct);
                if (!writer.PreModerated)
                {
                    writer.PreModerated = true;
                    db.Add(new ModerationAction
                    {
                        Kind = ModerationKind.Hold, MemberId = writerId, At = now,
                        Reason = "Meerdere leden meldden verschillende berichten van je. Je nieuwe berichten wachten tot een moderator ernaar kijkt.",
                    });
                    await db.SaveChangesAsync(ct);
                }
            }
        }
    }

    internal static async Task HideThreadIfOpeningAsync(GemDbContext db, CommunityPost post, CancellationToken ct)
    {
        var thread = await db.Set<CommunityThread>().FirstAsync(t => t.Id == post.ThreadId, ct);
        if (thread.OpeningPostId == post.Id) thread.Visible = post.Status == PostStatus.Visible;
    }

    // ---------- specialists ----------

    /// <summary>
    /// The thread's author sends the question to the E-spreekuur (Consultation's <see cref="PublicQuestions"/>): the pool
    /// answers it, the answer shows in the thread, and a specialist may publish it in the question library.
    /// </summary>
    public async Task<PublicQuestion> AskSpecialistAsync(CommunityViewer viewer, Guid threadId, CancellationToken ct = default)
    {
        var thread = await db.Set<CommunityThread>().FirstOrDefaultAsync(t => t.Id == threadId, ct) ?? throw new NotFoundException("Not found.");
        if (viewer.Member is null || thread.AuthorMemberId != viewer.Member.Id || !thread.Visible) throw new NotFoundException("Not found.");
        if (thread.PublicQuestionId is not null) throw new ConflictException("Already asked.");
        var space = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Id == thread.SpaceId, ct);
        var opening = await db.Set<CommunityPost>().AsNoTracking().FirstAsync(p => p.Id == thread.OpeningPostId, ct);
        var text = Trim(thread.Title + "\n\n" + opening.Body, ConsultationLimits.Text);
        var question = await questions.AskAsync(text, space.Domain, ct);
        thread.PublicQuestionId = question.Id;
        await db.SaveChangesAsync(ct);
        return question;
    }

    internal static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
