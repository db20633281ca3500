using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Atlas;

/// <summary>Who is acting: a signed-in user, their partner organisation (staff) and whether they are an admin.</summary>
public sealed record Actor(Guid UserId, Guid? PartnerId, bool IsAdmin)
{
    public bool MayManage(Guid partnerId) => IsAdmin || PartnerId == partnerId;
}

/// <summary>
/// Changes to offers and sessions. Partner staff change only their own organisation's; a foreign
/// offer answers "not found" so its existence is not confirmed by the error.
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

    /// <summary>
    /// Deletes an offer nobody ever enrolled for: its sessions go, the offer itself stays as a tombstone (<see cref="Offer.ArchivedAt"/>)
    /// so HSDS consumers learn it is gone. With enrolments it is refused (409); <see cref="SessionCancellation.ArchiveOfferAsync"/> informs them.
    /// </summary>
    public async Task DeleteAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var offer = await FindOwnAsync(actor, offerId, ct);
        var enrolments = await db.Enrolments.CountAsync(e => e.OfferId == offerId, ct);
        if (enrolments > 0)
            throw new HasEnrolmentsException(HasEnrolmentsException.Kind.Offer, offerId, enrolments,
                await db.Enrolments.CountAsync(e => e.OfferId == offerId && e.Status != EnrolmentStatus.Cancelled, ct));
        await db.Sessions.Where(s => s.OfferId == offerId).ExecuteDeleteAsync(ct);
        offer.ArchivedAt = offer.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<Session> AddSessionAsync(Actor actor, Guid offerId, SessionInput input, CancellationToken ct = default)
    {
        var offer = await FindOwnAsync(actor, offerId, ct);
        input.EnsureValid(clock.GetUtcNow());
        var session = new Session
        {
            OfferId = offer.Id,
            Start = input.Start.ToUniversalTime(),
            End = input.End.ToUniversalTime(),
            Place = input.Place?.Trim(),
            OnlineUrl = input.OnlineUrl?.Trim(),
            Seats = input.Seats,
            IsCohortStart = input.IsCohortStart,
        };
        db.Sessions.Add(session);
        offer.UpdatedAt = clock.GetUtcNow(); // its schedules changed: an incremental HSDS sync picks it up
        await db.SaveChangesAsync(ct);
        return session;
    }

    public async Task DeleteSessionAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.Sessions.Include(s => s.Offer).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !actor.MayManage(session.Offer!.PartnerId)) throw new NotFoundException("Session not found.");
        await SessionCancellation.EnsureDeletableAsync(db, session, session.Offer.FlowPolicy, ct);
        db.Sessions.Remove(session);
        session.Offer.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The offer when the actor may manage it; otherwise "not found".</summary>
    public async Task<Offer> FindOwnAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null || !actor.MayManage(offer.PartnerId)) throw new NotFoundException("Offer not found.");
        return offer;
    }
}

public sealed record SessionInput(DateTimeOffset Start, DateTimeOffset End, string? Place, string? OnlineUrl, int? Seats, bool IsCohortStart = false)
{
    public void EnsureValid(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (End <= Start) errors[nameof(End)] = ["A session ends after it starts."];
        if (End - Start > TimeSpan.FromHours(24)) errors[nameof(End)] = ["A session lasts at most 24 hours."];
        if (Start < now.AddDays(-1)) errors[nameof(Start)] = ["A new session cannot lie in the past."];
        if (Seats is <= 0 or > 10000) errors[nameof(Seats)] = ["Seats is a whole number from 1 to 10000, or empty for the offer's capacity."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
