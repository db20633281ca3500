using Gem.Core.Atlas;
using Gem.Core.FrontDoor;

namespace Gem.Core.Tests.FrontDoor;

public sealed class FrontDoorMatcherTests
{
    private static readonly DateTimeOffset Now = DemoCatalog.Now;
    private static FrontDoorResult Match(FrontDoorAnswers answers) => FrontDoorMatcher.Match(DemoCatalog.Catalog, answers, Now);

    [Fact]
    public void Match_DomainsAndWish_EveryMatchExplainsWhichAnswersItMatches()
    {
        var answers = new FrontDoorAnswers { Domains = LifeDomains.MoneyAndDebt | LifeDomains.LonelinessAndContact, Wishes = Wishes.MeetPeers, Pc4 = "3841" };
        var result = Match(answers);

        Assert.NotEmpty(result.Matches);
        foreach (var m in result.Matches)
        {
            Assert.Contains(m.Reasons, r => r.Kind is ReasonKind.Domain or ReasonKind.Wish);
            foreach (var r in m.Reasons.Where(r => r.Kind == ReasonKind.Domain)) Assert.True(m.Offer.LifeDomains.HasFlag(Enum.Parse<LifeDomains>(r.Value)));
            Assert.True(m.Offer.IsOnline || m.DistanceKm is <= FrontDoorMatcher.MaxKm);
        }
    }

    [Fact]
    public void Match_EqualFit_GroupsComeBeforeOtherFormats()
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.AnxietyAndStress });
        var ranked = result.Matches.Skip(FrontDoorMatcher.TopSize).ToList(); // outside the sector re-balancing
        for (var i = 1; i < ranked.Count; i++)
        {
            if (ranked[i].Fit == ranked[i - 1].Fit) Assert.False(ranked[i].IsGroup && !ranked[i - 1].IsGroup, $"{ranked[i].Offer.Name} is a group after a non-group of equal fit");
        }
        Assert.True(result.Matches[0].IsGroup);
    }

    [Theory]
    [InlineData(LifeDomains.MoneyAndDebt, Wishes.None)]
    [InlineData(LifeDomains.LowMood, Wishes.MeetPeers)]
    [InlineData(LifeDomains.Addiction, Wishes.None)]
    [InlineData(LifeDomains.BodyAndHealth, Wishes.MoveOutdoors)]
    [InlineData(LifeDomains.AnxietyAndStress, Wishes.ProfessionalTreatment)]
    public void Match_DemoRegion_TopCoversAtLeastThreeSectors(LifeDomains domain, Wishes wish)
    {
        var result = Match(new FrontDoorAnswers { Domains = domain, Wishes = wish });
        Assert.True(result.SectorsInTop >= FrontDoorMatcher.MinSectorsInTop, $"{result.SectorsInTop} sectors in the top");
    }

    [Fact]
    public void Diversify_TopOfOneSector_BringsInTwoMoreSectors()
    {
        var offers = Enumerable.Range(0, 8).Select(i => Item($"A{i}", Sector.GroteGgz, fit: 10))
            .Concat([Item("B", Sector.SociaalDomein, fit: 2), Item("C", Sector.InformeelPeer, fit: 1)]).ToList();
        var result = FrontDoorMatcher.Diversify(offers, Now);
        var top = result.Take(FrontDoorMatcher.TopSize).ToList();
        Assert.Equal(3, top.Select(m => m.Sector).Distinct().Count());
        Assert.Equal(offers.Count, result.Count);
        Assert.Equal("A0", top[0].Offer.Name);
    }

    [Fact]
    public void Match_OnlineOnly_ShowsOnlyOnlineHelp()
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.LowMood, OnlineOnly = true });
        Assert.All(result.Shown, m => Assert.True(m.Offer.IsOnline));
        Assert.NotEmpty(result.Matches);
    }

    [Fact]
    public void Match_OnlySaturday_EverySessionOfferMeetsOnSaturday()
    {
        var result = Match(new FrontDoorAnswers { Domains = LifeDomains.LonelinessAndContact, Days = Weekdays.Saturday });
        foreach (var m in result.Shown.Where(m => !m.IsAlwaysAvailable))
        {
            Assert.Contains(m.Item.Sessions, s => TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone).DayOfWeek == DayOfWeek.Saturday);
            if (m.FirstStart is { } start) Assert.Equal(DayOfWeek.Saturday, TimeZoneInfo.ConvertTime(start.Start, LocalTime.Zone).DayOfWeek);
        }
    }

    [Fact]
    public void Match_OwnWords_PointToLifeDomains()
    {
        Assert.Equal(LifeDomains.MoneyAndDebt | LifeDomains.LonelinessAndContact, FrontDoorMatcher.OwnWordsDomains("Ik heb schulden en ben vaak alleen"));
        var result = Match(new FrontDoorAnswers { OwnWords = "Sinds mijn moeder is overleden piekeren ik veel" });
        Assert.Contains(result.Matches[0].Reasons, r => r.Kind == ReasonKind.OwnWords);
    }

    [Fact]
    public void Match_FullGroup_IsMarkedFullAndSomethingElseStartsThisWeek()
    {
        var region = Gem.Core.Demo.DemoRegion.Build(Now);
        var offer = region.Partners.SelectMany(p => p.Offers).First(o => o.FlowPolicy == FlowPolicy.Rolling && o.Capacity is not null && o.Sessions.Count > 0 && o.LifeDomains.HasFlag(LifeDomains.LowMood));
        offer.MembersTaken = offer.Capacity!.Value;
        var catalog = FrontDoorCatalog.FromRegion(region, Now);

        var result = FrontDoorMatcher.Match(catalog, new FrontDoorAnswers { Domains = offer.LifeDomains }, Now);

        var full = catalog.Offers.Single(o => o.Offer.Id == offer.Id);
        Assert.True(full.IsFull);
        Assert.Null(full.FirstStart);
        Assert.Equal(FrontDoorMatcher.SoonWanted, result.StartThisWeek.Count);
        Assert.DoesNotContain(result.StartThisWeek, m => m.Offer.Id == offer.Id);
        Assert.All(result.StartThisWeek, m => Assert.True(FrontDoorMatcher.StartsWithinWeek(m, Now)));
    }

    [Fact]
    public void Catalog_AlwaysAvailableServices_AreTheOnlineOffersWithoutSessions()
    {
        var always = DemoCatalog.Catalog.Offers.Where(o => o.IsAlwaysAvailable).Select(o => o.PartnerName).ToList();
        Assert.Contains(always, n => n.Contains("113", StringComparison.Ordinal));
        Assert.All(DemoCatalog.Catalog.Offers.Where(o => o.IsAlwaysAvailable), o => Assert.True(o.Offer.IsOnline));
    }

    [Fact]
    public void Match_NoAnswers_StillShowsHelpFromSeveralSectors()
    {
        var result = Match(new FrontDoorAnswers());
        Assert.Equal(FrontDoorMatcher.MaxMatches, result.Matches.Count);
        Assert.True(result.SectorsInTop >= 3);
        Assert.Equal(FrontDoorMatcher.SoonWanted, result.StartThisWeek.Count);
    }

    private static FrontDoorMatch Item(string name, Sector sector, int fit)
    {
        var offer = new Offer { Name = name, Format = OfferFormat.Group, LifeDomains = LifeDomains.LowMood };
        var item = new CatalogOffer(offer, sector, "P", []);
        return new FrontDoorMatch(item, fit, [], null, null);
    }
}
