using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>Groups' answer to the atlas: coming sessions with their free seats and join points by <see cref="Seats"/>.</summary>
public sealed class OfferSchedule(GemDbContext db) : IOfferSchedule
{
    public async Task<ILookup<Guid, ScheduledSession>> ComingAsync(
        IReadOnlyCollection<Offer> offers, DateTimeOffset from, DateTimeOffset? until = null, bool withCancelled = false, CancellationToken ct = default)
    {
        var byId = offers.DistinctBy(o => o.Id).ToDictionary(o => o.Id);
        var ids = byId.Keys.ToList();
        var query = db.Sessions.AsNoTracking().Where(s => ids.Contains(s.OfferId) && s.Start >= from);
        if (until is { } end) query = query.Where(s => s.Start < end);
        if (!withCancelled) query = query.Where(s => s.CancelledAt == null);
        var sessions = await query.ToListAsync(ct);
        return sessions.OrderBy(s => s.Start).ThenBy(s => s.Id)
            .Select(s => From(byId[s.OfferId], s))
            .ToLookup(s => s.OfferId);
    }

    public static ScheduledSession From(Offer offer, Session s) =>
        new(s.Id, s.OfferId, s.Start, s.End, s.Place, s.OnlineUrl, s.Seats, s.IsCohortStart, s.CancelledAt,
            Seats.Free(offer, s), Seats.IsJoinPoint(offer.FlowPolicy, s.IsCohortStart));
}
