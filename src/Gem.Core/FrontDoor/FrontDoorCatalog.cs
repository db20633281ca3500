using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.FrontDoor;

/// <summary>One upcoming session with the seats still free (null: no limit).</summary>
public sealed record CatalogSession(Guid Id, DateTimeOffset Start, DateTimeOffset End, int? FreeSeats, bool IsCohortStart)
{
    /// <summary>One can start here (<see cref="Seats.CanStartAt(FlowPolicy, int?, bool)"/>).</summary>
    public bool CanStartAt(FlowPolicy policy) => Seats.CanStartAt(policy, FreeSeats, IsCohortStart);
}

/// <summary>An offer as the front door sees it: the offer, its partner's sector and its sessions from now on, in order.</summary>
public sealed record CatalogOffer(Offer Offer, Sector Sector, string PartnerName, IReadOnlyList<CatalogSession> Sessions)
{
    /// <summary>
    /// Reachable at any moment without an appointment: an online offer that has no sessions at all and needs no
    /// referral (113, MIND Korrelatie, De Luisterlijn, an always-open eCommunity).
    /// </summary>
    public bool IsAlwaysAvailable => Offer.IsOnline && Sessions.Count == 0 && Offer.Access == Access.NoReferral;

    /// <summary>
    /// A group that meets (<see cref="Offer.IsGroup"/>), never an always-available line or site: a helpline is shown as
    /// what it is ("telefoon- of chatlijn, altijd bereikbaar") and never counts as a group.
    /// </summary>
    public bool IsGroup => Offer.IsGroup && !IsAlwaysAvailable;

    /// <summary>
    /// The first session one can start at: needs no referral and <see cref="Seats.CanStartAt(FlowPolicy, int?, bool)"/>
    /// (a free seat, and for a cohort course a start staff marked). Null when there is none in the catalog's horizon.
    /// </summary>
    public CatalogSession? FirstStart { get; } = Offer.Access == Access.Referral ? null
        : Sessions.FirstOrDefault(s => s.CanStartAt(Offer.FlowPolicy));

    /// <summary>Has sessions, but none that one can start at: every seat is taken.</summary>
    public bool IsFull => Offer.Access == Access.NoReferral && Sessions.Count > 0 && FirstStart is null;

    private Wishes? _fits;
    private Weekdays? _days;

    /// <summary>The wishes this offer fits (<see cref="FrontDoorMatcher.FitsWish"/>), worked out once per catalog.</summary>
    public Wishes Fits => _fits ??= Enum.GetValues<Wishes>().Where(w => w != Wishes.None && FrontDoorMatcher.FitsWish(this, w)).Aggregate(Wishes.None, (a, w) => a | w);

    /// <summary>The weekdays (Europe/Amsterdam) on which the offer has sessions.</summary>
    public Weekdays SessionDays => _days ??= Sessions.Aggregate(Weekdays.None, (a, s) => a | FrontDoorAnswers.DayFlag(TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone).DayOfWeek));
}

/// <summary>
/// A snapshot of the region for matching: every offer with its sector and upcoming sessions (8 weeks at most).
/// Built from the database per request (<see cref="LoadAsync"/>) or from an in-memory region in tests
/// (<see cref="FromRegion"/>). Pure data: the matcher does no I/O. The offers must not change once the catalog
/// is built: its <see cref="Index"/> is a snapshot of them.
/// </summary>
public sealed class FrontDoorCatalog(IReadOnlyList<CatalogOffer> offers)
{
    /// <summary>How far ahead sessions are read.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(56);

    public IReadOnlyList<CatalogOffer> Offers { get; } = offers;

    /// <summary>The offers laid out for fast matching, built once with the snapshot (see <see cref="FrontDoorIndex"/>).</summary>
    internal FrontDoorIndex Index { get; } = new(offers);

    public IEnumerable<Sector> Sectors => Offers.Select(o => o.Sector).Distinct();

    public static FrontDoorCatalog FromRegion(Region region, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(region);
        var offers = new List<CatalogOffer>();
        foreach (var partner in region.Partners)
        {
            foreach (var offer in partner.Offers)
            {
                offers.Add(ToCatalogOffer(offer, partner.Sector, partner.Name, offer.Sessions, now));
            }
        }
        return new FrontDoorCatalog(offers);
    }

    /// <summary>Reads every offer, its partner and the sessions from now to the horizon. Free seats come from the seat counters the enrolments keep (Groups).</summary>
    public static async Task<FrontDoorCatalog> LoadAsync(GemDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var offers = await db.Offers.AsNoTracking().Include(o => o.Partner).ToListAsync(ct).ConfigureAwait(false);
        var until = now + Horizon;
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.Start >= now && s.Start < until && s.CancelledAt == null).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(s => s.OfferId);
        return new FrontDoorCatalog(offers
            .Select(o => ToCatalogOffer(o, o.Partner!.Sector, o.Partner.Name, sessions[o.Id], now))
            .ToList());
    }

    /// <summary>One offer as the front door sees it (its partner must be loaded); sessions before now or after the horizon are left out.</summary>
    public static CatalogOffer Describe(Offer offer, IEnumerable<Session> sessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return ToCatalogOffer(offer, offer.Partner!.Sector, offer.Partner.Name, sessions, now);
    }

    private static CatalogOffer ToCatalogOffer(Offer offer, Sector sector, string partnerName, IEnumerable<Session> sessions, DateTimeOffset now)
    {
        var upcoming = sessions.Where(s => s.Start >= now && s.Start < now + Horizon).OrderBy(s => s.Start)
            .Select(s => new CatalogSession(s.Id, s.Start, s.End, Seats.Free(offer, s), s.IsCohortStart))
            .ToList();
        return new CatalogOffer(offer, sector, partnerName, upcoming);
    }
}
