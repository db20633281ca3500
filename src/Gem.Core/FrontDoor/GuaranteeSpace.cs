using Gem.Core.Atlas;

namespace Gem.Core.FrontDoor;

/// <summary>
/// The coordinator's answer space worked out once for a catalog snapshot and a moment: for every combination of one
/// life domain and one wish (or none) — 108 of them, one bit each — which options that start within 7 days it
/// reaches. Each such offer carries the set of combinations it fits (a domain it has, or a wish it fits); a place
/// then adds up the offers it can reach (online ones everywhere, in-person ones within 30 km found through a grid),
/// and counts per combination are kept by three saturating bitsets ("at least 1, 2, 3"), because the guarantee only
/// asks whether three are there. This replaces matching every combination (<see cref="NoWaitingGuarantee.FindGapsByMatching"/>)
/// and gives the same gaps: the rules are the matcher's (fit above 0, <see cref="FrontDoorMatcher.StartsWithinWeek(FrontDoorMatch, DateTimeOffset)"/>,
/// the same box and distance), applied to one answer at a time.
/// </summary>
internal sealed class GuaranteeSpace
{
    public static readonly LifeDomains[] Domains = [.. Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None)];
    public static readonly Wishes[] WishChoices = [Wishes.None, .. Enum.GetValues<Wishes>().Where(w => w != Wishes.None)];

    private const double CellLat = 0.1, CellLon = 0.15;
    private static readonly int OnlineWish = Array.IndexOf(WishChoices, Wishes.Online);

    private readonly DateTimeOffset _now;
    /// <summary>Online options that start this week and are not helplines: reachable from every place.</summary>
    private Counter _online;
    /// <summary>Every option that starts this week and is not a helpline: what a PC4 the directory does not know reaches (no distance limit).</summary>
    private Counter _everywhere;
    private Counter _helplines;
    /// <summary>In-person options with a place that start this week, one entry per place (offers on the same spot counted together), by grid cell.</summary>
    private readonly Dictionary<(int Row, int Column), List<Local>> _cells = [];

    public GuaranteeSpace(FrontDoorCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _now = now;
        // The combinations each domain and each wish take part in.
        var byDomain = new UInt128[32];
        var byWish = new UInt128[32];
        for (var d = 0; d < Domains.Length; d++)
        {
            for (var w = 0; w < WishChoices.Length; w++)
            {
                var pair = UInt128.One << Pair(d, w);
                byDomain[System.Numerics.BitOperations.TrailingZeroCount((uint)Domains[d])] |= pair;
                if (w > 0) byWish[System.Numerics.BitOperations.TrailingZeroCount((uint)WishChoices[w])] |= pair;
            }
        }
        var spots = new Dictionary<(double, double), Local>();
        foreach (var item in catalog.Offers)
        {
            var helpline = item.IsAlwaysAvailable;
            if (!helpline && !(item.IsGroup && item.FirstStart is { } s && s.Start - now <= FrontDoorMatcher.Week)) continue;
            var pairs = UInt128.Zero;
            var domains = (uint)item.Offer.LifeDomains;
            var fits = (uint)item.Fits;
            for (var bit = 0; bit < 32; bit++)
            {
                if ((domains & (1u << bit)) != 0) pairs |= byDomain[bit];
                if ((fits & (1u << bit)) != 0) pairs |= byWish[bit];
            }
            if (pairs == UInt128.Zero) continue;
            if (helpline) { _helplines.Add(pairs); continue; }
            _everywhere.Add(pairs);
            if (item.Offer.IsOnline) _online.Add(pairs);
            else if (item.Offer.Latitude is { } lat && item.Offer.Longitude is { } lon)
            {
                if (!spots.TryGetValue((lat, lon), out var spot))
                {
                    spots[(lat, lon)] = spot = new Local(lat, lon);
                    var cell = Cell(lat, lon);
                    if (!_cells.TryGetValue(cell, out var list)) _cells[cell] = list = [];
                    list.Add(spot);
                }
                spot.Options.Add(pairs);
            }
        }
    }

    /// <summary>The gaps for these PC4s and "online only", in <see cref="NoWaitingGuarantee.FindGapsByMatching"/>'s order.</summary>
    public IReadOnlyList<GuaranteeGap> FindGaps(IReadOnlyList<string> pc4s)
    {
        var reached = new Counter[pc4s.Count + 1];
        for (var p = 0; p < pc4s.Count; p++) reached[p] = Reach(pc4s[p]);
        reached[^1] = _online;
        var gaps = new List<GuaranteeGap>();
        for (var d = 0; d < Domains.Length; d++)
        {
            for (var w = 0; w < WishChoices.Length; w++)
            {
                var pair = Pair(d, w);
                var helplines = _helplines.Count(pair);
                for (var p = 0; p < reached.Length; p++)
                {
                    var online = p == pc4s.Count;
                    var found = reached[p].Count(pair);
                    // Helplines count when the person chose online; otherwise they only fill up, and the gap says so.
                    var wanted = online || w == OnlineWish;
                    var soon = Math.Min(FrontDoorMatcher.SoonWanted, wanted ? found + helplines : found);
                    if (soon >= FrontDoorMatcher.SoonWanted) continue;
                    gaps.Add(new GuaranteeGap(Domains[d], WishChoices[w], online ? null : pc4s[p], online, soon,
                        wanted ? 0 : Math.Min(FrontDoorMatcher.SoonWanted - soon, helplines)));
                }
            }
        }
        return gaps;
    }

    /// <summary>What one PC4 reaches: the online options and the in-person ones in the matcher's box and within 30 km; everything for a PC4 the directory does not know.</summary>
    private Counter Reach(string pc4)
    {
        var q = FrontDoorMatcher.Query.For(new FrontDoorAnswers { Pc4 = pc4 }, _now);
        if (q.Origin is not { } origin) return _everywhere;
        var reached = _online;
        var (fromRow, fromColumn) = Cell(origin.Latitude - q.BoxLat - 1e-6, origin.Longitude - q.BoxLon - 1e-6);
        var (toRow, toColumn) = Cell(origin.Latitude + q.BoxLat + 1e-6, origin.Longitude + q.BoxLon + 1e-6);
        for (var row = fromRow; row <= toRow; row++)
        {
            for (var column = fromColumn; column <= toColumn; column++)
            {
                if (!_cells.TryGetValue((row, column), out var locals)) continue;
                foreach (var local in locals)
                {
                    if (Math.Abs(local.Latitude - origin.Latitude) > q.BoxLat || Math.Abs(local.Longitude - origin.Longitude) > q.BoxLon) continue;
                    if (Pc4Directory.DistanceKm(origin.Latitude, origin.Longitude, local.Latitude, local.Longitude) > FrontDoorMatcher.MaxKm) continue;
                    reached.Add(local.Options);
                }
            }
        }
        return reached;
    }

    private static int Pair(int domain, int wish) => domain * WishChoices.Length + wish;

    private static (int Row, int Column) Cell(double lat, double lon) => ((int)Math.Floor(lat / CellLat), (int)Math.Floor(lon / CellLon));

    /// <summary>One spot and the options there (a class, so the counter is filled in place).</summary>
    private sealed class Local(double latitude, double longitude)
    {
        public double Latitude { get; } = latitude;
        public double Longitude { get; } = longitude;
        public Counter Options;
    }

    /// <summary>Per combination (one bit each) a count that stops at three: bit set in <see cref="_one"/> means at least one, and so on.</summary>
    private struct Counter
    {
        private UInt128 _one, _two, _three;

        public void Add(UInt128 pairs)
        {
            _three |= _two & pairs;
            _two |= _one & pairs;
            _one |= pairs;
        }

        /// <summary>Adds another count: at least three when the two together make three or more, and so on.</summary>
        public void Add(in Counter other)
        {
            _three |= other._three | (_two & other._one) | (_one & other._two);
            _two |= other._two | (_one & other._one);
            _one |= other._one;
        }

        public readonly int Count(int pair)
        {
            var bit = UInt128.One << pair;
            return (_three & bit) != UInt128.Zero ? 3 : (_two & bit) != UInt128.Zero ? 2 : (_one & bit) != UInt128.Zero ? 1 : 0;
        }
    }
}
