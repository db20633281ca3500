namespace Gem.Core.Diary;

/// <summary>
/// What a diary's schedule depends on: the first local day, how many days, the person's own waking window (local
/// wall-clock times, <see cref="WakeFrom"/> before <see cref="WakeUntil"/> on the same day), moments per full day, the
/// minimum gap between two moments and the seed that makes the schedule reproducible.
/// </summary>
public sealed record DiarySchedule(DateOnly FirstDay, int Days, TimeOnly WakeFrom, TimeOnly WakeUntil, int PerDay, TimeSpan MinGap, int Seed)
{
    public const int MaxDays = 14, MaxPerDay = 12;
    public static readonly TimeSpan MinWindow = TimeSpan.FromHours(2);

    /// <summary>The rules for a schedule a person may choose; errors by field, in English (pages show their own words).</summary>
    public IDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Days is < 1 or > MaxDays) errors[nameof(Days)] = [$"Between 1 and {MaxDays} days."];
        if (PerDay is < 1 or > MaxPerDay) errors[nameof(PerDay)] = [$"Between 1 and {MaxPerDay} moments a day."];
        if (WakeUntil.ToTimeSpan() - WakeFrom.ToTimeSpan() < MinWindow) errors[nameof(WakeUntil)] = ["The waking window ends at least two hours after it starts, on the same day."];
        else if (MinGap < TimeSpan.Zero || MinGap.Ticks * PerDay > (WakeUntil.ToTimeSpan() - WakeFrom.ToTimeSpan()).Ticks)
            errors[nameof(MinGap)] = ["The moments with their minimum gap do not fit in the waking window."];
        return errors;
    }
}

/// <summary>One planned moment: the day of the diary (0-based) and the instant, in UTC.</summary>
public readonly record struct PlannedMoment(int Day, DateTimeOffset At);

/// <summary>
/// Plans a diary's random moments (decision 801). Per local day the person's waking window is turned into two UTC
/// instants in Europe/Amsterdam (a wall-clock time that does not exist on the spring change moves to just after it;
/// one that exists twice on the autumn change is the first), so the window is the real time between them, never 23
/// or 25 hours off. The window is cut into as many equal strata as there are moments and one moment is drawn uniformly in
/// each stratum, leaving half the minimum gap free at both ends of every stratum: two neighbours are then always at least
/// the gap apart, and every part of the day is sampled. The first day, started within the window, gets the share of
/// moments that fits the rest of its window (rounded down), in the rest of the window. Each day has its own random stream
/// from (seed, day), so the same settings and seed give the same schedule on any machine, and changing the later
/// days does not move the earlier ones. Pure: no clock, no I/O.
/// </summary>
public static class DiaryScheduler
{
    /// <summary>The least time between starting (or changing) a diary and its first moment.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<PlannedMoment> Plan(DiarySchedule schedule, DateTimeOffset startedAt, TimeZoneInfo? zone = null)
    {
        zone ??= LocalTime.Zone;
        var errors = schedule.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        var moments = new List<PlannedMoment>(schedule.Days * schedule.PerDay);
        var notBefore = startedAt.ToUniversalTime() + Lead;
        for (var day = 0; day < schedule.Days; day++)
        {
            var date = schedule.FirstDay.AddDays(day);
            var from = ToUtc(date, schedule.WakeFrom, zone);
            var until = ToUtc(date, schedule.WakeUntil, zone);
            var full = until - from;
            var count = schedule.PerDay;
            if (notBefore > from)
            {
                if (notBefore >= until) continue;
                // Started halfway: the moments that belong to the rest of the window, never more than fit with the gap.
                count = (int)Math.Floor(schedule.PerDay * ((until - notBefore) / full));
                from = notBefore;
            }
            // Never more than fit with the gap (a window across the spring change is an hour shorter in real time).
            if (schedule.MinGap > TimeSpan.Zero) count = Math.Min(count, (int)((until - from).Ticks / schedule.MinGap.Ticks));
            if (count <= 0) continue;
            Stratify(moments, day, from, until, count, schedule.MinGap, new Random(DaySeed(schedule.Seed, day)));
        }
        return moments;
    }

    private static void Stratify(List<PlannedMoment> into, int day, DateTimeOffset from, DateTimeOffset until, int count, TimeSpan gap, Random random)
    {
        var stratum = (until - from).Ticks / count;
        var half = Math.Min(gap.Ticks / 2, stratum / 2);
        var span = stratum - 2 * half;
        for (var i = 0; i < count; i++)
        {
            var offset = i * stratum + half + (long)(random.NextDouble() * span);
            // Whole seconds: what people see and what the sender compares; rounding down keeps the gap (strata start on whole ticks).
            var at = from.AddTicks(offset);
            at = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (at < from) at = from;
            into.Add(new PlannedMoment(day, at));
        }
    }

    /// <summary>A stable seed per (seed, day) that does not depend on the process (unlike <see cref="HashCode"/>).</summary>
    private static int DaySeed(int seed, int day) => unchecked((int)(((uint)seed * 2654435761u) ^ ((uint)(day + 1) * 40503u)));

    /// <summary>
    /// The UTC instant of a local wall-clock time on a date. A time skipped by the spring change (02:00–03:00) becomes
    /// the first instant after the change; a time that occurs twice in autumn is the first occurrence (summer time).
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk forward to the first valid wall-clock minute; its instant is the change itself.
            var later = local;
            while (zone.IsInvalidTime(later)) later = later.AddMinutes(1);
            return new DateTimeOffset(later, zone.GetUtcOffset(later)).ToUniversalTime();
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
