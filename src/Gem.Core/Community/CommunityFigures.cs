using Gem.Core.Common;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Monitor.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Community;

/// <summary>One post as the dashboard counts it: who wrote it (null: partner, specialist or a member who left anonymised), when, why it was held, and the moderation clock.</summary>
public sealed record CommunityPostFact(Guid? MemberId, DateTimeOffset CreatedAt, HoldReason HoldReason, DateTimeOffset? VisibleAt,
    DateTimeOffset? FirstFlagAt, DateTimeOffset? ModeratedAt);

/// <summary>
/// Accountability for the region's eCommunity (issue 20), for /dashboard/community: active members, posts, time from a
/// member's flag to a moderator's action, the share of first posts approved within the moderated hours they were written
/// in (or the next ones), crisis alerts and the time to handle them, and the harms survey (the adverse-event questions of
/// the Mind community study). Every figure through the monitor's disclosure control; hours only from ten cases on. Pure.
/// </summary>
public static class CommunityFigures
{
    /// <param name="Exact">Unprotected values for tests; never shown.</param>
    public sealed record Result(Figure ActiveMembers, Figure Posts, Figure Flagged, Figure FlagMedianHours, Figure FlagP90Hours,
        Figure FirstPostsInHours, Figure CrisisAlerts, Figure CrisisMedianHours, Figure CrisisHandled,
        Figure SurveyAnswers, Figure Harmed, Figure HarmedModeration, Figure HarmedExclusion, Figure HarmedContagion, Figure FeelsSafe, Exact Exact);

    public sealed record Exact(int ActiveMembers, int Posts, int FlaggedActed, double? FlagMedianHours, int FirstPosts, int FirstPostsInHours,
        int CrisisAlerts, int CrisisHandled, double? CrisisMedianHours, int SurveyAnswers, int Harmed, int FeelsSafe);

    public static Result Compute(IReadOnlyCollection<CommunityPostFact> posts, IReadOnlyCollection<HarmsSurveyAnswer> survey,
        CommunityOptions options, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);

        var members = posts.Where(p => p.MemberId is not null).Select(p => p.MemberId).Distinct().Count();
        var flagHours = HoursSorted(posts.Where(p => p.FirstFlagAt is not null && p.ModeratedAt >= p.FirstFlagAt)
            .Select(p => (p.FirstFlagAt!.Value, p.ModeratedAt!.Value)));
        var firstPosts = posts.Where(p => p.HoldReason == HoldReason.FirstPosts).ToList();
        var firstInHours = firstPosts.Count(p => p.VisibleAt is { } v && v <= EndOfModeratedWindow(options, p.CreatedAt));
        var crisis = posts.Where(p => ModerationRules.Alerts(p.HoldReason)).ToList();
        var crisisHours = HoursSorted(crisis.Where(p => p.ModeratedAt >= p.CreatedAt).Select(p => (p.CreatedAt, p.ModeratedAt!.Value)));
        var harmed = survey.Where(a => a.Harmed).ToList();

        Figure Hours(IReadOnlyList<double> sorted, double q) =>
            sorted.Count > 0 && rules.CanPublish(sorted.Count) ? Figure.Plain(Math.Round(Quantile(sorted, q), 1)) : Figure.Small(rules.Rules.MinimumPersons);

        return new Result(
            Figure.Count(members, rules), Figure.Count(posts.Count, rules), Figure.Count(flagHours.Count, rules),
            Hours(flagHours, 0.5), Hours(flagHours, 0.9),
            Figure.Share(firstInHours, firstPosts.Count, rules),
            Figure.Count(crisis.Count, rules), Hours(crisisHours, 0.5), Figure.Share(crisisHours.Count, crisis.Count, rules),
            Figure.Count(survey.Count, rules), Figure.Share(harmed.Count, survey.Count, rules),
            Figure.Share(harmed.Count(a => a.AboutModeration), harmed.Count, rules), Figure.Share(harmed.Count(a => a.Excluded), harmed.Count, rules),
            Figure.Share(harmed.Count(a => a.Contagion), harmed.Count, rules), Figure.Share(survey.Count(a => a.FeelsSafe), survey.Count, rules),
            new Exact(members, posts.Count, flagHours.Count, flagHours.Count > 0 ? Quantile(flagHours, 0.5) : null, firstPosts.Count, firstInHours,
                crisis.Count, crisisHours.Count, crisisHours.Count > 0 ? Quantile(crisisHours, 0.5) : null, survey.Count, harmed.Count,
                survey.Count(a => a.FeelsSafe)));
    }

    /// <summary>
    /// The end of the moderated hours in which a post written at <paramref name="at"/> can first be seen by a moderator:
    /// the same day's end when written before it, otherwise the next day's (Amsterdam time).
    /// </summary>
    public static DateTimeOffset EndOfModeratedWindow(CommunityOptions options, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = TimeZoneInfo.ConvertTime(at, LocalTime.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour >= options.ModeratedToHour) day = day.AddDays(1);
        var end = options.ModeratedToHour >= 24
            ? day.AddDays(1).ToDateTime(TimeOnly.MinValue)
            : day.ToDateTime(new TimeOnly(options.ModeratedToHour, 0));
        return new DateTimeOffset(end, LocalTime.Zone.GetUtcOffset(end)).ToUniversalTime();
    }

    private static List<double> HoursSorted(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans) =>
        [.. spans.Select(s => (s.To - s.From).TotalHours).Order()];

    private static double Quantile(IReadOnlyList<double> sorted, double q) => Gem.Monitor.Statistics.Distributions.SampleQuantile(sorted, q);

    /// <summary>The posts written and the survey answers given in a period.</summary>
    public static async Task<(List<CommunityPostFact> Posts, List<HarmsSurveyAnswer> Survey)> ReadAsync(GemDbContext db, DateTimeOffset start,
        DateTimeOffset end, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var posts = await db.Set<CommunityPost>().AsNoTracking()
            .Where(p => p.CreatedAt >= start && p.CreatedAt < end)
            .Select(p => new CommunityPostFact(p.AuthorMemberId, p.CreatedAt, p.HoldReason, p.VisibleAt, p.FirstFlagAt, p.ModeratedAt))
            .ToListAsync(ct);
        DateOnly from = LocalTime.Day(start), to = LocalTime.Day(end);
        var survey = await db.Set<HarmsSurveyAnswer>().AsNoTracking().Where(a => a.Day >= from && a.Day <= to).ToListAsync(ct);
        return (posts, survey);
    }
}
