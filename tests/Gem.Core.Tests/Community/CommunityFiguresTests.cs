using Gem.Core.Community;
using Gem.Core.Dashboard;
using Gem.Monitor.Disclosure;

namespace Gem.Core.Tests.Community;

/// <summary>The eCommunity's accountability figures (issue 20): moderation clocks, first posts, crisis handling, the harms survey, small numbers hidden.</summary>
public sealed class CommunityFiguresTests
{
    private static readonly CommunityOptions Options = new(); // moderated 08:00–24:00 Amsterdam

    // 2026-03-10 is a winter day: Amsterdam is UTC+1.
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public void EndOfModeratedWindow_BeforeTheEnd_SameDay_AfterIt_NextDay_AcrossSummerTime()
    {
        Assert.Equal(Local(11, 0), CommunityFigures.EndOfModeratedWindow(Options, Local(10, 3)));   // night: that day's 08–24
        Assert.Equal(Local(11, 0), CommunityFigures.EndOfModeratedWindow(Options, Local(10, 23, 59)));
        var evening = new CommunityOptions { ModeratedFromHour = 9, ModeratedToHour = 17 };
        Assert.Equal(Local(10, 17), CommunityFigures.EndOfModeratedWindow(evening, Local(10, 16)));
        Assert.Equal(Local(11, 17), CommunityFigures.EndOfModeratedWindow(evening, Local(10, 17)));
        // 2026-03-29 02:00 the clocks go forward: the end of that day's 09–17 is 17:00 summer time (UTC+2).
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 17, 0, 0, TimeSpan.FromHours(2)), CommunityFigures.EndOfModeratedWindow(evening, Local(29, 1)));
    }

    [Fact]
    public void Compute_CountsTheClocksAndShares_FromTenCasesOn()
    {
        var posts = new List<CommunityPostFact>();
        var members = Enumerable.Range(0, 12).Select(_ => (Guid?)Guid.NewGuid()).ToList();
        // 12 flagged posts, acted on after 1..12 hours.
        for (int i = 0; i < 12; i++) posts.Add(new(members[i], Local(10, 9), HoldReason.None, Local(10, 9), Local(10, 10), Local(10, 10).AddHours(i + 1)));
        // 20 first posts written at 23:00: 14 approved before midnight, 6 the next morning.
        for (int i = 0; i < 20; i++) posts.Add(new(members[i % 12], Local(12, 23), HoldReason.FirstPosts, i < 14 ? Local(12, 23, 30) : Local(13, 9), null, null));
        // 11 crisis holds: 10 handled after 2 hours, 1 not yet.
        for (int i = 0; i < 11; i++) posts.Add(new(members[i], Local(14, 12), HoldReason.Crisis, null, null, i < 10 ? Local(14, 14) : null));
        // A partner post: counted as a post, not as a member.
        posts.Add(new(null, Local(15, 12), HoldReason.None, Local(15, 12), null, null));
        var survey = new List<HarmsSurveyAnswer>();
        for (int i = 0; i < 40; i++)
            survey.Add(new HarmsSurveyAnswer { Harmed = i < 20, AboutModeration = i < 10, Excluded = i < 5, Contagion = i is >= 5 and < 15, FeelsSafe = i >= 4 });

        var r = CommunityFigures.Compute(posts, survey, Options, new DisclosureControl());

        Assert.Equal(12, r.Exact.ActiveMembers);
        Assert.Equal(44, r.Exact.Posts);
        Assert.Equal(12, r.Exact.FlaggedActed);
        Assert.Equal(6.5, r.Exact.FlagMedianHours);
        Assert.Equal(6.5, r.FlagMedianHours.Value);
        Assert.Equal((20, 14), (r.Exact.FirstPosts, r.Exact.FirstPostsInHours));
        Assert.Equal((11, 10), (r.Exact.CrisisAlerts, r.Exact.CrisisHandled));
        Assert.Equal(2.0, r.Exact.CrisisMedianHours);
        Assert.Equal(FigureKind.Share, r.FirstPostsInHours.Kind);
        Assert.Equal(0.7, r.FirstPostsInHours.Value, 3);
        Assert.Equal(0.5, r.Harmed.Value, 3);
        Assert.Equal(0.5, r.HarmedModeration.Value, 3); // of the 20 harmed
        Assert.Equal(FigureKind.Small, r.HarmedExclusion.Kind); // 5 of 20: too few to show
        Assert.Equal(0.9, r.FeelsSafe.Value, 3);
    }

    [Fact]
    public void Compute_FewerThanTen_ShowsNothing()
    {
        var member = Guid.NewGuid();
        var posts = Enumerable.Range(0, 9).Select(i => new CommunityPostFact(member, Local(10, 9), HoldReason.Crisis, null, Local(10, 9), Local(10, 11))).ToList();
        var r = CommunityFigures.Compute(posts, [new HarmsSurveyAnswer { Harmed = true }], Options, new DisclosureControl());
        Assert.All(new[] { r.ActiveMembers, r.Posts, r.Flagged, r.FlagMedianHours, r.FlagP90Hours, r.CrisisAlerts, r.CrisisMedianHours, r.CrisisHandled,
            r.SurveyAnswers, r.Harmed, r.FeelsSafe, r.FirstPostsInHours }, f => Assert.False(f.IsPublished));
    }
}
