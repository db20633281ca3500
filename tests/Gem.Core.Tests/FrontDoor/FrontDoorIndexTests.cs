using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gem.Core.Atlas;
using Gem.Core.Demo;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;

namespace Gem.Core.Tests.FrontDoor;

/// <summary>
/// The fast path (<see cref="FrontDoorMatcher.Match"/> through <see cref="FrontDoorIndex"/>) answers exactly what the
/// straightforward pass over every offer answers (<see cref="FrontDoorMatcher.MatchEveryOffer"/>): same matches in the
/// same order with the same fit, reasons, distance and first start, the same "start this week" list, the same sectors.
/// </summary>
public sealed class FrontDoorIndexTests
{
    private static readonly DateTimeOffset Now = DemoCatalog.Now;

    /// <summary>A few PC4s close together (Noordwest-Veluwe), one far away, one unknown and none: distances tie, boxes and grid cells overlap.</summary>
    private static readonly string?[] Places = [null, "3841", "3842", "3851", "3881", "8071", "1012", "9711", "0000"];

    private static Gen<FrontDoorAnswers> AnswersGen(string?[] places)
    {
        string?[] words = [null, "", "ik heb schulden", "alleen en somber", "ik drink te veel", "rouw", "xyz"];
        return
            from domains in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, (1 << 12) - 1), Gen.Elements(1, 1 << 3, 1 << 7, (1 << 7) | (1 << 8)))
            from company in Gen.Choose(0, (1 << 6) - 1)
            from wishes in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, (1 << 8) - 1), Gen.Elements(1, 1 << 2, 1 << 6))
            from days in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, (1 << 7) - 1))
            from pc4 in Gen.Elements(places)
            from online in Gen.Elements(false, false, true)
            from own in Gen.Elements(words)
            from ownDomains in Gen.Elements(0, 0, 1 << 10)
            select new FrontDoorAnswers
            {
                Domains = (LifeDomains)domains, Company = (Company)company, Wishes = (Wishes)wishes, Days = (Weekdays)days,
                Pc4 = pc4, OnlineOnly = online, OwnWords = own, OwnWordDomains = (LifeDomains)ownDomains,
            };
    }

    [Property(MaxTest = 400)]
    public Property Match_RandomCatalogAndAnswers_FastPathEqualsEveryOfferPass() =>
        Prop.ForAll(
            Arb.From(from seed in Gen.Choose(0, int.MaxValue) from size in Gen.Choose(0, 120) select (Seed: seed, Size: size)),
            Arb.From(AnswersGen(Places)),
            (catalog, answers) =>
            {
                var built = FrontDoorCatalog.FromRegion(RandomRegion(catalog.Seed, catalog.Size), Now);
                var later = Now.AddMinutes(catalog.Seed % 90); // the snapshot is older than the request
                return Same(built, answers, later).Label($"seed {catalog.Seed}, {catalog.Size} offers, {answers}");
            });

    [Property(MaxTest = 300)]
    public Property Match_DemoRegion_FastPathEqualsEveryOfferPass() =>
        Prop.ForAll(Arb.From(AnswersGen([null, .. DemoRegion.Pc4Codes, "1012", "9711"])), answers => Same(DemoCatalog.Catalog, answers, Now).Label(answers.ToString()));

    [Fact]
    public void Match_EmptyCatalog_AnswersNothing()
    {
        var result = FrontDoorMatcher.Match(new FrontDoorCatalog([]), new FrontDoorAnswers { Domains = LifeDomains.LowMood, Pc4 = "3841" }, Now);
        Assert.Empty(result.Matches);
        Assert.Empty(result.StartThisWeek);
    }

    private static bool Same(FrontDoorCatalog catalog, FrontDoorAnswers answers, DateTimeOffset now)
    {
        var fast = FrontDoorMatcher.Match(catalog, answers, now);
        var reference = FrontDoorMatcher.MatchEveryOffer(catalog, answers, now);
        return fast.Crisis == reference.Crisis && fast.CrisisPhrase == reference.CrisisPhrase && fast.SectorsInTop == reference.SectorsInTop
            && fast.SoonCount == reference.SoonCount && fast.HelplinesFilling == reference.HelplinesFilling
            && Describe(fast.Matches).SequenceEqual(Describe(reference.Matches))
            && Describe(fast.StartThisWeek).SequenceEqual(Describe(reference.StartThisWeek));
    }

    private static IEnumerable<string> Describe(IEnumerable<FrontDoorMatch> matches) => matches.Select(m =>
        $"{m.Offer.Id} {m.Fit} {m.DistanceKm?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} {m.FirstStart?.Id} "
        + string.Join(',', m.Reasons.Select(r => $"{r.Kind}:{r.Value}")));

    /// <summary>
    /// A small random region, built to provoke ties and edges: few names, offers on the same PC4 centroids, online and
    /// in-person offers (some without coordinates), every format, flow and access, full sessions, cohorts, sessions before
    /// now and beyond the horizon, and sessions on every weekday.
    /// </summary>
    internal static Region RandomRegion(int seed, int offers)
    {
        var random = new Random(seed);
        var region = new Region { Name = "Willekeurig" };
        var spots = new[] { "3841", "3842", "3851", "3881", "8071", "1012" }.Select(p => Pc4Directory.Find(p)!).ToArray();
        var sectors = Enum.GetValues<Sector>();
        var formats = Enum.GetValues<OfferFormat>();
        string[] names = ["Inloop", "Wandelgroep", "Atelier", "Herstelcursus", "Gesprek"];
        string[] descriptions = ["", "samen wandelen in de natuur", "schilderen en tekenen", "praten"];
        var partners = Enumerable.Range(0, 1 + random.Next(6))
            .Select(i => new Partner { Name = $"Partner {i} (fictief)", Sector = sectors[random.Next(sectors.Length)] }).ToList();
        foreach (var p in partners) region.Partners.Add(p);
        for (var i = 0; i < offers; i++)
        {
            var format = formats[random.Next(formats.Length)];
            var online = format == OfferFormat.Online || random.Next(4) == 0;
            var spot = spots[random.Next(spots.Length)];
            var offer = new Offer
            {
                Name = names[random.Next(names.Length)], Description = descriptions[random.Next(descriptions.Length)], Format = format,
                LifeDomains = (LifeDomains)random.Next(0, 1 << 12) & (LifeDomains)random.Next(0, 1 << 12),
                Dimensions = (Dimensions)random.Next(0, 16), Facilitators = (FacilitatorRoles)random.Next(0, 8),
                Capacity = random.Next(3) == 0 ? null : random.Next(1, 4), FlowPolicy = (FlowPolicy)random.Next(1, 4),
                Access = random.Next(6) == 0 ? Access.Referral : Access.NoReferral, IsOnline = online,
                Latitude = online || random.Next(10) == 0 ? null : spot.Latitude + (random.Next(3) == 0 ? random.NextDouble() * 0.6 - 0.3 : 0),
                Longitude = online ? null : spot.Longitude + (random.Next(3) == 0 ? random.NextDouble() * 0.9 - 0.45 : 0),
            };
            offer.MembersTaken = offer.Capacity is { } c && random.Next(4) == 0 ? c : 0;
            var sessions = random.Next(4) == 0 ? 0 : random.Next(1, 8);
            var at = Now.AddDays(random.Next(-12, 10)).AddHours(random.Next(0, 12));
            for (var s = 0; s < sessions; s++)
            {
                var start = at;
                offer.Sessions.Add(new Session
                {
                    Start = start, End = start.AddHours(2), Seats = random.Next(3) == 0 ? random.Next(1, 3) : null,
                    SeatsTaken = random.Next(3) == 0 ? 2 : 0,
                });
                at = at.AddDays(random.Next(0, 13)).AddHours(random.Next(0, 30));
            }
            partners[random.Next(partners.Count)].Offers.Add(offer);
        }
        return region;
    }
}
