using Gem.Core.Diary;

namespace Gem.Core.Tests.Diary;

/// <summary>"Jouw week": the score, the t-interval against hand-computed values, the three-moment rule, late and test moments left out.</summary>
public sealed class DiaryWeekTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 8, 8, 0, 0, TimeSpan.Zero);

    private static DiaryMoment Answered(int good, DiaryCompany company, int hour, bool late = false, bool test = false) => new()
    {
        PlannedAt = Monday.AddHours(hour), ExpiresAt = Monday.AddHours(hour).AddMinutes(15), SentAt = Monday.AddHours(hour), AnsweredAt = Monday.AddHours(hour).AddMinutes(2),
        Late = late, IsTest = test, Cheerful = good, Relaxed = good, Down = 8 - good, Anxious = 8 - good, Irritated = 8 - good,
        Company = company, Place = DiaryPlace.Home, Activity = DiaryActivity.Resting,
    };

    [Fact]
    public void Score_IsTheMeanOfTheFiveSliders_WithTheNegativeOnesReversed()
    {
        var m = new DiaryMoment { Cheerful = 7, Relaxed = 5, Down = 1, Anxious = 3, Irritated = 2 };
        Assert.Equal((7 + 5 + 7 + 5 + 6) / 5.0, DiaryWeek.Score(m));
    }

    [Fact]
    public void Interval_OfFourFiveSix_IsTheStudentTInterval()
    {
        // Mean 5, sd 1, n 3: 5 ± 4.303 × 1/√3 = 5 ± 2.484 (R: t.test(c(4,5,6))$conf.int = 2.515, 7.484), clipped to 7.
        var c = DiaryWeek.Interval("x", [4, 5, 6]);
        Assert.Equal(5, c.Mean, 9);
        Assert.Equal(2.5156, c.Low, 3);
        Assert.Equal(7, c.High);
    }

    [Fact]
    public void OnlyCategoriesWithThreeMomentsInTime_AndOneFindingPerContext()
    {
        var moments = new List<DiaryMoment>
        {
            Answered(7, DiaryCompany.Friends, 1), Answered(6, DiaryCompany.Friends, 2), Answered(6, DiaryCompany.Friends, 3),
            Answered(2, DiaryCompany.Alone, 4), Answered(3, DiaryCompany.Alone, 5), Answered(3, DiaryCompany.Alone, 10),
            Answered(5, DiaryCompany.Colleagues, 6), Answered(5, DiaryCompany.Colleagues, 7),
            Answered(1, DiaryCompany.Colleagues, 8, late: true), Answered(1, DiaryCompany.Colleagues, 9, test: true),
        };
        var week = DiaryWeek.Compute(moments, Monday.AddDays(1));
        var company = week.ByDimension[DiaryWeek.Company];
        Assert.Equal(["Friends", "Alone"], company.Select(c => c.Category));
        var finding = Assert.Single(week.Findings, f => f.Dimension == DiaryWeek.Company);
        Assert.Equal(("Friends", "Alone"), (finding.Best.Category, finding.Worst.Category));
        Assert.Empty(week.ByDimension[DiaryWeek.Place].Skip(1)); // all at home: one category, no finding
        Assert.DoesNotContain(week.Findings, f => f.Dimension == DiaryWeek.Place);
        Assert.Equal((9, 9, 1), (week.Planned, week.Answered, week.Late));
    }
}
