using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Community;

/// <summary>Who is looking: the account (if any), its handle, the partner it works for (staff) and whether it moderates.</summary>
public sealed record CommunityViewer(Guid? UserId, CommunityMember? Member, Guid? StaffPartnerId, CommunityModerator? Moderator, Guid? AccountPartnerId)
{
    public static readonly CommunityViewer Anonymous = new(null, null, null, null, null);

    public bool IsModerator => Moderator is not null;

    /// <summary>Taking a break: nothing to read or write until it ends.</summary>
    public bool IsPaused(DateTimeOffset now) => Member?.PauseUntil > now;

    public bool IsSuspended => Member?.SuspendedAt is not null;

    public static async Task<CommunityViewer> LoadAsync(GemDbContext db, Guid? userId, CancellationToken ct)
    {
        if (userId is not { } id) return Anonymous;
        var member = await db.Set<CommunityMember>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == id, ct);
        var moderator = await db.Set<CommunityModerator>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == id, ct);
        var partner = await db.Users.Where(u => u.Id == id).Select(u => u.PartnerId).FirstOrDefaultAsync(ct);
        var isStaff = partner is not null && await (from ur in db.UserRoles
                                                    join r in db.Roles on ur.RoleId equals r.Id
                                                    where ur.UserId == id && r.Name == Roles.PartnerStaff
                                                    select ur).AnyAsync(ct);
        return new CommunityViewer(id, member, isStaff ? partner : null, moderator, partner);
    }
}

/// <summary>
/// The one home of who may read, write and moderate in a space (decision 901); the authorisation matrix test checks it
/// through every page. A space someone may not read answers "not found", never "forbidden", so its existence leaks nothing.
/// </summary>
public static class CommunityAccess
{
    /// <summary>
    /// Themes: members. An offer's thread: members and the staff of the offer's partner. A group room: members enrolled in
    /// the offer and the partner's staff (its facilitators). Naasten: members who said they are a naaste; no staff.
    /// Moderators read every space (they are responsible for safety everywhere).
    /// </summary>
    public static bool MayRead(CommunitySpace space, CommunityViewer viewer, bool enrolled)
    {
        if (viewer.IsModerator) return true;
        return space.Kind switch
        {
            SpaceKind.Theme => viewer.Member is not null,
            SpaceKind.Offer => viewer.Member is not null || IsStaffOf(space, viewer),
            SpaceKind.GroupRoom => (viewer.Member is not null && enrolled) || IsStaffOf(space, viewer),
            SpaceKind.Naasten => viewer.Member is { IsNaaste: true },
            _ => false,
        };
    }

    /// <summary>How this viewer would write here: as a member, as the offer's partner, or not at all.</summary>
    public static AuthorKind? WritesAs(CommunitySpace space, CommunityViewer viewer, bool enrolled, DateTimeOffset now)
    {
        if (!MayRead(space, viewer, enrolled)) return null;
        if (IsStaffOf(space, viewer)) return AuthorKind.Partner;
        if (viewer.Member is null || viewer.IsSuspended || viewer.IsPaused(now)) return null;
        // A moderator without the right to read as a member (e.g. a closed room they are not enrolled in) does not write there.
        if (viewer.IsModerator && !MayRead(space, viewer with { Moderator = null }, enrolled)) return null;
        return AuthorKind.Member;
    }

    /// <summary>Moderators moderate, except in the spaces of the organisation they work for: a partner never moderates its own reviews.</summary>
    public static bool MayModerate(CommunitySpace? space, CommunityViewer viewer) =>
        viewer.IsModerator && (space?.PartnerId is null || viewer.AccountPartnerId != space.PartnerId);

    private static bool IsStaffOf(CommunitySpace space, CommunityViewer viewer) =>
        space.PartnerId is not null && viewer.StaffPartnerId == space.PartnerId && space.Kind is SpaceKind.Offer or SpaceKind.GroupRoom;

    /// <summary>Whether the account is enrolled (active or pausing) in the offer of a group room.</summary>
    public static Task<bool> EnrolledAsync(GemDbContext db, CommunitySpace space, Guid? userId, CancellationToken ct) =>
        space.Kind != SpaceKind.GroupRoom || userId is null || space.OfferId is null
            ? Task.FromResult(false)
            : db.Enrolments.AnyAsync(e => e.OfferId == space.OfferId && e.UserId == userId && e.Status != EnrolmentStatus.Cancelled, ct);
}
