using Gem.Core.Atlas;
using Gem.Core.Diary;
using Gem.Core.FrontDoor;

namespace Gem.Core.Tests.Diary;

/// <summary>From a finding of "jouw week" to front-door answers: wishes from the best category, needs from the least good one.</summary>
public sealed class DiaryOfferFitTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 8, 6, 0, 0, TimeSpan.Zero); // 08:00 in Amsterdam

    private static DiaryMoment M(int good, DiaryCompany company, DiaryPlace place, DiaryActivity activity, int hour = 0, int? down = null, int? anxious = null, bool late = false) => new()
    {
        PlannedAt = Monday.AddHours(hour), ExpiresAt = Monday.AddHours(hour).AddMinutes(15), AnsweredAt = Monday.AddHours(hour).AddMinutes(2), Late = late,
        Cheerful = good, Relaxed = good, Down = down ?? 8 - good, Anxious = anxious ?? 8 - good, Irritated = 8 - good,
        Company = company, Place = place, Activity = activity,
    };

    private static (DiaryFinding Finding, List<DiaryMoment> Moments) Only(string dimension, List<DiaryMoment> moments)
    {
        var figures = DiaryWeek.Compute(moments, Monday.AddDays(7));
        return (Assert.Single(figures.Findings, f => f.Dimension == dimension), moments);
    }

    [Fact]
    public void BestOutsideWithFriends_WorstAloneAtHome_MeetPeersAndMoveOutdoors_LonelinessAndLowMood()
    {
        List<DiaryMoment> moments =
        [
            .. Enumerable.Range(0, 3).Select(i => M(6, DiaryCompany.Friends, DiaryPlace.Outside, DiaryActivity.Moving, i)),
            // Alone at home: feeling down (6), not anxious (3).
            .. Enumerable.Range(3, 3).Select(i => M(3, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Resting, i, down: 6, anxious: 3)),
        ];
        var company = DiaryOfferFits.For(Only(DiaryWeek.Company, moments).Finding, moments);
        Assert.Equal(new DiaryOfferFit(LifeDomains.LonelinessAndContact | LifeDomains.LowMood, Wishes.MeetPeers), company);
        var place = DiaryOfferFits.For(Only(DiaryWeek.Place, moments).Finding, moments);
        Assert.Equal(new DiaryOfferFit(LifeDomains.LowMood, Wishes.MoveOutdoors), place);
        var activity = DiaryOfferFits.For(Only(DiaryWeek.Activity, moments).Finding, moments);
        Assert.Equal(new DiaryOfferFit(LifeDomains.LowMood, Wishes.MoveOutdoors), activity);
    }

    [Fact]
    public void WorstAtWorkAndTense_WorkSchoolDaytimeAndAnxiety_BestWithFamilyMeetsPeers()
    {
        List<DiaryMoment> moments =
        [
            .. Enumerable.Range(0, 3).Select(i => M(6, DiaryCompany.PartnerOrFamily, DiaryPlace.Home, DiaryActivity.Eating, i)),
            .. Enumerable.Range(3, 3).Select(i => M(3, DiaryCompany.Colleagues, DiaryPlace.WorkOrSchool, DiaryActivity.WorkOrStudy, i, down: 3, anxious: 5)),
        ];
        Assert.Equal(new DiaryOfferFit(LifeDomains.WorkSchoolDaytime | LifeDomains.AnxietyAndStress, Wishes.MeetPeers),
            DiaryOfferFits.For(Only(DiaryWeek.Company, moments).Finding, moments));
        Assert.Equal(new DiaryOfferFit(LifeDomains.WorkSchoolDaytime | LifeDomains.AnxietyAndStress, Wishes.Online),
            DiaryOfferFits.For(Only(DiaryWeek.Place, moments).Finding, moments));
        // Eating well, working less well: no wish for eating, the need for work stays.
        Assert.Equal(new DiaryOfferFit(LifeDomains.WorkSchoolDaytime | LifeDomains.AnxietyAndStress, Wishes.None),
            DiaryOfferFits.For(Only(DiaryWeek.Activity, moments).Finding, moments));
    }

    [Fact]
    public void TimeOfDay_UsesWhatWasDoneMostInTheBestPart_AndANeedlessFindingStillGetsTalkToSomeone()
    {
        // Mornings (08:00–10:00 local) moving and feeling good; evenings (20:00–22:00) resting, a little less good but not low.
        List<DiaryMoment> moments =
        [
            .. Enumerable.Range(0, 3).Select(i => M(6, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Moving, i)),
            .. Enumerable.Range(12, 3).Select(i => M(5, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Resting, i)),
        ];
        var (time, _) = Only(DiaryWeek.TimeOfDay, moments);
        Assert.Equal(("Morning", "Evening"), (time.Best.Category, time.Worst.Category));
        Assert.Equal(new DiaryOfferFit(LifeDomains.None, Wishes.MoveOutdoors), DiaryOfferFits.For(time, moments));

        // Resting best, household least good, neither low nor tense: nothing maps, so "talk to someone".
        List<DiaryMoment> calm =
        [
            .. Enumerable.Range(0, 3).Select(i => M(6, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Resting, i)),
            .. Enumerable.Range(3, 3).Select(i => M(5, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Household, i)),
        ];
        Assert.Equal(new DiaryOfferFit(LifeDomains.None, Wishes.TalkToSomeone), DiaryOfferFits.For(Only(DiaryWeek.Activity, calm).Finding, calm));
    }

    [Fact]
    public void LateAnswers_DoNotMakeANeed()
    {
        List<DiaryMoment> moments =
        [
            .. Enumerable.Range(0, 3).Select(i => M(6, DiaryCompany.Friends, DiaryPlace.Outside, DiaryActivity.Moving, i)),
            .. Enumerable.Range(3, 3).Select(i => M(4, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Resting, i, down: 4, anxious: 4)),
            .. Enumerable.Range(6, 3).Select(i => M(1, DiaryCompany.Alone, DiaryPlace.Home, DiaryActivity.Resting, i, down: 7, anxious: 7, late: true)),
        ];
        Assert.Equal(new DiaryOfferFit(LifeDomains.LonelinessAndContact, Wishes.MeetPeers), DiaryOfferFits.For(Only(DiaryWeek.Company, moments).Finding, moments));
    }
}
