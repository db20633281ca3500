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
    public Task<AccessGrant> RequireAsync(Guid subjectId, Guid viewerId, DataCategory category, AccessAction action, CancellationToken ct = default) =>
        RequireAsync(subjectId, viewerId, category, action, category.ToString(), ct);

    /// <summary>As above, with <paramref name="what"/> in the log record instead of the category's name (e.g. "DiaryProposal": an act that rests on the category's consent).</summary>
    public async Task<AccessGrant> RequireAsync(Guid subjectId, Guid viewerId, DataCategory category, AccessAction action, string what, CancellationToken ct = default)
    {
        if (subjectId == viewerId) return new AccessGrant(subjectId, viewerId, true, null, "self");
        var (role, partnerId, partnerName) = await DescribeAsync(viewerId, ct);
        var consent = await FindConsentAsync(subjectId, viewerId, partnerId, category, ct);
        if (consent is { Member: { } member }) role = "resource-group:" + member.Role.ToString().ToLowerInvariant();
        await AccessLog.WriteAsync(db, clock, new AccessLogEntry
        {
            ActorUserId = viewerId, ActorRole = role, ActorOrganisationId = consent?.Member is null ? partnerId : null,
            ActorOrganisation = consent?.Member is null ? partnerName : null, SubjectUserId = subjectId,
            What = what, Action = action, Allowed = consent is not null, ConsentId = consent?.Grant.Id,
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

/// <summary>
/// Writes access-log records. There is deliberately no method to change or remove one. What one person can cause to be
/// written is bounded (decision 401): the same access (actor, subject, what, action, outcome) again within
/// <see cref="Window"/> adds no record, and an actor who would pass <see cref="MaxPerActor"/> records in that window is
/// refused (429) before anything is read or written.
/// </summary>
public static class AccessLog
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const int MaxPerActor = 300;

    public static Task WriteAsync(GemDbContext db, TimeProvider clock, AccessLogEntry entry, CancellationToken ct = default) =>
        WriteAsync(db, clock, [entry], ct);

    /// <summary>Writes records of one actor (e.g. one per person on an attendee list) in one save.</summary>
    public static async Task WriteAsync(GemDbContext db, TimeProvider clock, IReadOnlyCollection<AccessLogEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0) return;
        var actor = entries.First().ActorUserId;
        if (entries.Any(e => e.ActorUserId != actor)) throw new ArgumentException("All records of one write are of one actor.", nameof(entries));
        var now = clock.GetUtcNow();
        var since = now - Window;
        var subjects = entries.Select(e => e.SubjectUserId).Distinct().ToList();
        var recent = await db.Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.ActorUserId == actor && e.At >= since && subjects.Contains(e.SubjectUserId))
            .Select(e => new { e.SubjectUserId, e.What, e.Action, e.Allowed }).ToListAsync(ct);
        var fresh = entries
            .Where(e => !recent.Any(r => r.SubjectUserId == e.SubjectUserId && r.What == e.What && r.Action == e.Action && r.Allowed == e.Allowed))
            .DistinctBy(e => (e.SubjectUserId, e.What, e.Action, e.Allowed)).ToList();
        if (fresh.Count == 0) return;
        var written = await db.Set<AccessLogEntry>().CountAsync(e => e.ActorUserId == actor && e.At >= since, ct);
        if (written + fresh.Count > MaxPerActor)
            throw new TooManyRequestsException("Too many accesses in a short time; try again later.", Window);
        foreach (var entry in fresh)
        {
            entry.At = now;
            db.Set<AccessLogEntry>().Add(entry);
        }
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

    /// <summary>
    /// The names the person knows the viewers by: the name they gave a member of their resource group, otherwise the
    /// viewer's display name or account name. A viewer whose account is gone has no entry.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ViewerNamesAsync(GemDbContext db, Guid personId, IEnumerable<AccessLogEntry> entries, CancellationToken ct = default)
    {
        var ids = entries.Select(e => e.ActorUserId).OfType<Guid>().Where(id => id != personId).Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName ?? u.UserName }).ToListAsync(ct))
            .Where(u => u.Name is not null).ToDictionary(u => u.Id, u => u.Name!);
        var members = await db.Set<ResourceMember>().AsNoTracking()
            .Where(m => m.OwnerId == personId && m.MemberUserId != null && ids.Contains(m.MemberUserId.Value) && m.Name != null)
            .Select(m => new { Id = m.MemberUserId!.Value, m.Name }).ToListAsync(ct);
        foreach (var m in members) names[m.Id] = m.Name!;
        return names;
    }
}
