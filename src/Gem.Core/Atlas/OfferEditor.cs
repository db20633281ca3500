using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Atlas;

/// <summary>
/// Changes to offers. Partner staff change only their own organisation's; a foreign offer answers "not found" so its existence
/// is not confirmed by the error. Sessions, and removing an offer (which must respect its enrolments), are Groups'.
/// </summary>
public sealed class OfferEditor(GemDbContext db, TimeProvider clock)
{
    public async Task<Offer> CreateAsync(Actor actor, Guid partnerId, OfferInput input, CancellationToken ct = default)
    {
        if (!actor.MayManage(partnerId)) throw new ForbiddenException("You may only add offers for your own organisation.");
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, ct)) throw new NotFoundException("Partner not found.");
        input.EnsureValid();
        var offer = new Offer { Name = input.Name, PartnerId = partnerId };
        input.ApplyTo(offer, clock.GetUtcNow());
        db.Offers.Add(offer);
        await db.SaveChangesAsync(ct);
        return offer;
    }

    public async Task<Offer> UpdateAsync(Actor actor, Guid offerId, OfferInput input, CancellationToken ct = default)
    {
        var offer = await FindOwnAsync(actor, offerId, ct);
        input.EnsureValid();
        if (input.Capacity < offer.MembersTaken)
            throw new ValidationException(nameof(OfferInput.Capacity), $"{offer.MembersTaken} people hold a place in this group; capacity cannot be lower.");
        input.ApplyTo(offer, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>The offer when the actor may manage it; otherwise "not found".</summary>
    public async Task<Offer> FindOwnAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null || !actor.MayManage(offer.PartnerId)) throw new NotFoundException("Offer not found.");
        return offer;
    }
}
