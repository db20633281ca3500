using System.Net.Mail;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Consent;

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
            OwnerId = ownerId, Email = address, Name = TextInput.Optional(MailText.OneLineOrNull(name), 100, "Name"), Role = role, Token = Tokens.New(), InvitedAt = clock.GetUtcNow(),
        };
        db.Set<ResourceMember>().Add(member);

        // Queued with the invitation in one SaveChanges (decision 601). The name is the owner's own text: one line, no control characters.
        var owner = Outbox.OneLine(ownerName);
        var link = options.Value.PublicBaseUrl.TrimEnd('/') + "/plan/uitnodiging/" + member.Token;
        var (dutch, english) = RoleNames(role);
        db.QueueText(member.InvitedAt, InvitationKey(member.Id), address, $"{owner} nodigt je uit als {dutch} in de eigen kring (Gem)",
            $"{owner} vraagt je om als {dutch} mee te doen in de eigen kring in Gem. De eigen kring zijn de mensen om iemand heen die steunen: "
            + $"familie, vrienden, buren, ervaringsdeskundigen of hulpverleners.\n\n"
            + $"Bekijk de uitnodiging: {link}\n\nOp die pagina lees je wat meedoen betekent. Je maakt daar een account of je logt in met dit e-mailadres. "
            + $"Je ziet alleen wat {owner} met je deelt, en je kunt altijd weer uit de kring stappen. Wil je niet meedoen? Dan hoef je niets te doen.\n\n"
            + $"(English: {owner} invites you as {english} to their circle of support in Gem: {link})\n");
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>A role as the invitation mail names it, in Dutch and English.</summary>
    public static (string Dutch, string English) RoleNames(MemberRole role) => role switch
    {
        MemberRole.Naaste => ("naaste", "someone close"),
        MemberRole.Vriend => ("vriend of vriendin", "friend"),
        MemberRole.Buur => ("buur", "neighbour"),
        MemberRole.Ervaringsdeskundige => ("ervaringsdeskundige", "experience expert"),
        MemberRole.Professional => ("professional", "professional"),
        _ => ("lid", "member"),
    };

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
        await RemoveAsync(member, ct);
    }

    /// <summary>
    /// A member leaves someone's kring by their own choice: the membership and every consent given to it end at once,
    /// exactly as when the owner removes them.
    /// </summary>
    public async Task LeaveAsync(Guid memberUserId, Guid ownerId, CancellationToken ct = default)
    {
        var member = await db.Set<ResourceMember>().FirstOrDefaultAsync(m => m.MemberUserId == memberUserId && m.OwnerId == ownerId, ct) ?? throw new NotFoundException("Membership not found.");
        await RemoveAsync(member, ct);
    }

    private async Task RemoveAsync(ResourceMember member, CancellationToken ct)
    {
        var ownerId = member.OwnerId;
        var memberId = member.Id;
        var now = clock.GetUtcNow();
        foreach (var grant in await db.Set<ConsentGrant>().Where(c => c.OwnerId == ownerId && c.RecipientKind == RecipientKind.Member && c.RecipientId == memberId && c.WithdrawnAt == null).ToListAsync(ct))
            grant.WithdrawnAt = now;
        db.Set<ResourceMember>().Remove(member);
        await db.SaveChangesAsync(ct);
    }
}
