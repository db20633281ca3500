using Gem.Core.Atlas;

namespace Gem.Core.FrontDoor;

/// <summary>One answer combination for which the front door shows fewer than three options that start within 7 days.</summary>
/// <param name="Domain">The life domain chosen.</param>
/// <param name="Wish">The wish chosen (None: no wish).</param>
/// <param name="Pc4">The PC4 given; null with <paramref name="OnlineOnly"/>.</param>
/// <param name="OnlineOnly">Only online help was asked for.</param>
/// <param name="SoonCount">How many options start within 7 days (0, 1 or 2).</param>
public sealed record GuaranteeGap(LifeDomains Domain, Wishes Wish, string? Pc4, bool OnlineOnly, int SoonCount);

/// <summary>
/// GEM's promise "we have no waiting lists": for every answer combination the front door shows at least
/// <see cref="FrontDoorMatcher.SoonWanted"/> options that can start within 7 days. <see cref="Holds"/> checks one
/// combination (the property test feeds it arbitrary answers); <see cref="FindGaps"/> walks the coordinator's
/// answer space — every life domain × every wish (or none) × every PC4 of the region and "online only" — and
/// lists where the region's data breaks the promise.
/// </summary>
public static class NoWaitingGuarantee
{
    public static int SoonCount(FrontDoorResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Shown.Count(m => FrontDoorMatcher.StartsWithinWeek(m, now));
    }

    public static bool Holds(FrontDoorCatalog catalog, FrontDoorAnswers answers, DateTimeOffset now) =>
        SoonCount(FrontDoorMatcher.Match(catalog, answers, now), now) >= FrontDoorMatcher.SoonWanted;

    /// <summary>The answer combinations a coordinator is warned about, in a stable order.</summary>
    public static IReadOnlyList<GuaranteeGap> FindGaps(FrontDoorCatalog catalog, IEnumerable<string> regionPc4s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(regionPc4s);
        var places = regionPc4s.Select(p => (Pc4: (string?)p, Online: false)).Append((Pc4: null, Online: true)).ToList();
        Wishes[] wishes = [Wishes.None, .. Enum.GetValues<Wishes>().Where(w => w != Wishes.None)];
        var gaps = new List<GuaranteeGap>();
        foreach (var domain in Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None))
        {
            foreach (var wish in wishes)
            {
                foreach (var (pc4, online) in places)
                {
                    var answers = new FrontDoorAnswers { Domains = domain, Wishes = wish, Pc4 = pc4, OnlineOnly = online };
                    var soon = SoonCount(FrontDoorMatcher.Match(catalog, answers, now), now);
                    if (soon < FrontDoorMatcher.SoonWanted) gaps.Add(new GuaranteeGap(domain, wish, pc4, online, soon));
                }
            }
        }
        return gaps;
    }
}
