using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>What else can start within 7 days for the same life domains (<see cref="Seats"/>: a free seat at a join point): never a waiting list instead of help.</summary>
public sealed class GroupAlternatives(GemDbContext db)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public Task<IReadOnlyList<Alternative>> FindAsync(Offer full, DateTimeOffset now, CancellationToken ct = default, int max = 5) =>
        FindAsync(full.LifeDomains, full.Id, now, ct, max);

    /// <summary>
    /// The first <paramref name="max"/> group offers (one session each, the earliest) for any of <paramref name="domains"/>,
    /// leaving out <paramref name="exclude"/>. With no offer left out, the answer for every offer with these domains
    /// follows from it: drop that offer and take <paramref name="max"/> - 1 (<see cref="AlternativesCache"/>).
    /// </summary>
    public async Task<IReadOnlyList<Alternative>> FindAsync(LifeDomains domains, Guid? exclude, DateTimeOffset now, CancellationToken ct = default, int max = 5)
    {
        var until = now + Window;
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.Start >= now && s.Start <= until && s.OfferId != exclude && (s.Offer!.LifeDomains & domains) != 0
                && s.Offer.Format != OfferFormat.Individual && s.Offer.Format != OfferFormat.HomeSupport)
            .Where(Seats.SessionHasFreeSeat)
            .Where(Seats.SessionIsJoinPoint)
            .Select(s => new
            {
                s.Id, s.Start, s.OfferId, s.Offer!.Name, PartnerName = s.Offer.Partner!.Name, s.Offer.IsOnline, s.Offer.City,
            })
            .ToListAsync(ct);
        return candidates
            .OrderBy(c => c.Start)
            .DistinctBy(c => c.OfferId)
            .Take(max)
            .Select(c => new Alternative(c.OfferId, c.Name, c.PartnerName, c.Id, c.Start, c.IsOnline, c.City))
            .ToList();
    }
}
