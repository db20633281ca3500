using System.Numerics;
using Gem.Core.Atlas;

namespace Gem.Core.FrontDoor;

/// <summary>Why an offer is shown: one matched answer. <see cref="Kind"/> names the reason, <see cref="Value"/> the answer it matched.</summary>
public sealed record MatchReason(ReasonKind Kind, string Value);

public enum ReasonKind
{
    /// <summary>Helps with a life domain the person chose; Value = the <see cref="LifeDomains"/> flag name.</summary>
    Domain = 1,
    /// <summary>Fits a wish; Value = the <see cref="Wishes"/> flag name.</summary>
    Wish = 2,
    /// <summary>A word from the person's own words; Value = the life domain it points to.</summary>
    OwnWords = 3,
    /// <summary>A group: you meet others (the person said nobody is around); Value = "Nobody".</summary>
    Company = 4,
    /// <summary>Meets on one of the chosen days; Value = the day.</summary>
    Day = 5,
    /// <summary>Near the chosen PC4; Value = the PC4.</summary>
    Near = 6,
}

/// <summary>One offer in the front door's answer, with everything the page needs to explain it.</summary>
/// <param name="FirstStart">The first session one can start at on one of the chosen days; null for always-available services and for full offers.</param>
public sealed record FrontDoorMatch(CatalogOffer Item, int Fit, IReadOnlyList<MatchReason> Reasons, double? DistanceKm, CatalogSession? FirstStart)
{
    public Offer Offer => Item.Offer;
    public Sector Sector => Item.Sector;
    public bool IsGroup => Item.IsGroup;
    public bool IsAlwaysAvailable => Item.IsAlwaysAvailable;
    public bool IsFull => Item.IsFull;
    public decimal Cost => Item.Offer.CostEuros ?? 0m;
    /// <summary>When the person may start: now for an always-available service, else the first start; null when nothing is open.</summary>
    public DateTimeOffset? StartsAt(DateTimeOffset now) => IsAlwaysAvailable ? now : FirstStart?.Start;
}

/// <summary>What the front door shows for one set of answers.</summary>
public sealed record FrontDoorResult(
    bool Crisis,
    string? CrisisPhrase,
    IReadOnlyList<FrontDoorMatch> Matches,
    IReadOnlyList<FrontDoorMatch> StartThisWeek,
    int SectorsInTop)
{
    /// <summary>
    /// How many options in <see cref="StartThisWeek"/> count for the no-waiting guarantee: they fit at least one answer
    /// (any offer when nothing was answered) and start within 7 days; a helpline counts only when the person chose online.
    /// </summary>
    public int SoonCount { get; init; }

    /// <summary>How many helplines fill <see cref="StartThisWeek"/> because too little else fits and starts this week (the person did not choose online).</summary>
    public int HelplinesFilling { get; init; }

    /// <summary>Every offer shown (matches and the "this week" list), each once.</summary>
    public IEnumerable<FrontDoorMatch> Shown => Matches.Concat(StartThisWeek).DistinctBy(m => m.Offer.Id);
}

/// <summary>
/// The front door's matching. Pure: a catalog, the answers and the moment in, an explained answer out.
/// Order: fit (matched answers), then how far (<see cref="Band"/>: near, within reach, far), then groups before other
/// formats, then how soon one can start, then distance. The top <see cref="TopSize"/> is re-balanced so it covers at
/// least three sectors when the matches have them. The "start this week" list holds up to <see cref="SoonWanted"/>
/// offers that fit an answer and can start within 7 days (the no-waiting guarantee): real groups first; helplines
/// only when the person chose online or too little else exists; with a PC4 at least one in-person option within
/// reach when the catalog has one; offers that fit no answer only as a last resort (they do not count).
/// </summary>
public static class FrontDoorMatcher
{
    public const int TopSize = 6;
    public const int MaxMatches = 12;
    public const int SoonWanted = 3;
    public const int MinSectorsInTop = 3;
    /// <summary>In-person offers further away than this from the chosen PC4 are left out.</summary>
    public const double MaxKm = 30;
    /// <summary>"Dichtbij": an in-person offer at most this far from the chosen PC4.</summary>
    public const double NearKm = 5;
    /// <summary>Within easy reach: further than <see cref="NearKm"/>, at most this far.</summary>
    public const double ReachKm = 15;
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    internal const int DomainPoints = 3, WishPoints = 2, OwnWordsPoints = 2, CompanyPoints = 1;
    /// <summary>How many ranked candidates a pass keeps: the matches plus room for the sector re-balancing.</summary>
    internal const int TopCandidates = MaxMatches + TopSize;

    private static readonly Sector[] TreatmentSectors =
        [Sector.HuisartsPoh, Sector.KleineGgz, Sector.GroteGgz, Sector.Verslavingszorg, Sector.Systeemtherapie, Sector.Vg];

    private static readonly (LifeDomains Flag, string Name)[] DomainNames = [.. Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None).Select(d => (d, d.ToString()))];
    private static readonly (Wishes Flag, string Name)[] WishNames = [.. Enum.GetValues<Wishes>().Where(w => w != Wishes.None).Select(w => (w, w.ToString()))];

    private static readonly string[] CreativeWords = ["creatie", "atelier", "schilder", "teken", "muziek", "zing", "dans", "theater", "klei", "kunst", "fotografie", "schrijf"];
    private static readonly string[] OutdoorWords = ["wandel", "buiten", "natuur", "tuin", "fiets", "bos", "sport", "beweg", "yoga", "zwem"];

    /// <summary>A few everyday words that point to a life domain, for "in je eigen woorden". Never a diagnosis.</summary>
    public static readonly IReadOnlyDictionary<string, LifeDomains> OwnWordDomains = new Dictionary<string, LifeDomains>(StringComparer.Ordinal)
    {
        ["schuld"] = LifeDomains.MoneyAndDebt, ["geld"] = LifeDomains.MoneyAndDebt, ["rekening"] = LifeDomains.MoneyAndDebt, ["deurwaarder"] = LifeDomains.MoneyAndDebt,
        ["huur"] = LifeDomains.Housing, ["woning"] = LifeDomains.Housing, ["dakloos"] = LifeDomains.Housing, ["wonen"] = LifeDomains.Housing,
        ["werk"] = LifeDomains.WorkSchoolDaytime, ["baan"] = LifeDomains.WorkSchoolDaytime, ["school"] = LifeDomains.WorkSchoolDaytime, ["ontslag"] = LifeDomains.WorkSchoolDaytime,
        ["alleen"] = LifeDomains.LonelinessAndContact, ["eenzaam"] = LifeDomains.LonelinessAndContact, ["vrienden"] = LifeDomains.LonelinessAndContact,
        ["relatie"] = LifeDomains.RelationshipsAndFamily, ["scheiding"] = LifeDomains.RelationshipsAndFamily, ["ruzie"] = LifeDomains.RelationshipsAndFamily, ["kinderen"] = LifeDomains.RelationshipsAndFamily,
        ["zin"] = LifeDomains.Meaning, ["geloof"] = LifeDomains.Meaning, ["richting"] = LifeDomains.Meaning,
        ["pijn"] = LifeDomains.BodyAndHealth, ["ziek"] = LifeDomains.BodyAndHealth, ["slaap"] = LifeDomains.BodyAndHealth, ["moe"] = LifeDomains.BodyAndHealth,
        ["somber"] = LifeDomains.LowMood, ["verdrietig"] = LifeDomains.LowMood, ["down"] = LifeDomains.LowMood, ["leeg"] = LifeDomains.LowMood,
        ["angst"] = LifeDomains.AnxietyAndStress, ["bang"] = LifeDomains.AnxietyAndStress, ["stress"] = LifeDomains.AnxietyAndStress, ["spanning"] = LifeDomains.AnxietyAndStress, ["pieker"] = LifeDomains.AnxietyAndStress,
        ["drank"] = LifeDomains.Addiction, ["drink"] = LifeDomains.Addiction, ["blowen"] = LifeDomains.Addiction, ["gokken"] = LifeDomains.Addiction, ["verslaafd"] = LifeDomains.Addiction,
        ["rouw"] = LifeDomains.GriefAndLoss, ["overleden"] = LifeDomains.GriefAndLoss, ["verlies"] = LifeDomains.GriefAndLoss, ["gemis"] = LifeDomains.GriefAndLoss,
        ["trauma"] = LifeDomains.BadExperiences, ["misbruik"] = LifeDomains.BadExperiences, ["nare"] = LifeDomains.BadExperiences, ["geweld"] = LifeDomains.BadExperiences,
    };

    /// <summary>The front door's answer, found through the catalog's index (<see cref="FrontDoorIndex"/>): the same as <see cref="MatchEveryOffer"/>, in well under a millisecond at national size.</summary>
    public static FrontDoorResult Match(FrontDoorCatalog catalog, FrontDoorAnswers answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var query = Query.For(answers, now);
        return Answer(query, catalog.Index.Scan(query));
    }

    /// <summary>
    /// The straightforward definition: score every offer of the catalog. <see cref="Match"/> must answer exactly the same
    /// (a property test compares the two on random catalogs and answers); kept as the reference, not for production.
    /// </summary>
    internal static FrontDoorResult MatchEveryOffer(FrontDoorCatalog catalog, FrontDoorAnswers answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var query = Query.For(answers, now);
        return Answer(query, ScanEveryOffer(catalog, query));
    }

    /// <summary>One request's answers, prepared once: the domains in the own words, the PC4's place and the latitude/longitude box around it.</summary>
    internal sealed record Query(FrontDoorAnswers Answers, LifeDomains OwnDomains, Pc4Area? Origin, DateTimeOffset Now, bool AnyAnswer, double BoxLat, double BoxLon)
    {
        /// <summary>The band of an online offer: with a PC4 (and online not wished for) it ranks with in-person offers within reach, not with those nearby.</summary>
        public int OnlineBand => Origin is not null && !Answers.Wishes.HasFlag(Wishes.Online) ? 1 : 0;

        /// <summary>Helplines count for the guarantee: the person chose online (only online, or the wish).</summary>
        public bool HelplinesWanted => Answers.OnlineOnly || Answers.Wishes.HasFlag(Wishes.Online);

        public static Query For(FrontDoorAnswers answers, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(answers);
            var origin = Pc4Directory.Find(answers.Pc4);
            var ownDomains = OwnWordsDomains(answers.OwnWords) | answers.OwnWordDomains;
            var anyAnswer = answers.Domains != LifeDomains.None || answers.Wishes != Wishes.None || ownDomains != LifeDomains.None;
            return origin is null
                ? new Query(answers, ownDomains, null, now, anyAnswer, 0, 0)
                : new Query(answers, ownDomains, origin, now, anyAnswer, MaxKm / 110.5, MaxKm / (111.32 * Math.Cos(origin.Latitude * Math.PI / 180)));
        }
    }

    /// <summary>
    /// What one pass over the catalog keeps, each list in ranking order: the best <see cref="TopCandidates"/> with a fit,
    /// the best per sector (in the order the sectors were met), and of what starts this week: the best three fitting
    /// offers that are not helplines, the best three fitting helplines, the best fitting in-person offer, and the best
    /// three offers within the hard limits that fit no answer (<see cref="SoonAny"/> is filled only when fewer than three
    /// fitting offers and helplines start this week).
    /// </summary>
    internal sealed record Pass(List<Candidate> Top, List<Candidate> BestPerSector, List<Candidate> SoonFitting, List<Candidate> SoonHelplines,
        List<Candidate> SoonInPerson, List<Candidate> SoonAny);

    /// <summary>The reference pass: every offer, one by one, in catalog order. A latitude/longitude box rejects far-away offers before any trigonometry.</summary>
    private static Pass ScanEveryOffer(FrontDoorCatalog catalog, Query q)
    {
        var ranking = new Ranking(q.Now, q.OnlineBand);
        var topRanked = new TopList<Candidate>(TopCandidates, ranking);
        var bestPerSector = new Dictionary<Sector, Candidate>();
        var soonFitting = new TopList<Candidate>(SoonWanted, ranking);
        var soonHelplines = new TopList<Candidate>(SoonWanted, ranking);
        var soonInPerson = new TopList<Candidate>(1, ranking);
        var soonAny = new TopList<Candidate>(SoonWanted, ranking);
        foreach (var item in catalog.Offers)
        {
            var offer = item.Offer;
            if (q.Origin is { } origin && !offer.IsOnline && offer.Latitude is { } la && offer.Longitude is { } lo
                && (Math.Abs(la - origin.Latitude) > q.BoxLat || Math.Abs(lo - origin.Longitude) > q.BoxLon)) continue;
            if (Evaluate(item, q.Answers, q.OwnDomains, q.Origin) is not { } c) continue;
            var soonish = StartsWithinWeek(item, c.Start, q.Now);
            if (q.AnyAnswer && c.Fit == 0)
            {
                if (soonish) soonAny.Add(c);
                continue;
            }
            topRanked.Add(c);
            if (soonish)
            {
                (item.IsAlwaysAvailable ? soonHelplines : soonFitting).Add(c);
                if (c.Distance is not null) soonInPerson.Add(c);
            }
            if (!bestPerSector.TryGetValue(item.Sector, out var best) || ranking.Compare(c, best) < 0) bestPerSector[item.Sector] = c;
        }
        var enough = soonFitting.Count + soonHelplines.Count >= SoonWanted;
        return new Pass(topRanked.Sorted(), [.. bestPerSector.Values], soonFitting.Sorted(), soonHelplines.Sorted(), soonInPerson.Sorted(), enough ? [] : soonAny.Sorted());
    }

    /// <summary>From what the pass kept to the explained answer: re-balance sectors, then explain only what is shown.</summary>
    private static FrontDoorResult Answer(Query q, Pass pass)
    {
        var (answers, ownDomains) = (q.Answers, q.OwnDomains);
        var ranking = new Ranking(q.Now, q.OnlineBand);
        // The best of every sector joins the top candidates, so re-balancing sees every sector the matches have.
        var ranked = pass.Top.Concat(pass.BestPerSector).DistinctBy(c => c.Item.Offer.Id).OrderBy(c => c, ranking).Select(c => c.ToMatch()).ToList();
        var matches = Diversify(ranked, ranking).Take(MaxMatches).Select(m => Explain(m, answers, ownDomains)).ToList();
        var sectorsInTop = matches.Take(TopSize).Select(m => m.Sector).Distinct().Count();

        // The no-waiting list: what fits and can start within 7 days. Real groups first; helplines join them when the
        // person chose online, else only fill up; what fits no answer comes last and does not count.
        var fitting = q.HelplinesWanted
            ? pass.SoonFitting.Concat(pass.SoonHelplines).OrderBy(c => c, ranking).ToList()
            : [.. pass.SoonFitting, .. pass.SoonHelplines];
        var picks = fitting.Take(SoonWanted).ToList();
        var counted = q.HelplinesWanted ? picks.Count : picks.Count(c => !c.Item.IsAlwaysAvailable);
        var helplines = picks.Count - counted;
        // With a PC4, one in-person option within reach when one fits and starts this week.
        if (q.Origin is not null && !answers.OnlineOnly && pass.SoonInPerson is [var near] && picks.All(c => c.Distance is null))
        {
            if (picks.Count == SoonWanted) picks.RemoveAt(picks.Count - 1);
            picks.Add(near);
            counted = q.HelplinesWanted ? picks.Count : picks.Count(c => !c.Item.IsAlwaysAvailable);
            helplines = picks.Count - counted;
        }
        var soon = picks.Concat(pass.SoonAny)
            .DistinctBy(c => c.Item.Offer.Id)
            .Take(SoonWanted)
            .Select(c => Explain(c.ToMatch(), answers, ownDomains))
            .ToList();

        var phrase = CrisisSignals.MatchingPhrase(answers.OwnWords);
        return new FrontDoorResult(answers.NotSafe || phrase is not null, phrase, matches, soon, sectorsInTop) { SoonCount = counted, HelplinesFilling = helplines };
    }

    /// <summary>
    /// Counts for the no-waiting guarantee: an always-available online service, or a group-type offer
    /// (group, course, walk-in, online group or eCommunity) with a free place in a session that starts within 7 days.
    /// </summary>
    public static bool StartsWithinWeek(FrontDoorMatch match, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(match);
        return StartsWithinWeek(match.Item, match.FirstStart, now);
    }

    private static bool StartsWithinWeek(CatalogOffer item, CatalogSession? start, DateTimeOffset now) =>
        item.IsAlwaysAvailable || (item.IsGroup && start is { } s && s.Start - now <= Week);

    /// <summary>
    /// How far, in three steps: 0 near (≤ <see cref="NearKm"/>), 1 within reach (≤ <see cref="ReachKm"/>), 2 further.
    /// An online offer is in <paramref name="onlineBand"/> (0 without a PC4 or when online was wished for, else 1).
    /// Without a PC4 every offer is in band 0.
    /// </summary>
    internal static int Band(bool online, double? km, int onlineBand) =>
        online ? onlineBand : km is not { } d ? 0 : d <= NearKm ? 0 : d <= ReachKm ? 1 : 2;

    /// <summary>An offer within the hard limits, with its fit, distance and first start; no reasons, nothing allocated.</summary>
    internal readonly record struct Candidate(CatalogOffer Item, int Fit, double? Distance, CatalogSession? Start)
    {
        public FrontDoorMatch ToMatch() => new(Item, Fit, [], Distance, Start);
    }

    private static Candidate? Evaluate(CatalogOffer item, FrontDoorAnswers answers, LifeDomains ownDomains, Pc4Area? origin)
    {
        var offer = item.Offer;
        if (answers.OnlineOnly && !offer.IsOnline) return null;
        double? distance = null;
        if (origin is not null && !offer.IsOnline)
        {
            if (offer.Latitude is not { } lat || offer.Longitude is not { } lon) return null;
            distance = Pc4Directory.DistanceKm(origin.Latitude, origin.Longitude, lat, lon);
            if (distance > MaxKm) return null;
        }
        var start = item.FirstStart;
        if (answers.Days != Weekdays.None && item.Sessions.Count > 0)
        {
            if ((item.SessionDays & answers.Days) == 0) return null;
            start = StartOnDays(item, start, answers.Days);
        }
        var fit = DomainPoints * BitOperations.PopCount((uint)(offer.LifeDomains & answers.Domains))
            + OwnWordsPoints * BitOperations.PopCount((uint)(offer.LifeDomains & ownDomains & ~answers.Domains))
            + WishPoints * BitOperations.PopCount((uint)(answers.Wishes & item.Fits));
        if (answers.Company.HasFlag(Company.Nobody) && item.IsGroup && fit > 0) fit += CompanyPoints;
        return new Candidate(item, fit, distance, start);
    }

    /// <summary>The first session one can start at on one of the chosen days, not before the offer's first start.</summary>
    private static CatalogSession? StartOnDays(CatalogOffer item, CatalogSession? first, Weekdays days)
    {
        if (first is null) return null;
        foreach (var s in item.Sessions)
        {
            if (s.Start >= first.Start && (DayOf(s) & days) != 0 && s.CanStartAt(item.Offer.FlowPolicy)) return s;
        }
        return null;
    }

    /// <summary>The life domains that words in the person's own text point to.</summary>
    public static LifeDomains OwnWordsDomains(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return LifeDomains.None;
        var words = CrisisSignals.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = LifeDomains.None;
        foreach (var word in words)
        {
            foreach (var (stem, domain) in OwnWordDomains)
            {
                if (word.StartsWith(stem, StringComparison.Ordinal)) result |= domain;
            }
        }
        return result;
    }

    /// <summary>
    /// The reasons a shown offer fits. <paramref name="m"/> comes from <see cref="Evaluate"/>, so the hard limits
    /// (online only, distance, days) already hold and its fit, distance and first start stay as scored.
    /// </summary>
    private static FrontDoorMatch Explain(FrontDoorMatch m, FrontDoorAnswers answers, LifeDomains ownDomains)
    {
        var item = m.Item;
        var reasons = new List<MatchReason>();
        if (answers.Days != Weekdays.None && item.Sessions.Count > 0)
        {
            // Evaluate kept the offer, so at least one session falls on a chosen day.
            var onDay = item.Sessions.First(s => (DayOf(s) & answers.Days) != 0);
            reasons.Add(new MatchReason(ReasonKind.Day, DayOf(onDay).ToString()));
        }
        var domains = item.Offer.LifeDomains & answers.Domains;
        var own = item.Offer.LifeDomains & ownDomains & ~answers.Domains;
        var wishes = answers.Wishes & item.Fits;
        // In declaration order, from name tables made once (Enum.GetValues would box on every call).
        foreach (var (flag, name) in DomainNames) if ((domains & flag) != 0) reasons.Add(new MatchReason(ReasonKind.Domain, name));
        foreach (var (flag, name) in DomainNames) if ((own & flag) != 0) reasons.Add(new MatchReason(ReasonKind.OwnWords, name));
        foreach (var (flag, name) in WishNames) if ((wishes & flag) != 0) reasons.Add(new MatchReason(ReasonKind.Wish, name));
        // Evaluate adds the company point only on top of a fit above zero.
        if (answers.Company.HasFlag(Company.Nobody) && item.IsGroup && m.Fit > 0) reasons.Add(new MatchReason(ReasonKind.Company, nameof(Company.Nobody)));
        // "Dichtbij" only when it is near; the card shows every distance anyway.
        if (m.DistanceKm <= NearKm && answers.Pc4 is not null) reasons.Add(new MatchReason(ReasonKind.Near, Pc4Directory.Normalise(answers.Pc4)!));
        return m with { Reasons = reasons };
    }

    internal static Weekdays DayOf(CatalogSession s) => FrontDoorAnswers.DayFlag(TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone).DayOfWeek);

    public static bool FitsWish(CatalogOffer item, Wishes wish)
    {
        ArgumentNullException.ThrowIfNull(item);
        var o = item.Offer;
        var text = (o.Name + " " + o.Description).ToLowerInvariant();
        return wish switch
        {
            Wishes.MeetPeers => item.IsGroup,
            Wishes.Learn => o.Format == OfferFormat.Course || item.Sector == Sector.Herstelacademie,
            Wishes.TalkToSomeone => o.Format is OfferFormat.Individual or OfferFormat.WalkIn || item.IsAlwaysAvailable,
            Wishes.PracticalHelp => item.Sector == Sector.SociaalDomein || o.Format == OfferFormat.HomeSupport
                || (o.LifeDomains & (LifeDomains.MoneyAndDebt | LifeDomains.Housing)) != 0,
            Wishes.MoveOutdoors => o.Dimensions.HasFlag(Dimensions.Physical) && (item.Sector == Sector.FysioSportRevalidatie || OutdoorWords.Any(text.Contains)),
            Wishes.Creative => item.Sector == Sector.VaktherapieCam || CreativeWords.Any(text.Contains),
            Wishes.Online => o.IsOnline,
            Wishes.ProfessionalTreatment => o.Facilitators.HasFlag(FacilitatorRoles.Professional) && TreatmentSectors.Contains(item.Sector),
            _ => false,
        };
    }

    /// <summary>
    /// Makes the first <see cref="TopSize"/> cover at least <see cref="MinSectorsInTop"/> sectors when the ranked
    /// list has them: the best offer of a missing sector takes the place of the lowest-ranked offer whose sector
    /// is already in the top more than once. The rest keeps its order.
    /// </summary>
    public static IReadOnlyList<FrontDoorMatch> Diversify(IReadOnlyList<FrontDoorMatch> ranked, DateTimeOffset now) =>
        Diversify(ranked, new Ranking(now, 0));

    private static IReadOnlyList<FrontDoorMatch> Diversify(IReadOnlyList<FrontDoorMatch> ranked, Ranking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var top = ranked.Take(TopSize).ToList();
        var rest = ranked.Skip(TopSize).ToList();
        var wanted = Math.Min(MinSectorsInTop, ranked.Select(m => m.Sector).Distinct().Count());
        while (top.Select(m => m.Sector).Distinct().Count() < wanted)
        {
            var incoming = rest.First(m => top.All(t => t.Sector != m.Sector));
            var outgoing = top.Last(t => top.Count(x => x.Sector == t.Sector) > 1);
            top.Remove(outgoing);
            rest.Remove(incoming);
            top.Add(incoming);
            rest.Add(outgoing);
        }
        return [.. top.OrderBy(m => m, ranking), .. rest.OrderBy(m => m, ranking)];
    }

    /// <summary>Fit first; then the distance band (<see cref="Band"/>); then groups lead; then the soonest start; then the nearest; then the name.</summary>
    private sealed class Ranking(DateTimeOffset now, int onlineBand) : IComparer<FrontDoorMatch>, IComparer<Candidate>
    {
        public int Compare(FrontDoorMatch? x, FrontDoorMatch? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return 1;
            if (y is null) return -1;
            return Compare(new Candidate(x.Item, x.Fit, x.DistanceKm, x.FirstStart), new Candidate(y.Item, y.Fit, y.DistanceKm, y.FirstStart));
        }

        public int Compare(Candidate x, Candidate y)
        {
            var c = y.Fit.CompareTo(x.Fit);
            if (c != 0) return c;
            c = Band(x.Item.Offer.IsOnline, x.Distance, onlineBand).CompareTo(Band(y.Item.Offer.IsOnline, y.Distance, onlineBand));
            if (c != 0) return c;
            c = y.Item.IsGroup.CompareTo(x.Item.IsGroup);
            if (c != 0) return c;
            c = StartsAt(x).CompareTo(StartsAt(y));
            if (c != 0) return c;
            c = (x.Distance ?? 0).CompareTo(y.Distance ?? 0);
            return c != 0 ? c : string.CompareOrdinal(x.Item.Offer.Name, y.Item.Offer.Name);
        }

        private DateTimeOffset StartsAt(Candidate c) => c.Item.IsAlwaysAvailable ? now : c.Start?.Start ?? DateTimeOffset.MaxValue;
    }
}

/// <summary>The best <c>capacity</c> items by a ranking, kept in one pass without sorting everything.</summary>
internal sealed class TopList<T>(int capacity, IComparer<T> ranking)
{
    // A max-heap on rank: the root is the worst item kept, pushed out when a better one comes.
    private readonly PriorityQueue<T, T> _heap = new(Comparer<T>.Create((a, b) => ranking.Compare(b, a)));

    public int Count => _heap.Count;

    public bool IsFull => _heap.Count >= capacity;

    /// <summary>The worst item kept: once the list is full, a new item must beat it to get in.</summary>
    public T Worst => _heap.Peek();

    public void Add(T item)
    {
        if (_heap.Count < capacity) _heap.Enqueue(item, item);
        else if (ranking.Compare(item, _heap.Peek()) < 0) _heap.EnqueueDequeue(item, item);
    }

    /// <summary>The items kept, best first (a stable sort of the heap's own order, so equal items keep theirs).</summary>
    public List<T> Sorted() => _heap.UnorderedItems.Select(x => x.Element).OrderBy(x => x, ranking).ToList();
}
