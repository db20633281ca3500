using Gem.Core.Atlas;

namespace Gem.Core.FrontDoor;

/// <summary>One answer combination for which the front door shows fewer than three options that fit and start within 7 days.</summary>
/// <param name="Domain">The life domain chosen.</param>
/// <param name="Wish">The wish chosen (None: no wish).</param>
/// <param name="Pc4">The PC4 given; null with <paramref name="OnlineOnly"/>.</param>
/// <param name="OnlineOnly">Only online help was asked for.</param>
/// <param name="SoonCount">How many options that fit start within 7 days (0, 1 or 2); helplines count only when online was chosen.</param>
/// <param name="Helplines">How many helplines the front door shows to fill the list, because too little else exists (the person did not choose online).</param>
public sealed record GuaranteeGap(LifeDomains Domain, Wishes Wish, string? Pc4, bool OnlineOnly, int SoonCount, int Helplines = 0);

/// <summary>
/// GEM's promise "we have no waiting lists": for every answer combination the front door shows at least
/// <see cref="FrontDoorMatcher.SoonWanted"/> options that fit an answer and can start within 7 days, helplines
/// counted only when the person chose online. <see cref="Holds"/> checks one combination (the property test feeds
/// it arbitrary answers); <see cref="FindGaps"/> walks the coordinator's answer space — every life domain × every
/// wish (or none) × every PC4 of the region and "online only" — and lists where the region's data breaks the
/// promise, with the helplines that fill in.
/// </summary>
public static class NoWaitingGuarantee
{
    /// <summary>How many shown options count for the guarantee (<see cref="FrontDoorResult.SoonCount"/>).</summary>
    public static int SoonCount(FrontDoorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.SoonCount;
    }

    public static bool Holds(FrontDoorCatalog catalog, FrontDoorAnswers answers, DateTimeOffset now) =>
        SoonCount(FrontDoorMatcher.Match(catalog, answers, now)) >= FrontDoorMatcher.SoonWanted;

    /// <summary>
    /// The answer combinations a coordinator is warned about, in a stable order (domain, wish, then the PC4s as given
    /// and online only last). Worked out from the catalog's answer space (<see cref="GuaranteeSpace"/>) in one pass per
    /// place instead of matching every combination; equal to <see cref="FindGapsByMatching"/> (a property test checks).
    /// </summary>
    public static IReadOnlyList<GuaranteeGap> FindGaps(FrontDoorCatalog catalog, IEnumerable<string> regionPc4s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(regionPc4s);
        return new GuaranteeSpace(catalog, now).FindGaps([.. regionPc4s]);
    }

    /// <summary>The reference: match every combination one by one (about 0.3 ms each). Kept for the property test and the bench.</summary>
    internal static IReadOnlyList<GuaranteeGap> FindGapsByMatching(FrontDoorCatalog catalog, IEnumerable<string> regionPc4s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(regionPc4s);
        var places = regionPc4s.Select(p => (Pc4: (string?)p, Online: false)).Append((Pc4: null, Online: true)).ToList();
        var gaps = new List<GuaranteeGap>();
        foreach (var domain in GuaranteeSpace.Domains)
        {
            foreach (var wish in GuaranteeSpace.WishChoices)
            {
                foreach (var (pc4, online) in places)
                {
                    var answers = new FrontDoorAnswers { Domains = domain, Wishes = wish, Pc4 = pc4, OnlineOnly = online };
                    var result = FrontDoorMatcher.Match(catalog, answers, now);
                    if (result.SoonCount < FrontDoorMatcher.SoonWanted) gaps.Add(new GuaranteeGap(domain, wish, pc4, online, result.SoonCount, result.HelplinesFilling));
                }
            }
        }
        return gaps;
    }
}
