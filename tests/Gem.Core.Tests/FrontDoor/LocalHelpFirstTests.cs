using Gem.Core.Atlas;
using Gem.Core.FrontDoor;

namespace Gem.Core.Tests.FrontDoor;

/// <summary>
/// Issue 13, item 2 and 3, on the demo region: the front door gives local help first. Each case was walked in the
/// browser and failed before: national helplines as the top matches and the whole "this week" list, helplines as
/// "groep" with "je ontmoet anderen", the 0.2 km option far down, "dichtbij" at 22 km.
/// </summary>
public sealed class LocalHelpFirstTests
{
    private static readonly DateTimeOffset Now = DemoCatalog.Now;
    private static FrontDoorResult Match(FrontDoorAnswers answers) => FrontDoorMatcher.Match(DemoCatalog.Catalog, answers, Now);

    [Theory]
    [InlineData(LifeDomains.LowMood, "3851")]
    [InlineData(LifeDomains.LowMood, "8071")]
    [InlineData(LifeDomains.GriefAndLoss, "3851")]
    public void Match_DomainAndRegionPc4_ThisWeekIsLocalHelpNotHelplines(LifeDomains domain, string pc4)
    {
        var result = Match(new FrontDoorAnswers { Domains = domain, Pc4 = pc4 });

        Assert.Equal(3, result.StartThisWeek.Count);
        Assert.DoesNotContain(result.StartThisWeek, m => m.IsAlwaysAvailable);
        Assert.All(result.StartThisWeek, m => Assert.True(m.Fit > 0 && FrontDoorMatcher.StartsWithinWeek(m, Now)));
        Assert.Contains(result.StartThisWeek, m => m.DistanceKm <= FrontDoorMatcher.MaxKm);
        Assert.Equal((3, 0), (result.SoonCount, result.HelplinesFilling));
        // The top cards lead with help one can go to; a helpline is no group and is never first.
        Assert.False(result.Matches[0].IsAlwaysAvailable);
        Assert.True(result.Matches.Take(FrontDoorMatcher.TopSize).Count(m => m.DistanceKm is not null) >= 3);
    }

    [Fact]
    public void Match_OnlyLowMood_NoHelplineIsAGroupOrMeetsOthers()
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.LowMood, Company = Company.Nobody, Wishes = Wishes.MeetPeers, Pc4 = "3851" });

        var helplines = DemoCatalog.Catalog.Offers.Where(o => o.IsAlwaysAvailable).ToList();
        Assert.NotEmpty(helplines);
        Assert.All(helplines, h => Assert.False(h.IsGroup));
        Assert.All(result.Shown.Where(m => m.IsAlwaysAvailable), m => Assert.DoesNotContain(m.Reasons, r => r.Kind == ReasonKind.Company || r.Value == nameof(Wishes.MeetPeers)));
    }

    [Fact]
    public void Offer_OnlineWithoutCapacity_IsNoGroup()
    {
        Assert.False(new Offer { Name = "Chat", Format = OfferFormat.Online, Capacity = null }.IsGroup);
        Assert.True(new Offer { Name = "Online groep", Format = OfferFormat.Online, Capacity = 8 }.IsGroup);
    }

    [Fact]
    public void Match_OnlineChosen_HelplinesMayFillTheWeek()
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.LowMood, OnlineOnly = true });

        Assert.Equal(3, result.SoonCount);
        Assert.Equal(0, result.HelplinesFilling);
        Assert.All(result.Shown, m => Assert.True(m.Offer.IsOnline));
    }

    [Fact]
    public void Match_MoneyAndLonelinessInErmelo_TheNearestComesFirst()
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.MoneyAndDebt | LifeDomains.LonelinessAndContact, Pc4 = "3851" });

        Assert.True(result.Matches[0].DistanceKm <= FrontDoorMatcher.NearKm, $"first card at {result.Matches[0].DistanceKm} km");
        // Among equally fitting cards, nearer bands come first (outside the sector re-balancing).
        var rest = result.Matches.Skip(FrontDoorMatcher.TopSize).ToList();
        for (var i = 1; i < rest.Count; i++)
        {
            if (rest[i].Fit == rest[i - 1].Fit && rest[i].DistanceKm is { } b && rest[i - 1].DistanceKm is { } a)
            {
                Assert.True(Band(a) <= Band(b), $"{rest[i - 1].Offer.Name} ({a:F1} km) before {rest[i].Offer.Name} ({b:F1} km)");
            }
        }
    }

    private static int Band(double km) => km <= FrontDoorMatcher.NearKm ? 0 : km <= FrontDoorMatcher.ReachKm ? 1 : 2;

    [Theory]
    [InlineData("3851")]
    [InlineData("8071")]
    [InlineData("3841")]
    public void Match_NearReason_OnlyWithinFiveKilometres(string pc4)
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.LowMood | LifeDomains.LonelinessAndContact, Pc4 = pc4 });

        Assert.Contains(result.Shown, m => m.DistanceKm > FrontDoorMatcher.NearKm);
        Assert.All(result.Shown.Where(m => m.Reasons.Any(r => r.Kind == ReasonKind.Near)), m => Assert.True(m.DistanceKm <= FrontDoorMatcher.NearKm, $"dichtbij at {m.DistanceKm} km"));
    }
}
