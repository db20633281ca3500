using System.Net.Mail;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Plan;

/// <summary>The person's network: invite by e-mail with a role, accept with one's own account, remove.</summary>
public sealed class ResourceGroup(GemDbContext db, IOptions<MailOptions> options, TimeProvider clock)
{
    public Task<List<ResourceMember>> MembersAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<ResourceMember>().AsNoTracking().Where(m => m.OwnerId == ownerId).OrderBy(m => m.InvitedAt).ToListAsync(ct);

    /// <summary>The people whose resource group I am in (accepted).</summary>
    public async Task<List<(Guid OwnerId, string OwnerName, MemberRole Role)>> MembershipsAsync(Guid userId, CancellationToken ct = default)
    {
        var rows = await db.Set<ResourceMember>().AsNoTracking().Where(m => m.MemberUserId == userId)
            .Join(db.Users, m => m.OwnerId, u => u.Id, (m, u) => new { m.OwnerId, Name = u.DisplayName ?? u.Email, m.Role }).ToListAsync(ct);
        return rows.Select(r => (r.OwnerId, r.Name ?? "", r.Role)).ToList();
    }

    public async Task<ResourceMember> InviteAsync(Guid ownerId, string ownerName, string email, string? name, MemberRole role, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(role)) throw new ValidationException("Role", "Choose a role.");
        var address = email.Trim();
        ownerName = MailText.OneLine(ownerName);
        if (address.Length > 200 || !MailAddress.TryCreate(address, out _)) throw new ValidationException("Email", "Enter an e-mail address.");
        var member = new ResourceMember
        {
            OwnerId = ownerId, Email = address, Name = PlanService.Clean(MailText.OneLineOrNull(name), 100, "Name"), Role = role, Token = Enrolment.NewToken(), InvitedAt = clock.GetUtcNow(),
        };
        db.Set<ResourceMember>().Add(member);

        // Queued with the invitation in one SaveChanges (decision 601). The name is the owner's own text: one line, no control characters.
        var owner = Outbox.OneLine(ownerName);
        var link = options.Value.PublicBaseUrl.TrimEnd('/') + "/plan/uitnodiging/" + member.Token;
        db.QueueText(member.InvitedAt, InvitationKey(member.Id), address, $"{owner} nodigt je uit in de eigen kring (Gem)",
            $"{owner} vraagt je om deel te zijn van de eigen kring (resource group) in Gem.\n\n"
            + $"Meedoen: {link}\n\nJe ziet alleen wat {owner} met je deelt. Wil je niet meedoen? Dan hoef je niets te doen.\n\n"
            + $"{owner} invites you to their resource group in Gem: {link}\n");
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>The outbox key (Message-Id) of the invitation mail to one member; it carries the inviter's name.</summary>
    public static string InvitationKey(Guid memberId) => $"invite.{memberId:N}";

    /// <summary>The invitation behind a token, or not found.</summary>
    public async Task<(ResourceMember Member, string OwnerName)> InvitationAsync(string token, CancellationToken ct = default)
    {
        var row = await db.Set<ResourceMember>().AsNoTracking().Where(m => m.Token == token)
            .Join(db.Users, m => m.OwnerId, u => u.Id, (m, u) => new { m, Name = u.DisplayName ?? u.Email }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Invitation not found.");
        return (row.m, row.Name ?? "");
    }

    /// <summary>
    /// Accepts with the signed-in account. The invitation was mailed to one address, so only an account whose
    /// confirmed e-mail is that address may accept it: a forwarded or leaked link is of no use to anyone else
    /// (403, nothing changes).
    /// </summary>
    public async Task<ResourceMember> AcceptAsync(string token, Guid userId, CancellationToken ct = default)
    {
        var member = await db.Set<ResourceMember>().FirstOrDefaultAsync(m => m.Token == token, ct) ?? throw new NotFoundException("Invitation not found.");
        if (member.OwnerId == userId) throw new ValidationException("token", "You cannot join your own resource group.");
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.EmailConfirmed }).FirstOrDefaultAsync(ct);
        if (account is null || !account.EmailConfirmed || !SameAddress(account.Email, member.Email))
            throw new ForbiddenException($"This invitation is for {MaskAddress(member.Email)}. Sign in with that address to accept it.");
        member.MemberUserId = userId;
        member.AcceptedAt = clock.GetUtcNow();
        member.Token = null;
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Whether an account's address is the invited one: trimmed, case-insensitive.</summary>
    public static bool SameAddress(string? accountEmail, string? invitedEmail) =>
        accountEmail is not null && invitedEmail is not null
        && string.Equals(accountEmail.Trim(), invitedEmail.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>An address shown to someone who may not be its owner: first letter, then stars, then the domain ("j***@example.org").</summary>
    public static string MaskAddress(string email)
    {
        var address = email.Trim();
        var at = address.LastIndexOf('@');
        if (at <= 0) return "***";
        return string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }

    /// <summary>Removes a member and every consent given to them.</summary>
    public async Task RemoveAsync(Guid ownerId, Guid memberId, CancellationToken ct = default)
    {
        var member = await db.Set<ResourceMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.OwnerId == ownerId, ct) ?? throw new NotFoundException("Member not found.");
        var now = clock.GetUtcNow();
        foreach (var grant in await db.Set<ConsentGrant>().Where(c => c.OwnerId == ownerId && c.RecipientKind == RecipientKind.Member && c.RecipientId == memberId && c.WithdrawnAt == null).ToListAsync(ct))
            grant.WithdrawnAt = now;
        db.Set<ResourceMember>().Remove(member);
        await db.SaveChangesAsync(ct);
    }
}
