using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Atlas;

/// <summary>What a visitor filters the atlas by. Every field is optional.</summary>
public sealed record OfferFilter
{
    public string? Text { get; init; }
    public LifeDomains LifeDomains { get; init; }
    public Dimensions Dimensions { get; init; }
    public OfferFormat? Format { get; init; }
    public Sector? Sector { get; init; }
    /// <summary>A PC4 to measure distance from; results get a distance and are ordered by it, online offers after those in a place.</summary>
    public string? NearPc4 { get; init; }
    /// <summary>With <see cref="NearPc4"/>: leave out offers further than this (online offers always stay).</summary>
    public double? MaxKm { get; init; }
    /// <summary>Only offers with a session on this weekday (Europe/Amsterdam) in the coming weeks.</summary>
    public DayOfWeek? Day { get; init; }
    /// <summary>true: only online; false: only in person; null: both.</summary>
    public bool? Online { get; init; }
}

public sealed record OfferHit(Offer Offer, double? DistanceKm, ScheduledSession? NextSession);

/// <summary>Finds offers in the atlas. Flags and text are filtered in SQL; distance and weekday in memory over the matches.</summary>
public sealed class AtlasSearch(GemDbContext db, TimeProvider clock, IOfferSchedule schedule)
{
    public async Task<IReadOnlyList<OfferHit>> FindAsync(OfferFilter filter, CancellationToken ct = default)
    {
        Pc4Area? origin = null;
        if (!string.IsNullOrWhiteSpace(filter.NearPc4))
        {
            origin = Pc4Directory.Find(filter.NearPc4)
                ?? throw new ValidationException(nameof(filter.NearPc4), $"'{filter.NearPc4}' is not a known Dutch 4-digit postcode.");
        }

        var query = db.Offers.AsNoTracking().Include(o => o.Partner).AsQueryable();
        if (filter.LifeDomains != LifeDomains.None) query = query.Where(o => (o.LifeDomains & filter.LifeDomains) != 0);
        if (filter.Dimensions != Dimensions.None) query = query.Where(o => (o.Dimensions & filter.Dimensions) != 0);
        if (filter.Format is { } format) query = query.Where(o => o.Format == format);
        if (filter.Sector is { } sector) query = query.Where(o => o.Partner!.Sector == sector);
        if (filter.Online is { } online) query = query.Where(o => o.IsOnline == online);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + filter.Text.Trim().ToLowerInvariant() + "%";
            query = query.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern)
                || EF.Functions.Like(o.Description.ToLower(), pattern)
                || EF.Functions.Like(o.Partner!.Name.ToLower(), pattern));
        }

        var offers = await query.ToListAsync(ct);
        var now = clock.GetUtcNow();
        var sessions = await schedule.ComingAsync(offers, now, ct: ct);

        var hits = new List<OfferHit>(offers.Count);
        foreach (var offer in offers)
        {
            var upcoming = sessions[offer.Id];
            if (filter.Day is { } day && !upcoming.Any(s => TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone).DayOfWeek == day)) continue;
            double? distance = origin is not null && !offer.IsOnline && offer.Latitude is { } lat && offer.Longitude is { } lon
                ? Pc4Directory.DistanceKm(origin.Latitude, origin.Longitude, lat, lon)
                : null;
            if (filter.MaxKm is { } max && origin is not null && !offer.IsOnline && (distance is null || distance > max)) continue;
            hits.Add(new OfferHit(offer, distance, upcoming.FirstOrDefault()));
        }

        return origin is null
            ? hits.OrderBy(h => h.NextSession?.Start ?? DateTimeOffset.MaxValue).ThenBy(h => h.Offer.Name, StringComparer.Ordinal).ToList()
            : hits.OrderBy(h => h.Offer.IsOnline).ThenBy(h => h.DistanceKm ?? double.MaxValue).ThenBy(h => h.Offer.Name, StringComparer.Ordinal).ToList();
    }
}
