using Gem.Core.Atlas;
using Gem.Core.Dashboard;
using Gem.Core.FrontDoor;
using Gem.Core.Plan;
using Gem.Monitor.Disclosure;

namespace Gem.Core.Tests.Dashboard;

public sealed class DashboardFiguresTests
{
    private static readonly DisclosureControl Rules = new();

    private static int?[] Days(params (int? Days, int Persons)[] groups) => [.. groups.SelectMany(g => Enumerable.Repeat(g.Days, g.Persons))];

    [Fact]
    public void TimeToSupport_HandBuiltPersons_GivesBandsShareAndMedian()
    {
        var r = TimeToSupport.Compute(Days((0, 5), (3, 10), (8, 10), (40, 15), (null, 10)), Rules);

        Assert.Equal([5L, 0, 10, 10, 0, 15, 10], r.ExactBands);
        Assert.Equal("50", r.Persons.ToString());
        Assert.Equal(new Figure(FigureKind.Share, 15 / 50.0), r.WithinWeek);
        Assert.Equal(Figure.Plain(8), r.MedianDays);
        Assert.Equal(TimeToSupport.NotYet, r.Distribution.Rows[^1].Label);
        Assert.Equal("10", r.Distribution.Rows[^1].Values[0].ToString());
        Assert.Equal("20%", r.Distribution.Rows[2].Values[1].ToString());
    }

    [Fact]
    public void TimeToSupport_GroupOfNine_ShowsOnlyLessThanTen()
    {
        var r = TimeToSupport.Compute(Days((2, 9)), Rules);

        Assert.Equal(FigureKind.Small, r.Persons.Kind);
        Assert.Equal(FigureKind.Small, r.WithinWeek.Kind);
        Assert.Equal(FigureKind.Small, r.MedianDays.Kind);
        Assert.All(r.Distribution.Rows, row => Assert.False(row.Values[0].IsPublished));
        Assert.Equal("< 10", r.Persons.ToString());
    }

    [Fact]
    public void TimeToSupport_WithinWeekFromNinePersons_IsNotShown()
    {
        var r = TimeToSupport.Compute(Days((1, 9), (20, 30)), Rules);

        Assert.Equal("40", r.Persons.ToString());
        Assert.Equal(FigureKind.Small, r.WithinWeek.Kind);
    }

    [Fact]
    public void TimeToSupport_NineAttendedAmongMany_HidesTheMedian()
    {
        var r = TimeToSupport.Compute(Days((4, 9), (null, 30)), Rules);

        Assert.Equal("40", r.Persons.ToString());
        Assert.Equal(FigureKind.Small, r.MedianDays.Kind);
        Assert.Equal("30", r.Distribution.Rows[^1].Values[0].ToString());
    }

    [Fact]
    public void GroupShare_OnePartnerOfNine_IsSmallAndTheNextSmallestIsHidden()
    {
        var r = GroupShareFigures.Compute(new ShareInput("Region", 41, 100, 85),
            [new ShareInput("A", 20, 60, 60), new ShareInput("B", 12, 31, 20), new ShareInput("C", 9, 9, 5)], Rules);

        Assert.Equal(new Figure(FigureKind.Share, 0.85), r.RegionShare);
        Assert.Equal(["40", "100", "85%"], r.Table.Rows[0].Values.Select(v => v.ToString()));
        Assert.Equal(["20", "60", "100%"], r.Table.Rows[1].Values.Select(v => v.ToString()));
        Assert.Equal(["10", "x", "x"], r.Table.Rows[2].Values.Select(v => v.ToString()));
        Assert.Equal(["< 10", "< 10", "< 10"], r.Table.Rows[3].Values.Select(v => v.ToString()));
    }

    [Fact]
    public void GroupShare_RegionOfNine_ShowsNothing()
    {
        var r = GroupShareFigures.Compute(new ShareInput("Region", 9, 30, 30), [new ShareInput("A", 9, 30, 30)], Rules);

        Assert.Equal(FigureKind.Small, r.RegionShare.Kind);
        Assert.All(r.Table.Rows.SelectMany(row => row.Values), v => Assert.Equal(FigureKind.Small, v.Kind));
    }

    [Fact]
    public void CategoryCounts_OneSmallSector_HidesASecondCellAgainstSubtraction()
    {
        var r = CategoryCounts.Compute("sector", [("A", 30), ("B", 9), ("C", 11)], Rules);

        Assert.Equal(["30", "< 10", "x"], r.Table.Rows.Select(row => row.Values[0].ToString()));
        Assert.Equal("50", r.Total.ToString());
        Assert.Equal("60%", r.Table.Rows[0].Values[1].ToString());
    }

    [Fact]
    public void CoFacilitation_NineOrTwentySessions_SmallOrQuarter()
    {
        Assert.Equal(FigureKind.Small, CoFacilitation.Compute([.. Enumerable.Repeat(true, 9)], Rules).Share.Kind);
        var (sessions, share) = CoFacilitation.Compute([.. Enumerable.Range(0, 20).Select(i => i < 5)], Rules);
        Assert.Equal(Figure.Plain(20), sessions);
        Assert.Equal(new Figure(FigureKind.Share, 0.25), share);
    }

    [Fact]
    public void CapacityGaps_TwoGapsInOneDomain_CountsCombinationsNoneSoonAndPlaces()
    {
        var table = CapacityGaps.Compute(
        [
            new GuaranteeGap(LifeDomains.MoneyAndDebt, Wishes.None, "3841", false, 0),
            new GuaranteeGap(LifeDomains.MoneyAndDebt, Wishes.Learn, null, true, 2),
        ]);

        var money = table.Rows.Single(r => r.Label == "Domain.MoneyAndDebt");
        Assert.Equal(["2", "1", "1"], money.Values.Select(v => v.ToString()));
        Assert.Equal("0", table.Rows.Single(r => r.Label == "Domain.Housing").Values[0].ToString());
    }

    [Fact]
    public void CapacityGapsByArea_GapsInTwoPlacesAndOnline_BiggestFirstOnlineLast()
    {
        var table = CapacityGaps.ByArea(
        [
            new GuaranteeGap(LifeDomains.MoneyAndDebt, Wishes.None, "3841", false, 0),
            new GuaranteeGap(LifeDomains.Housing, Wishes.None, "3842", false, 1),
            new GuaranteeGap(LifeDomains.Housing, Wishes.Learn, "3842", false, 0),
            new GuaranteeGap(LifeDomains.MoneyAndDebt, Wishes.Learn, null, true, 2),
        ]);

        Assert.Equal(["3842", "3841", "OnlineOnly"], table.Rows.Select(r => r.Label));
        Assert.Equal(["2", "1", "1"], table.Rows[0].Values.Select(v => v.ToString()));
        Assert.Equal(["1", "1", "1"], table.Rows[1].Values.Select(v => v.ToString()));
        Assert.True(table.Rows[2].LabelIsKey);
    }

    [Fact]
    public void FullOffers_OnlyOffersWithEverySessionFull_AreListed()
    {
        var table = FullOffers.Compute([new OfferLoad("Vol", "P", 3, 3), new OfferLoad("Half", "P", 4, 2), new OfferLoad("Leeg", "P", 0, 0)]);

        Assert.Equal("Vol — P", Assert.Single(table.Rows).Label);
    }

    [Fact]
    public void RecoveryChange_TenPersons_MeanChangeWithStudentInterval()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var checkIns = Enumerable.Range(0, 10).SelectMany(i =>
        {
            var owner = Guid.NewGuid();
            return new[]
            {
                new CheckIn { OwnerId = owner, At = t0.AddDays(30), Hope = i, QualityOfLife = 5 },
                new CheckIn { OwnerId = owner, At = t0, Hope = 0, QualityOfLife = 5 },
            };
        }).ToList();

        var r = RecoveryChange.Compute(checkIns, Rules);

        Assert.Equal("10", r.Persons.ToString());
        var hope = r.Table.Rows.Single(x => x.Label == "Hope").Values[2];
        Assert.Equal(4.5, hope.Value, 10);
        // s = sqrt(82.5 / 9) = 3.02765; t(0.975, 9) = 2.262; half width = 2.262 * 3.02765 / sqrt(10) = 2.16574
        Assert.Equal(4.5 - 2.16574, hope.Low, 4);
        Assert.Equal(4.5 + 2.16574, hope.High, 4);
        Assert.Equal("4.5 (2.3 to 6.7)", hope.ToString());
        var quality = r.Table.Rows.Single(x => x.Label == "QualityOfLife").Values[2];
        Assert.Equal((0.0, 0.0, 0.0), (quality.Value, quality.Low, quality.High));
    }

    [Fact]
    public void RecoveryChange_NinePersonsWithTwoCheckIns_ShowsOnlyLessThanTen()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var checkIns = Enumerable.Range(0, 9).SelectMany(i =>
        {
            var owner = Guid.NewGuid();
            return new[] { new CheckIn { OwnerId = owner, At = t0, Hope = 1 }, new CheckIn { OwnerId = owner, At = t0.AddDays(1), Hope = 5 } };
        }).Append(new CheckIn { OwnerId = Guid.NewGuid(), At = t0, Hope = 3 }).ToList();

        var r = RecoveryChange.Compute(checkIns, Rules);

        Assert.Equal("< 10", r.Persons.ToString());
        Assert.All(r.Table.Rows.SelectMany(x => x.Values), v => Assert.Equal(FigureKind.Small, v.Kind));
    }

    [Theory]
    [InlineData(9, 2.262)]
    [InlineData(30, 2.042)]
    [InlineData(40, 2.021)]
    [InlineData(60, 2.000)]
    [InlineData(120, 1.980)]
    public void StudentT975_PublishedTable_Matches(int df, double expected) =>
        Assert.Equal(expected, RecoveryChange.StudentT975(df), 3);

    [Fact]
    public void PlanFigures_TwentyPlans_CrisisPlansShownStoriesOfNineNot()
    {
        var plans = Enumerable.Range(0, 20).Select(i => new PersonalPlan
        {
            UserId = Guid.NewGuid(),
            CrisisWhoToCall = i < 12 ? "Mijn zus" : null,
            Story = i < 9 ? "Verhaal" : null,
            ShareStoryAnonymously = i < 9,
        }).ToList();

        var table = PlanFigures.Compute(plans, Rules);

        Assert.Equal(["20", "100%"], table.Rows[0].Values.Select(v => v.ToString()));
        Assert.Equal(["10", "60%"], table.Rows[1].Values.Select(v => v.ToString()));
        Assert.Equal(["< 10", "< 10"], table.Rows[2].Values.Select(v => v.ToString()));
    }
}
