using Gem.Core.Atlas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Community;

/// <summary>The four kinds of space (decision 901).</summary>
public enum SpaceKind
{
    /// <summary>An open theme per life domain, for every member.</summary>
    Theme = 1,
    /// <summary>"Ervaringen met deze groep": one thread per atlas offer; the partner may answer, never moderate.</summary>
    Offer = 2,
    /// <summary>A closed room per online group offer (its session series): its enrolled members and its partner's facilitators.</summary>
    GroupRoom = 3,
    /// <summary>The separate space for naasten (relatives and friends); professionals do not read along.</summary>
    Naasten = 4,
}

public class CommunitySpace
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public SpaceKind Kind { get; set; }
    /// <summary>The address part, e.g. "geld-en-schulden" or "aanbod-{offer id}".</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public LifeDomains Domain { get; set; }
    /// <summary>The offer of an <see cref="SpaceKind.Offer"/> space or a <see cref="SpaceKind.GroupRoom"/>.</summary>
    public Guid? OfferId { get; set; }
    /// <summary>The offer's partner, kept so the rules need no join: its staff answer here and never moderate here.</summary>
    public Guid? PartnerId { get; set; }
    /// <summary>A youth space: every post waits for a moderator (as Kooth).</summary>
    public bool IsYouth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A member's pseudonymous identity. It is tied to the sign-in account only so the person can act and leave; no page,
/// export to others or moderator view shows the account, the plan or the e-mail address (decision 901).
/// </summary>
public class CommunityMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public required string Handle { get; set; }
    /// <summary>The person says they are a naaste: the naasten space opens for them.</summary>
    public bool IsNaaste { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>Posts a moderator (or the rules) let through; below the configured number, new posts wait.</summary>
    public int ApprovedPosts { get; set; }
    public int Strikes { get; set; }
    /// <summary>Suspended after the third strike, until a moderator lifts it or an appeal succeeds.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }
    /// <summary>"Pauze nemen": no reading or writing until then; chosen by the member and not undone early.</summary>
    public DateTimeOffset? PauseUntil { get; set; }
    /// <summary>Flags on several different posts outside moderated hours: new posts wait until a moderator looks.</summary>
    public bool PreModerated { get; set; }
}

public class CommunityThread
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SpaceId { get; set; }
    public required string Title { get; set; }
    /// <summary>Null after the author left with "anonymise".</summary>
    public Guid? AuthorMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastPostAt { get; set; }
    /// <summary>Shown once its opening post is visible.</summary>
    public bool Visible { get; set; }
    public Guid? OpeningPostId { get; set; }
    /// <summary>The E-spreekuur question this thread went to (Consultation's <c>PublicQuestion</c>).</summary>
    public Guid? PublicQuestionId { get; set; }
}

public enum PostStatus
{
    Visible = 1,
    /// <summary>Waits for a moderator; <see cref="CommunityPost.HoldReason"/> says why.</summary>
    Waiting = 2,
    /// <summary>Hidden automatically by members' flags outside moderated hours; a moderator decides.</summary>
    Hidden = 3,
    /// <summary>Removed by a moderator (with a reason the writer sees).</summary>
    Removed = 4,
}

public enum HoldReason
{
    None = 0,
    FirstPosts = 1,
    Youth = 2,
    /// <summary>A crisis phrase: the writer saw 113/112 and the moderator on duty was alerted.</summary>
    Crisis = 3,
    /// <summary>A graphic description of a method of self-harm or suicide.</summary>
    Method = 4,
    /// <summary>The member's posts are pre-moderated after flags on several posts.</summary>
    MemberFlags = 5,
}

/// <summary>Who wrote a post: a member under a handle, partner staff (answering on their offer's thread), or a specialist's answer.</summary>
public enum AuthorKind
{
    Member = 1,
    Partner = 2,
    Specialist = 3,
}

public class CommunityPost
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ThreadId { get; set; }
    public Guid SpaceId { get; set; }
    public AuthorKind AuthorKind { get; set; }
    /// <summary>Null for partner and specialist posts, and after the author left with "anonymise".</summary>
    public Guid? AuthorMemberId { get; set; }
    /// <summary>The organisation of a partner post.</summary>
    public Guid? PartnerId { get; set; }
    /// <summary>The Markdown the author wrote.</summary>
    public required string Body { get; set; }
    /// <summary>The safe HTML made from <see cref="Body"/> by <see cref="SafeText"/> when written.</summary>
    public required string Html { get; set; }
    /// <summary>The writer's own content warning: the post shows folded under it.</summary>
    public string? ContentWarning { get; set; }
    public PostStatus Status { get; set; }
    public HoldReason HoldReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it became visible (approved, or at once).</summary>
    public DateTimeOffset? VisibleAt { get; set; }
    public int Flags { get; set; }
    /// <summary>When the first flag came in, for the dashboard's "time from flag to moderator action".</summary>
    public DateTimeOffset? FirstFlagAt { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
}

public class CommunityFlag
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PostId { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

public enum ModerationKind
{
    Approve = 1,
    Remove = 2,
    /// <summary>The rules hid a post after flags outside moderated hours.</summary>
    AutoHide = 3,
    Restore = 4,
    Strike = 5,
    /// <summary>The third strike: the member can no longer post.</summary>
    Suspend = 6,
    Lift = 7,
    /// <summary>The rules held a post (crisis phrase, method, first posts, youth space).</summary>
    Hold = 8,
    Escalate = 9,
}

public enum AppealOutcome
{
    Upheld = 1,
    Overturned = 2,
}

/// <summary>One moderation action. Every action has a reason the member sees, and the member may appeal it once.</summary>
public class ModerationAction
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public ModerationKind Kind { get; set; }
    /// <summary>The member the action is about (null after they left).</summary>
    public Guid? MemberId { get; set; }
    public Guid? PostId { get; set; }
    /// <summary>The moderator's account; null when the rules acted.</summary>
    public Guid? ModeratorUserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Appeal { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }
    public AppealOutcome? AppealOutcome { get; set; }
    public string? AppealAnswer { get; set; }
    public DateTimeOffset? AppealDecidedAt { get; set; }
}

public enum ModeratorKind
{
    /// <summary>An ervaringsdeskundige: moderates day to day.</summary>
    ExperienceExpert = 1,
    /// <summary>The professional moderators escalate to; gets crisis alerts outside moderated hours.</summary>
    Professional = 2,
}

/// <summary>A moderator of the region's community (decision 902). Not an Identity role: the region appoints them here.</summary>
public class CommunityModerator
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public ModeratorKind Kind { get; set; }
    /// <summary>On duty now: crisis alerts go to them first.</summary>
    public bool OnDuty { get; set; }
}

/// <summary>The short built-in survey on harms (the adverse-event questions of the Mind community study).</summary>
public class HarmsSurveyAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Day { get; set; }
    /// <summary>"Did something here make you feel worse?"</summary>
    public bool Harmed { get; set; }
    public bool AboutModeration { get; set; }
    public bool Excluded { get; set; }
    public bool Contagion { get; set; }
    public bool FeelsSafe { get; set; }
}

public static class CommunityLimits
{
    public const int Handle = 30;
    public const int Title = 150;
    public const int Body = 6000;
    public const int Reason = 1000;
    public const int Warning = 100;
}

/// <summary>Configuration <c>Gem:Community</c>.</summary>
public sealed class CommunityOptions
{
    public const string Section = "Gem:Community";
    /// <summary>A member's first posts wait for approval (Discourse's "first post approval").</summary>
    public int FirstPostsApproval { get; set; } = 3;
    /// <summary>Distinct members' flags that hide a post outside moderated hours (Mind Side by Side: 3).</summary>
    public int FlagThreshold { get; set; } = 3;
    /// <summary>Distinct members flagging different posts of one member outside moderated hours (Mind: 5): that member's posts wait.</summary>
    public int MemberFlagThreshold { get; set; } = 5;
    public int StrikesToSuspend { get; set; } = 3;
    /// <summary>Moderated hours, local time (Europe/Amsterdam); an end of 24 means midnight.</summary>
    public int ModeratedFromHour { get; set; } = 8;
    public int ModeratedToHour { get; set; } = 24;
}

internal sealed class CommunitySpaceConfiguration : IEntityTypeConfiguration<CommunitySpace>
{
    public void Configure(EntityTypeBuilder<CommunitySpace> b)
    {
        b.ToTable("CommunitySpaces");
        b.Property(s => s.Slug).HasMaxLength(80);
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Title).HasMaxLength(CommunityLimits.Title);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.HasIndex(s => new { s.Kind, s.OfferId }).IsUnique();
        b.HasOne<Offer>().WithMany().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityMemberConfiguration : IEntityTypeConfiguration<CommunityMember>
{
    public void Configure(EntityTypeBuilder<CommunityMember> b)
    {
        b.ToTable("CommunityMembers");
        b.Property(m => m.Handle).HasMaxLength(CommunityLimits.Handle);
        b.HasIndex(m => m.Handle).IsUnique();
        b.HasIndex(m => m.UserId).IsUnique();
        // Erasing the account removes the member, and with it their posts (see CommunityPost).
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityThreadConfiguration : IEntityTypeConfiguration<CommunityThread>
{
    public void Configure(EntityTypeBuilder<CommunityThread> b)
    {
        b.ToTable("CommunityThreads");
        b.Property(t => t.Title).HasMaxLength(CommunityLimits.Title);
        b.HasIndex(t => new { t.SpaceId, t.Visible, t.LastPostAt });
        b.HasOne<CommunitySpace>().WithMany().HasForeignKey(t => t.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CommunityMember>().WithMany().HasForeignKey(t => t.AuthorMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CommunityPostConfiguration : IEntityTypeConfiguration<CommunityPost>
{
    public void Configure(EntityTypeBuilder<CommunityPost> b)
    {
        b.ToTable("CommunityPosts");
        b.Property(p => p.Body).HasMaxLength(CommunityLimits.Body);
        b.Property(p => p.Html).HasMaxLength(CommunityLimits.Body * 4);
        b.Property(p => p.ContentWarning).HasMaxLength(CommunityLimits.Warning);
        // A thread's pages: the key orders the thread and the two trailing columns are what the reader's filter asks
        // (visible, or their own waiting post), so counting a thread and finding a page's ids never reads the posts.
        b.HasIndex(p => new { p.ThreadId, p.CreatedAt, p.Id, p.Status, p.AuthorMemberId });
        b.HasIndex(p => new { p.Status, p.CreatedAt });
        b.HasIndex(p => p.AuthorMemberId);
        b.HasOne<CommunityThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // Erasure of the account deletes the member's posts; "leave and anonymise" first sets the author to null.
        b.HasOne<CommunityMember>().WithMany().HasForeignKey(p => p.AuthorMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityFlagConfiguration : IEntityTypeConfiguration<CommunityFlag>
{
    public void Configure(EntityTypeBuilder<CommunityFlag> b)
    {
        b.ToTable("CommunityFlags");
        b.Property(f => f.Reason).HasMaxLength(CommunityLimits.Reason);
        b.HasIndex(f => new { f.PostId, f.MemberId }).IsUnique();
        b.HasIndex(f => new { f.MemberId, f.At });
        b.HasOne<CommunityPost>().WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CommunityMember>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> b)
    {
        b.ToTable("CommunityModerationActions");
        b.Property(a => a.Reason).HasMaxLength(CommunityLimits.Reason);
        b.Property(a => a.Appeal).HasMaxLength(CommunityLimits.Reason);
        b.Property(a => a.AppealAnswer).HasMaxLength(CommunityLimits.Reason);
        b.HasIndex(a => new { a.MemberId, a.At });
        b.HasIndex(a => a.AppealedAt);
        b.HasOne<CommunityMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CommunityPost>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CommunityModeratorConfiguration : IEntityTypeConfiguration<CommunityModerator>
{
    public void Configure(EntityTypeBuilder<CommunityModerator> b)
    {
        b.ToTable("CommunityModerators");
        b.HasIndex(m => m.UserId).IsUnique();
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HarmsSurveyAnswerConfiguration : IEntityTypeConfiguration<HarmsSurveyAnswer>
{
    public void Configure(EntityTypeBuilder<HarmsSurveyAnswer> b)
    {
        b.ToTable("CommunityHarmsSurvey");
        b.HasIndex(a => a.Day);
    }
}
