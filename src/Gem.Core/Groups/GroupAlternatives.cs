using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>What else can start within 7 days for the same life domains (<see cref="Seats"/>: a free seat at a join point): never a waiting list instead of help.</summary>
public sealed class GroupAlternatives(GemDbContext db)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<Alternative>> FindAsync(Offer full, DateTimeOffset now, CancellationToken ct = default, int max = 5)
    {
        var until = now + Window;
        var domains = full.LifeDomains;
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.Start >= now && s.Start <= until && s.OfferId != full.Id && (s.Offer!.LifeDomains & domains) != 0)
            .Where(Seats.SessionHasFreeSeat)
            .Where(Seats.SessionIsJoinPoint)
            .Select(s => new
            {
                s.Id, s.Start, s.OfferId, s.Offer!.Name, PartnerName = s.Offer.Partner!.Name, s.Offer.IsOnline, s.Offer.City, s.Offer.Format,
            })
            .ToListAsync(ct);
        return candidates
            .Where(c => c.Format is not (OfferFormat.Individual or OfferFormat.HomeSupport))
            .OrderBy(c => c.Start)
            .DistinctBy(c => c.OfferId)
            .Take(max)
            .Select(c => new Alternative(c.OfferId, c.Name, c.PartnerName, c.Id, c.Start, c.IsOnline, c.City))
            .ToList();
    }
}
