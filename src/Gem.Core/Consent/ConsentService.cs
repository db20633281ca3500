using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consent;

/// <summary>Give and withdraw consent: one call each, the same single step for the person.</summary>
public sealed class ConsentService(GemDbContext db, TimeProvider clock)
{
    public async Task GiveAsync(Guid ownerId, RecipientKind kind, Guid recipientId, DataCategory category, CancellationToken ct = default)
    {
        await EnsureRecipientAsync(ownerId, kind, recipientId, ct);
        if (await ActiveAsync(ownerId, kind, recipientId, category).AnyAsync(ct)) return;
        db.Set<ConsentGrant>().Add(new ConsentGrant
        {
            OwnerId = ownerId, RecipientKind = kind, RecipientId = recipientId, Category = category, GivenAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(Guid ownerId, RecipientKind kind, Guid recipientId, DataCategory category, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var grant in await ActiveAsync(ownerId, kind, recipientId, category).ToListAsync(ct)) grant.WithdrawnAt = now;
        await db.SaveChangesAsync(ct);
    }

    public Task<List<ConsentGrant>> ActiveForOwnerAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<ConsentGrant>().AsNoTracking().Where(c => c.OwnerId == ownerId && c.WithdrawnAt == null).ToListAsync(ct);

    private IQueryable<ConsentGrant> ActiveAsync(Guid ownerId, RecipientKind kind, Guid recipientId, DataCategory category) =>
        db.Set<ConsentGrant>().Where(c => c.OwnerId == ownerId && c.RecipientKind == kind && c.RecipientId == recipientId
                                          && c.Category == category && c.WithdrawnAt == null);

    private async Task EnsureRecipientAsync(Guid ownerId, RecipientKind kind, Guid recipientId, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) throw new ValidationException("recipient", "Unknown recipient.");
        var exists = kind == RecipientKind.Member
            ? await db.Set<ResourceMember>().AnyAsync(m => m.Id == recipientId && m.OwnerId == ownerId, ct)
            : await db.Partners.AnyAsync(p => p.Id == recipientId, ct);
        if (!exists) throw new NotFoundException("Recipient not found.");
    }
}
