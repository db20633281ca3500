namespace Gem.Core.Diary;

/// <summary>The mean "good feeling" of one category (e.g. "with friends"), its number of moments and a 95% interval.</summary>
public sealed record MoodByCategory(string Category, int Count, double Mean, double Low, double High);

/// <summary>One finding for one context (with whom, where, doing what, time of day): best and least good category.</summary>
public sealed record DiaryFinding(string Dimension, MoodByCategory Best, MoodByCategory Worst);

/// <summary>Where the time went: share of answered moments per activity.</summary>
public sealed record TimeShare(DiaryActivity Activity, int Count, double Share);

public sealed record DiaryWeekFigures(
    int Planned, int Answered, int Late, int Skipped, int Missed,
    IReadOnlyDictionary<string, IReadOnlyList<MoodByCategory>> ByDimension,
    IReadOnlyList<DiaryFinding> Findings,
    IReadOnlyList<TimeShare> TimeSpent,
    IReadOnlyList<DiaryMoment> Moments);

/// <summary>
/// "Jouw week" (decision 802): one "good feeling" score per answered moment — the mean of opgewekt, ontspannen and the
/// reverse of somber, onrustig and geïrriteerd, on the sliders' 1–7 scale — summarised per context. Only moments answered
/// in time count (late answers are kept and listed, not used for momentary figures); test prompts never count. A category
/// is shown only with at least <see cref="MinMoments"/> moments, with a 95% t-interval around its mean. Pure: no I/O.
/// </summary>
public static class DiaryWeek
{
    public const int MinMoments = 3;
    public const string Company = "company", Place = "place", Activity = "activity", TimeOfDay = "time";

    /// <summary>Whether the moment has all five sliders (a study's moment may ask fewer, decision 804): only then does it have a score.</summary>
    public static bool HasScore(DiaryMoment m) => m.Cheerful is not null && m.Relaxed is not null && m.Down is not null && m.Anxious is not null && m.Irritated is not null;

    public static double Score(DiaryMoment m) =>
        (m.Cheerful!.Value + m.Relaxed!.Value + (8 - m.Down!.Value) + (8 - m.Anxious!.Value) + (8 - m.Irritated!.Value)) / 5.0;

    /// <summary>Morning (before 12:00), afternoon (12–18), evening (from 18:00), in local time.</summary>
    public static string PartOfDay(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, LocalTime.Zone).Hour switch
    {
        < 12 => "Morning",
        < 18 => "Afternoon",
        _ => "Evening",
    };

    public static DiaryWeekFigures Compute(IReadOnlyList<DiaryMoment> all, DateTimeOffset now)
    {
        var moments = all.Where(m => !m.IsTest).ToList();
        var inTime = moments.Where(m => m.AnsweredAt is not null && !m.Late && HasScore(m)).ToList();
        var byDimension = new Dictionary<string, IReadOnlyList<MoodByCategory>>
        {
            [Company] = Summarise(inTime, m => m.Company?.ToString()),
            [Place] = Summarise(inTime, m => m.Place?.ToString()),
            [Activity] = Summarise(inTime, m => m.Activity?.ToString()),
            [TimeOfDay] = Summarise(inTime, m => PartOfDay(m.PlannedAt)),
        };
        var findings = byDimension.Where(d => d.Value.Count >= 2)
            .Select(d => new DiaryFinding(d.Key, d.Value.MaxBy(c => c.Mean)!, d.Value.MinBy(c => c.Mean)!))
            .Where(f => f.Best.Mean > f.Worst.Mean).ToList();
        var answered = moments.Where(m => m.AnsweredAt is not null).ToList();
        var time = answered.Where(m => m.Activity is not null).GroupBy(m => m.Activity!.Value)
            .Select(g => new TimeShare(g.Key, g.Count(), (double)g.Count() / answered.Count)).OrderByDescending(t => t.Count).ToList();
        return new DiaryWeekFigures(
            moments.Count(m => m.PlannedAt <= now), answered.Count, answered.Count(m => m.Late), moments.Count(m => m.SkippedAt is not null),
            moments.Count(m => m.ExpiresAt <= now && m.AnsweredAt is null && m.SkippedAt is null),
            byDimension, findings, time, moments.OrderBy(m => m.PlannedAt).ToList());
    }

    private static List<MoodByCategory> Summarise(List<DiaryMoment> moments, Func<DiaryMoment, string?> category) =>
        moments.Where(m => category(m) is not null).GroupBy(m => category(m)!)
            .Where(g => g.Count() >= MinMoments)
            .Select(g => Interval(g.Key, g.Select(Score).ToList()))
            .OrderByDescending(c => c.Mean).ToList();

    /// <summary>Mean with a 95% t-interval (n−1 degrees of freedom), clipped to the 1–7 scale.</summary>
    public static MoodByCategory Interval(string category, IReadOnlyList<double> scores)
    {
        var n = scores.Count;
        var mean = scores.Average();
        var sd = n > 1 ? Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / (n - 1)) : 0;
        var half = T975(n - 1) * sd / Math.Sqrt(n);
        return new MoodByCategory(category, n, mean, Math.Max(1, mean - half), Math.Min(7, mean + half));
    }

    /// <summary>The 97.5% quantile of Student's t for df degrees of freedom (table to 30, then the normal's 1.96 side by side with 40/60/120).</summary>
    public static double T975(int df) => df switch
    {
        <= 0 => double.NaN,
        1 => 12.706, 2 => 4.303, 3 => 3.182, 4 => 2.776, 5 => 2.571, 6 => 2.447, 7 => 2.365, 8 => 2.306, 9 => 2.262, 10 => 2.228,
        11 => 2.201, 12 => 2.179, 13 => 2.160, 14 => 2.145, 15 => 2.131, 16 => 2.120, 17 => 2.110, 18 => 2.101, 19 => 2.093, 20 => 2.086,
        21 => 2.080, 22 => 2.074, 23 => 2.069, 24 => 2.064, 25 => 2.060, 26 => 2.056, 27 => 2.052, 28 => 2.048, 29 => 2.045, 30 => 2.042,
        <= 40 => 2.021, <= 60 => 2.000, <= 120 => 1.980, _ => 1.960,
    };
}
