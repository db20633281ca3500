using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gem.Core.Atlas;
using Gem.Core.Demo;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;

namespace Gem.Core.Tests.FrontDoor;

/// <summary>"We have no waiting lists" (seed 003): every answer combination shows at least three options that start within 7 days.</summary>
public sealed class NoWaitingGuaranteeTests
{
    private static readonly DateTimeOffset Now = DemoCatalog.Now;

    /// <summary>Any answers at all: every subset of life domains, company, wishes and days, any region PC4 or none or a PC4 outside it, online only or not, any own words.</summary>
    private static Arbitrary<FrontDoorAnswers> Answers()
    {
        string?[] places = [null, .. DemoRegion.Pc4Codes, "1012", "9711"];
        string?[] words = [null, "", "ik heb schulden", "alleen en somber", "ik drink te veel", "rouw", "xyz"];
        var gen =
            from domains in Gen.Choose(0, (1 << 12) - 1)
            from company in Gen.Choose(0, (1 << 6) - 1)
            from wishes in Gen.Choose(0, (1 << 8) - 1)
            from days in Gen.Choose(0, (1 << 7) - 1)
            from pc4 in Gen.Elements(places)
            from online in Gen.Elements(false, false, true)
            from own in Gen.Elements(words)
            select new FrontDoorAnswers
            {
                Domains = (LifeDomains)domains, Company = (Company)company, Wishes = (Wishes)wishes, Days = (Weekdays)days,
                Pc4 = pc4, OnlineOnly = online, OwnWords = own,
            };
        return Arb.From(gen);
    }

    [Property(MaxTest = 1000)]
    public Property Match_AnyAnswersOnTheDemoRegion_AtLeastThreeOptionsStartWithinSevenDays() =>
        Prop.ForAll(Answers(), answers =>
        {
            var result = FrontDoorMatcher.Match(DemoCatalog.Catalog, answers, Now);
            var soon = result.Shown.Where(m => FrontDoorMatcher.StartsWithinWeek(m, Now)).ToList();
            return soon.Count >= 3
                && soon.All(m => m.IsAlwaysAvailable || (m.FirstStart!.Start >= Now && m.FirstStart.Start - Now <= TimeSpan.FromDays(7) && m.FirstStart.FreeSeats is null or > 0));
        });

    [Fact]
    public void FindGaps_DemoRegion_NoAnswerCombinationBreaksTheGuarantee()
    {
        var gaps = NoWaitingGuarantee.FindGaps(DemoCatalog.Catalog, DemoRegion.Pc4Codes, Now);
        Assert.Empty(gaps);
    }

    [Fact]
    public void FindGaps_ThinRegion_ListsTheBrokenCombinations()
    {
        var partner = new Partner { Name = "Buurthuis Dun (fictief)", Sector = Sector.SociaalDomein };
        var walkIn = new Offer
        {
            Name = "Inloop", Format = OfferFormat.WalkIn, FlowPolicy = FlowPolicy.Open, Access = Access.NoReferral,
            LifeDomains = LifeDomains.MoneyAndDebt, Pc4 = "3841", Latitude = 52.34, Longitude = 5.62,
        };
        walkIn.Sessions.Add(new Session { Start = Now.AddDays(1), End = Now.AddDays(1).AddHours(2) });
        partner.Offers.Add(walkIn);
        var region = new Region { Name = "Dun" };
        region.Partners.Add(partner);

        var gaps = NoWaitingGuarantee.FindGaps(FrontDoorCatalog.FromRegion(region, Now), ["3841"], Now);

        // 12 domains × 9 wish choices × (one PC4 + online only): every combination has fewer than three options.
        Assert.Equal(12 * 9 * 2, gaps.Count);
        Assert.Contains(gaps, g => g.Domain == LifeDomains.MoneyAndDebt && g.Pc4 == "3841" && g.SoonCount == 1);
        Assert.Contains(gaps, g => g.OnlineOnly && g.SoonCount == 0);
    }
}
