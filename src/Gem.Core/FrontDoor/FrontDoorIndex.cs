using System.Numerics;
using Gem.Core.Atlas;
using Gem.Core.Groups;

namespace Gem.Core.FrontDoor;

/// <summary>
/// The catalog laid out for fast matching, built once per catalog snapshot (<see cref="FrontDoorCatalog"/> makes it
/// in its constructor). <see cref="FrontDoorMatcher.Match"/> uses it; the answer is exactly the one of the
/// straightforward pass over every offer (<see cref="FrontDoorMatcher.MatchEveryOffer"/>), which a property test checks.
/// <para>Three ideas, nothing more:</para>
/// <list type="number">
/// <item><b>Struct of arrays.</b> What matching reads of offer <c>i</c> (life domains, the wishes it fits, its session
/// days, online/group/always-available, coordinates, first start, first start per weekday) sits in plain arrays at
/// position <c>i</c>, so the scan reads a few numbers instead of following offer, list and session objects through memory.
/// The objects are only touched for the ~20 offers that end up in the answer (and for a name when everything else ties).</item>
/// <item><b>Posting sets per life domain and per wish.</b> When the person answered anything, only an offer that shares
/// a life domain or fits a wish has a fit above 0, and only those can be in the matches. Each domain and wish has the set
/// of offers that have it; a request unites the sets of its answers. The "start this week" fallback (the rest of the
/// region) is visited only when fewer than three fitting offers start within a week.</item>
/// <item><b>A grid over the map.</b> In-person offers are filed in cells of 0.1° × 0.15° (about 11 × 10 km in the
/// Netherlands); with a PC4 only the cells that overlap the 30 km box around it are read, so far-away offers are never visited.</item>
/// </list>
/// Sets are bitsets (<see cref="OfferSet"/>) over catalog positions. Visiting a set goes in catalog order, so offers
/// reach the ranking in the same order as in the straightforward pass and ties are broken the same way.
/// The snapshot assumes the catalog's offers are not changed after it was built (the cache and the tests never do).
/// </summary>
internal sealed class FrontDoorIndex
{
    private const double CellLat = 0.1, CellLon = 0.15;

    [Flags]
    private enum Kind : byte
    {
        None = 0,
        Online = 1,
        Group = 2,
        AlwaysAvailable = 4,
        HasSessions = 8,
        HasPlace = 16,
    }

    /// <summary>A session of offer <c>i</c> one can start at: its position in the offer's sessions and its start in UTC ticks. Session −1: none.</summary>
    private readonly record struct Start(int Session, long UtcTicks)
    {
        public static readonly Start None = new(-1, DateTimeOffset.MaxValue.UtcTicks);
        public bool Exists => Session >= 0;
    }

    // One entry per offer, at its position in the catalog.
    private readonly CatalogOffer[] _items;
    private readonly string[] _names;
    /// <summary>The offer's sector as a small number (0, 1, … in order of first appearance), so the best per sector can live in an array.</summary>
    private readonly int[] _sectorOf;
    private readonly int _sectorCount;
    private readonly uint[] _domains;
    private readonly uint[] _fits;
    private readonly uint[] _sessionDays;
    private readonly Kind[] _kinds;
    private readonly double[] _latitudes, _longitudes;
    private readonly Start[] _firstStart;
    /// <summary>Per offer 7 entries (Monday … Sunday): the first start on that weekday, at or after the first start.</summary>
    private readonly Start[] _firstStartOnDay;

    // Sets of offers.
    private readonly OfferSet[] _byDomainBit = new OfferSet[32];
    private readonly OfferSet[] _byWishBit = new OfferSet[32];
    private readonly OfferSet _online;
    /// <summary>Always available, or a group with a first start: the only offers that can ever start within a week.</summary>
    private readonly OfferSet _mayStartSoon;
    /// <summary>In-person offers with coordinates by grid cell, positions ascending.</summary>
    private readonly Dictionary<(int Row, int Column), int[]> _cells;

    public FrontDoorIndex(IReadOnlyList<CatalogOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var n = offers.Count;
        _items = [.. offers];
        _names = new string[n];
        _sectorOf = new int[n];
        var slots = new Dictionary<Sector, int>();
        _domains = new uint[n];
        _fits = new uint[n];
        _sessionDays = new uint[n];
        _kinds = new Kind[n];
        _latitudes = new double[n];
        _longitudes = new double[n];
        _firstStart = new Start[n];
        _firstStartOnDay = new Start[n * 7];
        _online = new OfferSet(n);
        _mayStartSoon = new OfferSet(n);
        var cells = new Dictionary<(int, int), List<int>>();
        for (var i = 0; i < n; i++)
        {
            var item = _items[i];
            var offer = item.Offer;
            _names[i] = offer.Name;
            if (!slots.TryGetValue(item.Sector, out var slot)) slots[item.Sector] = slot = slots.Count;
            _sectorOf[i] = slot;
            _domains[i] = (uint)offer.LifeDomains;
            _fits[i] = (uint)item.Fits;
            _sessionDays[i] = (uint)item.SessionDays;
            var kind = (offer.IsOnline ? Kind.Online : Kind.None) | (item.IsGroup ? Kind.Group : Kind.None)
                | (item.IsAlwaysAvailable ? Kind.AlwaysAvailable : Kind.None) | (item.Sessions.Count > 0 ? Kind.HasSessions : Kind.None);
            if (offer.Latitude is { } lat && offer.Longitude is { } lon)
            {
                kind |= Kind.HasPlace;
                _latitudes[i] = lat;
                _longitudes[i] = lon;
                if (!offer.IsOnline) AddTo(cells, Cell(lat, lon), i);
            }
            _kinds[i] = kind;
            if (offer.IsOnline) _online.Add(i);
            for (var bit = 0; bit < 32; bit++)
            {
                if ((_domains[i] & (1u << bit)) != 0) (_byDomainBit[bit] ??= new OfferSet(n)).Add(i);
                if ((_fits[i] & (1u << bit)) != 0) (_byWishBit[bit] ??= new OfferSet(n)).Add(i);
            }

            var first = item.FirstStart is { } f ? new Start(IndexOf(item.Sessions, f), f.Start.UtcTicks) : Start.None;
            _firstStart[i] = first;
            if (item.IsAlwaysAvailable || (item.IsGroup && first.Exists)) _mayStartSoon.Add(i);
            for (var d = 0; d < 7; d++) _firstStartOnDay[i * 7 + d] = Start.None;
            if (!first.Exists) continue;
            // The same rule as the straightforward pass (FrontDoorMatcher.StartOnDays), once per weekday.
            var sessions = item.Sessions;
            for (var s = 0; s < sessions.Count; s++)
            {
                var session = sessions[s];
                if (session.Start < item.FirstStart!.Start || !session.CanStartAt(offer.FlowPolicy)) continue;
                var day = BitOperations.TrailingZeroCount((uint)FrontDoorMatcher.DayOf(session));
                if (!_firstStartOnDay[i * 7 + day].Exists) _firstStartOnDay[i * 7 + day] = new Start(s, session.Start.UtcTicks);
            }
        }
        _cells = cells.ToDictionary(c => c.Key, c => c.Value.ToArray());
        _sectorCount = slots.Count;
    }

    public int Count => _items.Length;

    /// <summary>
    /// The pass over the catalog for one request: every offer within the hard limits that has a fit (every offer
    /// when nothing was answered) is ranked; the rest of the region only when fewer than three of those start this week.
    /// </summary>
    public FrontDoorMatcher.Pass Scan(FrontDoorMatcher.Query q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var ranking = new HitRanking(this, q.Now.UtcTicks);
        var top = new TopList<Hit>(FrontDoorMatcher.TopCandidates, ranking);
        var soonFitting = new TopList<Hit>(FrontDoorMatcher.SoonWanted, ranking);
        var soonHelplines = new TopList<Hit>(FrontDoorMatcher.SoonWanted, ranking);
        var soonInPerson = new TopList<Hit>(1, ranking);
        var soonAny = new TopList<Hit>(FrontDoorMatcher.SoonWanted, ranking);
        var bestPerSector = new Hit?[_sectorCount];
        var sectorsMet = new List<int>();

        var withinLimits = WithinHardLimits(q);
        var fitting = q.AnyAnswer ? Fitting(q) : null;
        foreach (var i in fitting is null ? withinLimits : fitting.IntersectWith(withinLimits))
        {
            if (FitAndStart(i, q) is not { } hit) continue;
            if (q.AnyAnswer && hit.Fit == 0) continue;
            // Ranking is by fit, then distance band, then groups, then start, and only then distance. Before the distance
            // is known an in-person offer is taken to be in the nearest band, so it can only rank lower once it is known.
            // An offer already ranked below the worst of the top, below its sector's best, and (if it starts this week)
            // below the worst of the lists it could join cannot change the answer, so its distance is never worked out.
            var slot = _sectorOf[i];
            var soonish = StartsWithinWeek(hit, q.Now);
            var helpline = (_kinds[i] & Kind.AlwaysAvailable) != 0;
            var inPerson = q.Origin is not null && (_kinds[i] & Kind.Online) == 0;
            if (Behind(hit, top, ranking) && bestPerSector[slot] is { } sectorBest && ranking.CompareBeforeDistance(hit, sectorBest) > 0
                && (!soonish || (Behind(hit, helpline ? soonHelplines : soonFitting, ranking) && (!inPerson || Behind(hit, soonInPerson, ranking))))) continue;
            if (WithDistance(hit, q) is not { } placed) continue;
            top.Add(placed);
            if (soonish)
            {
                (helpline ? soonHelplines : soonFitting).Add(placed);
                if (inPerson) soonInPerson.Add(placed);
            }
            if (bestPerSector[slot] is null) sectorsMet.Add(slot);
            if (bestPerSector[slot] is not { } current || ranking.Compare(placed, current) < 0) bestPerSector[slot] = placed;
        }
        // The last resort, what fits no answer, only when too little that fits starts this week.
        var enough = soonFitting.Count + soonHelplines.Count >= FrontDoorMatcher.SoonWanted;
        if (!enough && q.AnyAnswer)
        {
            foreach (var i in withinLimits.IntersectWith(_mayStartSoon))
            {
                if (FitAndStart(i, q) is not { } hit || hit.Fit != 0 || !StartsWithinWeek(hit, q.Now) || Behind(hit, soonAny, ranking)) continue;
                if (WithDistance(hit, q) is { } placed) soonAny.Add(placed);
            }
        }
        return new FrontDoorMatcher.Pass(
            [.. top.Sorted().Select(ToCandidate)],
            [.. sectorsMet.Select(slot => ToCandidate(bestPerSector[slot]!.Value))],
            [.. soonFitting.Sorted().Select(ToCandidate)],
            [.. soonHelplines.Sorted().Select(ToCandidate)],
            [.. soonInPerson.Sorted().Select(ToCandidate)],
            enough ? [] : [.. soonAny.Sorted().Select(ToCandidate)]);
    }

    /// <summary>The list is full and its worst item ranks above this one whatever the distance, so this one would not get in.</summary>
    private static bool Behind(Hit hit, TopList<Hit> list, HitRanking ranking) => list.IsFull && ranking.CompareBeforeDistance(hit, list.Worst) > 0;

    /// <summary>Online only → the online offers; a known PC4 → the online offers and the in-person offers in the grid cells around it; else all.</summary>
    private OfferSet WithinHardLimits(FrontDoorMatcher.Query q)
    {
        if (q.Origin is null) return q.Answers.OnlineOnly ? _online.Copy() : OfferSet.All(Count);
        var result = _online.Copy();
        if (q.Answers.OnlineOnly) return result;
        // A hair wider than the box, so rounding at a cell edge can never drop an offer the box keeps.
        var (lat, lon) = (q.Origin.Latitude, q.Origin.Longitude);
        var (fromRow, fromColumn) = Cell(lat - q.BoxLat - 1e-6, lon - q.BoxLon - 1e-6);
        var (toRow, toColumn) = Cell(lat + q.BoxLat + 1e-6, lon + q.BoxLon + 1e-6);
        for (var row = fromRow; row <= toRow; row++)
        {
            for (var column = fromColumn; column <= toColumn; column++)
            {
                if (!_cells.TryGetValue((row, column), out var inCell)) continue;
                foreach (var i in inCell) result.Add(i);
            }
        }
        return result;
    }

    /// <summary>Offers that share a chosen life domain or one found in the own words, or fit a wish: the only ones with a fit above 0.</summary>
    private OfferSet Fitting(FrontDoorMatcher.Query q)
    {
        var result = new OfferSet(Count);
        var domains = (uint)(q.Answers.Domains | q.OwnDomains);
        var wishes = (uint)q.Answers.Wishes;
        for (var bit = 0; bit < 32; bit++)
        {
            if ((domains & (1u << bit)) != 0 && _byDomainBit[bit] is { } d) result.UnionWith(d);
            if ((wishes & (1u << bit)) != 0 && _byWishBit[bit] is { } w) result.UnionWith(w);
        }
        return result;
    }

    /// <summary>
    /// Offer <c>i</c>'s fit and the first start on the chosen days; null when online only or the days rule it out.
    /// The distance is left for <see cref="WithDistance"/>. Together they apply the rules of <c>FrontDoorMatcher.Evaluate</c>, read from the arrays.
    /// </summary>
    private Hit? FitAndStart(int i, FrontDoorMatcher.Query q)
    {
        var kind = _kinds[i];
        if (q.Answers.OnlineOnly && (kind & Kind.Online) == 0) return null;
        var start = _firstStart[i];
        var days = (uint)q.Answers.Days;
        if (days != 0 && (kind & Kind.HasSessions) != 0)
        {
            if ((_sessionDays[i] & days) == 0) return null;
            // The earliest of the first starts on the chosen days (sessions are in order, so the lowest position).
            var onDays = Start.None;
            for (var d = 0; d < 7; d++)
            {
                var s = _firstStartOnDay[i * 7 + d];
                if ((days & (1u << d)) != 0 && s.Exists && (!onDays.Exists || s.Session < onDays.Session)) onDays = s;
            }
            start = onDays;
        }
        var domains = (uint)q.Answers.Domains;
        var fit = FrontDoorMatcher.DomainPoints * BitOperations.PopCount(_domains[i] & domains)
            + FrontDoorMatcher.OwnWordsPoints * BitOperations.PopCount(_domains[i] & (uint)q.OwnDomains & ~domains)
            + FrontDoorMatcher.WishPoints * BitOperations.PopCount((uint)q.Answers.Wishes & _fits[i]);
        if (q.Answers.Company.HasFlag(Company.Nobody) && (kind & Kind.Group) != 0 && fit > 0) fit += FrontDoorMatcher.CompanyPoints;
        // An online offer's band is known now; an in-person one is taken to be near until its distance is worked out.
        return new Hit(i, fit, null, start, (kind & Kind.Online) != 0 ? q.OnlineBand : 0);
    }

    /// <summary>With a PC4, an in-person offer gets its distance and must lie within the box and 30 km; null when it does not (or has no place).</summary>
    private Hit? WithDistance(Hit hit, FrontDoorMatcher.Query q)
    {
        var i = hit.Offer;
        if (q.Origin is not { } origin || (_kinds[i] & Kind.Online) != 0) return hit;
        if ((_kinds[i] & Kind.HasPlace) == 0) return null;
        var (lat, lon) = (_latitudes[i], _longitudes[i]);
        if (Math.Abs(lat - origin.Latitude) > q.BoxLat || Math.Abs(lon - origin.Longitude) > q.BoxLon) return null;
        var distance = Pc4Directory.DistanceKm(origin.Latitude, origin.Longitude, lat, lon);
        return distance > FrontDoorMatcher.MaxKm ? null : hit with { Distance = distance, Band = FrontDoorMatcher.Band(false, distance, q.OnlineBand) };
    }

    private bool StartsWithinWeek(Hit hit, DateTimeOffset now) =>
        (_kinds[hit.Offer] & Kind.AlwaysAvailable) != 0
        || ((_kinds[hit.Offer] & Kind.Group) != 0 && hit.Start.Exists && hit.Start.UtcTicks - now.UtcTicks <= FrontDoorMatcher.Week.Ticks);

    private FrontDoorMatcher.Candidate ToCandidate(Hit hit)
    {
        var item = _items[hit.Offer];
        return new(item, hit.Fit, hit.Distance, hit.Start.Exists ? item.Sessions[hit.Start.Session] : null);
    }

    private static (int Row, int Column) Cell(double lat, double lon) => ((int)Math.Floor(lat / CellLat), (int)Math.Floor(lon / CellLon));

    private static void AddTo(Dictionary<(int, int), List<int>> cells, (int, int) cell, int i)
    {
        if (!cells.TryGetValue(cell, out var list)) cells[cell] = list = [];
        list.Add(i);
    }

    private static int IndexOf(IReadOnlyList<CatalogSession> sessions, CatalogSession session)
    {
        for (var s = 0; s < sessions.Count; s++)
        {
            if (ReferenceEquals(sessions[s], session)) return s;
        }
        throw new InvalidOperationException("The first start is not one of the offer's sessions.");
    }

    /// <summary>One offer within the hard limits (by position), with what ranking needs; <see cref="Band"/> as <see cref="FrontDoorMatcher.Band"/>.</summary>
    private readonly record struct Hit(int Offer, int Fit, double? Distance, Start Start, int Band);

    /// <summary>The matcher's ranking (fit, distance band, groups first, soonest start, nearest, name), read from the arrays.</summary>
    private sealed class HitRanking(FrontDoorIndex index, long nowTicks) : IComparer<Hit>
    {
        public int Compare(Hit x, Hit y)
        {
            var c = CompareBeforeDistance(x, y);
            if (c != 0) return c;
            c = (x.Distance ?? 0).CompareTo(y.Distance ?? 0);
            return c != 0 ? c : string.CompareOrdinal(index._names[x.Offer], index._names[y.Offer]);
        }

        /// <summary>The ranking's first four keys (fit, band, group, start): before the distance is worked out, with the band taken at its best.</summary>
        public int CompareBeforeDistance(Hit x, Hit y)
        {
            var c = y.Fit.CompareTo(x.Fit);
            if (c != 0) return c;
            c = x.Band.CompareTo(y.Band);
            if (c != 0) return c;
            c = IsGroup(y).CompareTo(IsGroup(x));
            return c != 0 ? c : StartsAt(x).CompareTo(StartsAt(y));
        }

        private bool IsGroup(Hit h) => (index._kinds[h.Offer] & Kind.Group) != 0;

        private long StartsAt(Hit h) => (index._kinds[h.Offer] & Kind.AlwaysAvailable) != 0 ? nowTicks : h.Start.UtcTicks;
    }
}

/// <summary>A set of catalog positions, one bit each. Enumerating it yields the positions in ascending (catalog) order.</summary>
internal sealed class OfferSet(int count)
{
    private readonly ulong[] _bits = new ulong[(count + 63) / 64];

    public static OfferSet All(int count)
    {
        var all = new OfferSet(count);
        Array.Fill(all._bits, ulong.MaxValue);
        if (count % 64 != 0) all._bits[^1] = (1UL << (count % 64)) - 1;
        return all;
    }

    public void Add(int i) => _bits[i >> 6] |= 1UL << (i & 63);

    public OfferSet Copy()
    {
        var copy = new OfferSet(_bits.Length * 64);
        _bits.CopyTo(copy._bits, 0);
        return copy;
    }

    public void UnionWith(OfferSet other)
    {
        for (var w = 0; w < _bits.Length; w++) _bits[w] |= other._bits[w];
    }

    /// <summary>Keeps only what is also in <paramref name="other"/>; returns this set.</summary>
    public OfferSet IntersectWith(OfferSet other)
    {
        for (var w = 0; w < _bits.Length; w++) _bits[w] &= other._bits[w];
        return this;
    }

    public Enumerator GetEnumerator() => new(_bits);

    /// <summary>Walks the set bits word by word, lowest first, without allocating.</summary>
    public struct Enumerator(ulong[] bits)
    {
        private int _word = -1;
        private ulong _rest;

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (_rest == 0)
            {
                if (++_word >= bits.Length) return false;
                _rest = bits[_word];
            }
            Current = _word * 64 + BitOperations.TrailingZeroCount(_rest);
            _rest &= _rest - 1;
            return true;
        }
    }
}
