using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consent;

/// <summary>The answer to "may this viewer see this category of this person's data", with the consent it rests on.</summary>
public sealed record AccessGrant(Guid SubjectId, Guid ViewerId, bool IsSelf, Guid? ConsentId, string Role);

/// <summary>
/// The one gate to a person's data for anyone but the person. Consent is read from the database on every call
/// (never from a cookie), so a withdrawal counts from the very next request. Every attempt by someone else,
/// allowed or refused, writes one access-log record; a refusal answers "not found", so it does not reveal
/// whether the person or the data exists.
/// </summary>
public sealed class PlanAccess(GemDbContext db, TimeProvider clock)
{
    public async Task<AccessGrant> RequireAsync(Guid subjectId, Guid viewerId, DataCategory category, AccessAction action, CancellationToken ct = default)
    {
        if (subjectId == viewerId) return new AccessGrant(subjectId, viewerId, true, null, "self");
        var (role, partnerId, partnerName) = await DescribeAsync(viewerId, ct);
        var consent = await FindConsentAsync(subjectId, viewerId, partnerId, category, ct);
        if (consent is { Member: { } member }) role = "resource-group:" + member.Role.ToString().ToLowerInvariant();
        await AccessLog.WriteAsync(db, clock, new AccessLogEntry
        {
            ActorUserId = viewerId, ActorRole = role, ActorOrganisationId = consent?.Member is null ? partnerId : null,
            ActorOrganisation = consent?.Member is null ? partnerName : null, SubjectUserId = subjectId,
            What = category.ToString(), Action = action, Allowed = consent is not null, ConsentId = consent?.Grant.Id,
        }, ct);
        if (consent is null) throw new NotFoundException("Not found.");
        return new AccessGrant(subjectId, viewerId, false, consent.Grant.Id, role);
    }

    /// <summary>The categories this viewer may see now (no log record: it reads consents, not the person's data).</summary>
    public async Task<IReadOnlyList<DataCategory>> SharedWithAsync(Guid subjectId, Guid viewerId, CancellationToken ct = default)
    {
        if (subjectId == viewerId) return Enum.GetValues<DataCategory>();
        var (_, partnerId, _) = await DescribeAsync(viewerId, ct);
        var memberIds = await MemberIdsAsync(subjectId, viewerId, ct);
        return await db.Set<ConsentGrant>()
            .Where(c => c.OwnerId == subjectId && c.WithdrawnAt == null
                        && ((c.RecipientKind == RecipientKind.Member && memberIds.Contains(c.RecipientId))
                            || (partnerId != null && c.RecipientKind == RecipientKind.Partner && c.RecipientId == partnerId)))
            .Select(c => c.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
    }

    private sealed record Found(ConsentGrant Grant, ResourceMember? Member);

    private async Task<Found?> FindConsentAsync(Guid subjectId, Guid viewerId, Guid? partnerId, DataCategory category, CancellationToken ct)
    {
        var members = await db.Set<ResourceMember>().Where(m => m.OwnerId == subjectId && m.MemberUserId == viewerId).ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToList();
        var grant = await db.Set<ConsentGrant>()
            .Where(c => c.OwnerId == subjectId && c.Category == category && c.WithdrawnAt == null
                        && ((c.RecipientKind == RecipientKind.Member && memberIds.Contains(c.RecipientId))
                            || (partnerId != null && c.RecipientKind == RecipientKind.Partner && c.RecipientId == partnerId)))
            .OrderBy(c => c.RecipientKind).FirstOrDefaultAsync(ct);
        if (grant is null) return null;
        return new Found(grant, grant.RecipientKind == RecipientKind.Member ? members.First(m => m.Id == grant.RecipientId) : null);
    }

    private Task<List<Guid>> MemberIdsAsync(Guid subjectId, Guid viewerId, CancellationToken ct) =>
        db.Set<ResourceMember>().Where(m => m.OwnerId == subjectId && m.MemberUserId == viewerId).Select(m => m.Id).ToListAsync(ct);

    /// <summary>Role and organisation from the database, not from the cookie.</summary>
    private async Task<(string Role, Guid? PartnerId, string? PartnerName)> DescribeAsync(Guid viewerId, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == viewerId).Select(u => new { u.PartnerId }).FirstOrDefaultAsync(ct);
        var roles = await (from ur in db.Set<IdentityUserRole<Guid>>()
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == viewerId
                           select r.Name).ToListAsync(ct);
        var role = roles.Count == 0 ? "unknown" : string.Join(",", roles.Order(StringComparer.Ordinal));
        if (user?.PartnerId is not { } partnerId || !roles.Contains(Roles.PartnerStaff)) return (role, null, null);
        var name = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return (role, partnerId, name);
    }
}

/// <summary>Writes access-log records. There is deliberately no method to change or remove one.</summary>
public static class AccessLog
{
    public static async Task WriteAsync(GemDbContext db, TimeProvider clock, AccessLogEntry entry, CancellationToken ct = default)
    {
        entry.At = clock.GetUtcNow();
        db.Set<AccessLogEntry>().Add(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person's own log for a period; reading it writes a record too.</summary>
    public static async Task<IReadOnlyList<AccessLogEntry>> ReadOwnAsync(GemDbContext db, TimeProvider clock, Guid personId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        await WriteAsync(db, clock, new AccessLogEntry
        {
            ActorUserId = personId, ActorRole = "self", SubjectUserId = personId, What = "AccessLog", Action = AccessAction.Read, Allowed = true,
        }, ct);
        var q = db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.SubjectUserId == personId);
        if (from is { } f) q = q.Where(e => e.At >= f);
        if (to is { } t) q = q.Where(e => e.At < t);
        return await q.OrderByDescending(e => e.At).Take(1000).ToListAsync(ct);
    }
}
