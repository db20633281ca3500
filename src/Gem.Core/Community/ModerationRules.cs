using Gem.Core.FrontDoor;

namespace Gem.Core.Community;

/// <summary>
/// The community's moderation rules as plain functions (decision 902), used by <see cref="CommunityService"/> and
/// <see cref="Moderation"/> and tested on their own: which posts wait, when flags hide, when strikes suspend, and
/// whether a moment is inside the moderated hours.
/// </summary>
public static class ModerationRules
{
    /// <summary>
    /// Why a new post must wait, or <see cref="HoldReason.None"/>. In order of weight: a crisis phrase (the front door's
    /// <see cref="CrisisSignals"/>), a graphic method, a youth space, a member whose posts are pre-moderated, a member's
    /// first posts. Crisis and method checks apply to every writer, partner staff included.
    /// </summary>
    public static HoldReason Hold(CommunityOptions options, CommunitySpace space, AuthorKind author, CommunityMember? member, string text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(space);
        if (CrisisSignals.MatchingPhrase(text) is not null) return HoldReason.Crisis;
        if (GraphicMethods.MatchingPhrase(text) is not null) return HoldReason.Method;
        if (author != AuthorKind.Member) return HoldReason.None;
        if (space.IsYouth) return HoldReason.Youth;
        if (member is { PreModerated: true }) return HoldReason.MemberFlags;
        if (member is null || member.ApprovedPosts < options.FirstPostsApproval) return HoldReason.FirstPosts;
        return HoldReason.None;
    }

    /// <summary>Inside the moderated hours (local time), moderators look at flags themselves; outside, flags can hide.</summary>
    public static bool IsModerated(CommunityOptions options, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = TimeZoneInfo.ConvertTime(at, LocalTime.Zone);
        return local.Hour >= options.ModeratedFromHour && local.Hour < options.ModeratedToHour;
    }

    /// <summary>A visible post is hidden automatically when this many different members flagged it, outside moderated hours only.</summary>
    public static bool FlagsHide(CommunityOptions options, int distinctFlags, DateTimeOffset at) =>
        distinctFlags >= options.FlagThreshold && !IsModerated(options, at);

    /// <summary>A member's new posts wait when this many different members flagged different posts of theirs, outside moderated hours.</summary>
    public static bool FlagsPreModerateMember(CommunityOptions options, int distinctFlaggersOnDistinctPosts, DateTimeOffset at) =>
        distinctFlaggersOnDistinctPosts >= options.MemberFlagThreshold && !IsModerated(options, at);

    /// <summary>The third strike suspends.</summary>
    public static bool Suspends(CommunityOptions options, int strikes) => strikes >= options.StrikesToSuspend;

    /// <summary>Which hold reasons alert the moderator on duty at once (by mail through the outbox).</summary>
    public static bool Alerts(HoldReason reason) => reason is HoldReason.Crisis or HoldReason.Method;
}

/// <summary>
/// Recognises a graphic description of a method of self-harm or suicide (amounts, means, how-to), which the
/// community holds back whatever else the post says (Mind Side by Side hides methods; Samaritans' media guidance).
/// The list errs on the side of holding: a moderator lets a false alarm through in minutes.
/// </summary>
public static class GraphicMethods
{
    /// <summary>Lower-case, accent-free phrases, matched as <see cref="CrisisSignals.MatchingPhrase"/> does.</summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        "hoeveel pillen", "hoeveel tabletten", "welke pillen", "welke medicijnen om", "dodelijke dosis", "dodelijke hoeveelheid",
        "milligram", "overdosis van", "strop", "ophangen aan", "scheermes", "mesje", "diep snijden", "dieper snijden",
        "polsen doorsnijden", "slagader", "van het dak springen", "van de flat springen", "voor de trein springen", "spoor lopen",
        "koolmonoxide", "uitlaatgassen", "vergif", "gif innemen",
        "how many pills", "lethal dose", "razor blade", "how to cut",
    ];

    public static string? MatchingPhrase(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = " " + CrisisSignals.Normalise(text) + " ";
        return Phrases.FirstOrDefault(p => normal.Contains(" " + CrisisSignals.Normalise(p), StringComparison.Ordinal));
    }
}
