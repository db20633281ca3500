using Gem.Core.Community;

namespace Gem.Core.Tests.Community;

public sealed class ModerationRulesTests
{
    private static readonly CommunityOptions Options = new();
    private static readonly CommunitySpace Theme = new() { Slug = "t", Title = "t", Kind = SpaceKind.Theme };
    private static readonly CommunitySpace Youth = new() { Slug = "j", Title = "j", Kind = SpaceKind.Theme, IsYouth = true };
    private static CommunityMember Member(int approved, bool preModerated = false) => new() { Handle = "h", ApprovedPosts = approved, PreModerated = preModerated };

    /// <summary>Noon and 03:00 in Amsterdam on a winter day (UTC+1).</summary>
    private static readonly DateTimeOffset Noon = new(2026, 1, 15, 11, 0, 0, TimeSpan.Zero), Night = new(2026, 1, 15, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, HoldReason.FirstPosts)]
    [InlineData(2, HoldReason.FirstPosts)]
    [InlineData(3, HoldReason.None)]
    public void Hold_FirstPosts_WaitUntilThreeApproved(int approved, HoldReason expected) =>
        Assert.Equal(expected, ModerationRules.Hold(Options, Theme, AuthorKind.Member, Member(approved), "Hallo allemaal"));

    [Fact]
    public void Hold_FirstPosts_FollowsConfiguration() =>
        Assert.Equal(HoldReason.None, ModerationRules.Hold(new CommunityOptions { FirstPostsApproval = 0 }, Theme, AuthorKind.Member, Member(0), "Hallo"));

    [Fact]
    public void Hold_Youth_AlwaysWaits() => Assert.Equal(HoldReason.Youth, ModerationRules.Hold(Options, Youth, AuthorKind.Member, Member(100), "Hallo"));

    [Fact]
    public void Hold_CrisisPhrase_BeforeEverything()
    {
        Assert.Equal(HoldReason.Crisis, ModerationRules.Hold(Options, Theme, AuthorKind.Member, Member(100), "Ik wil niet meer leven."));
        Assert.Equal(HoldReason.Crisis, ModerationRules.Hold(Options, Theme, AuthorKind.Partner, null, "ZELFMOORD"));
    }

    [Fact]
    public void Hold_GraphicMethod_HeldBack() =>
        Assert.Equal(HoldReason.Method, ModerationRules.Hold(Options, Theme, AuthorKind.Member, Member(100), "Hoeveel pillen van dat soort heb je nodig?"));

    [Fact]
    public void Hold_PartnerAnswer_NoFirstPostRule() => Assert.Equal(HoldReason.None, ModerationRules.Hold(Options, Theme, AuthorKind.Partner, null, "Welkom, bel ons gerust."));

    [Fact]
    public void Hold_PreModeratedMember_Waits() => Assert.Equal(HoldReason.MemberFlags, ModerationRules.Hold(Options, Theme, AuthorKind.Member, Member(100, true), "Hallo"));

    [Fact]
    public void IsModerated_DayAndNight()
    {
        Assert.True(ModerationRules.IsModerated(Options, Noon));
        Assert.False(ModerationRules.IsModerated(Options, Night));
        // 23:30 Amsterdam is moderated until midnight.
        Assert.True(ModerationRules.IsModerated(Options, new DateTimeOffset(2026, 1, 15, 22, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2, false, false)]
    [InlineData(3, false, true)]
    [InlineData(3, true, false)]
    [InlineData(9, true, false)]
    public void FlagsHide_ThresholdOutsideModeratedHoursOnly(int flags, bool day, bool hides) =>
        Assert.Equal(hides, ModerationRules.FlagsHide(Options, flags, day ? Noon : Night));

    [Fact]
    public void FlagsPreModerateMember_FiveOutsideHours()
    {
        Assert.False(ModerationRules.FlagsPreModerateMember(Options, 4, Night));
        Assert.True(ModerationRules.FlagsPreModerateMember(Options, 5, Night));
        Assert.False(ModerationRules.FlagsPreModerateMember(Options, 5, Noon));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Suspends_ThirdStrike(int strikes, bool suspends) => Assert.Equal(suspends, ModerationRules.Suspends(Options, strikes));

    [Fact]
    public void GraphicMethods_WholeWordsOnly()
    {
        Assert.NotNull(GraphicMethods.MatchingPhrase("welke dodelijke dosis"));
        Assert.Null(GraphicMethods.MatchingPhrase("Ik voel me vandaag wat beter, de wandeling hielp."));
    }
}
