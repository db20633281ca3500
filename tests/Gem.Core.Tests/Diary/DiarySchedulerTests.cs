using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gem.Core.Diary;

namespace Gem.Core.Tests.Diary;

/// <summary>
/// The diary's schedule as properties over random settings (window, days, moments, gap, seed, start time), with first
/// days drawn often right around the daylight-saving changes in Europe/Amsterdam, and as examples on those days.
/// </summary>
public sealed class DiarySchedulerTests
{
    private static readonly TimeZoneInfo Zone = LocalTime.Zone;

    /// <summary>The clock changes in 2025–2027: last Sunday of March and of October.</summary>
    private static readonly DateOnly[] Changes =
    [
        new(2025, 3, 30), new(2025, 10, 26), new(2026, 3, 29), new(2026, 10, 25), new(2027, 3, 28), new(2027, 10, 31),
    ];

    public sealed record Case(DiarySchedule Schedule, DateTimeOffset StartedAt)
    {
        public override string ToString() => $"{Schedule} started {StartedAt:o}";
    }

    /// <summary>A random case from one number, so a failure prints everything needed to repeat it.</summary>
    private static Case Make(int k)
    {
        var r = new Random(k);
        var first = r.Next(3) == 0 ? new DateOnly(2026, 1, 1).AddDays(r.Next(730)) : Changes[r.Next(Changes.Length)].AddDays(r.Next(-3, 2));
        // Windows that often cross the changes' wall-clock hours (02:00–03:00) too.
        var fromMinutes = r.Next(2) == 0 ? r.Next(0, 4 * 60) : r.Next(6 * 60, 12 * 60);
        var length = r.Next(2 * 60, 24 * 60 - fromMinutes);
        var perDay = r.Next(1, DiarySchedule.MaxPerDay + 1);
        var maxGap = length / perDay;
        var gap = r.Next(0, Math.Min(maxGap, 120) + 1);
        var schedule = new DiarySchedule(first, r.Next(1, 8), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(fromMinutes)),
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(fromMinutes + length)), perDay, TimeSpan.FromMinutes(gap), r.Next());
        // Started the day before, or on the first day at any minute (before, in or after the window).
        var startDay = r.Next(4) == 0 ? first.AddDays(-1) : first;
        var startedAt = DiaryScheduler.ToUtc(startDay, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(r.Next(0, 24 * 60))), Zone);
        return new Case(schedule, startedAt);
    }

    private static Arbitrary<Case> Cases() => Arb.From(Gen.Choose(0, int.MaxValue).Select(Make));

    private static TimeSpan LocalTimeOfDay(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).TimeOfDay;

    [Property(MaxTest = 1000)]
    public Property EveryMoment_LiesInTheWindowOfItsOwnDay() =>
        Prop.ForAll(Cases(), c =>
        {
            var s = c.Schedule;
            return DiaryScheduler.Plan(s, c.StartedAt).All(m =>
            {
                var local = TimeZoneInfo.ConvertTime(m.At, Zone);
                var day = DateOnly.FromDateTime(local.DateTime);
                return m.Day >= 0 && m.Day < s.Days && day == s.FirstDay.AddDays(m.Day)
                       && m.At >= DiaryScheduler.ToUtc(day, s.WakeFrom, Zone) && m.At <= DiaryScheduler.ToUtc(day, s.WakeUntil, Zone)
                       && m.At >= c.StartedAt + DiaryScheduler.Lead;
            }).Label(c.ToString());
        });

    [Property(MaxTest = 1000)]
    public Property Neighbours_AreAtLeastTheGapApart_InRealTime() =>
        Prop.ForAll(Cases(), c =>
        {
            var moments = DiaryScheduler.Plan(c.Schedule, c.StartedAt);
            return moments.Zip(moments.Skip(1)).All(p => p.Second.At - p.First.At >= c.Schedule.MinGap).Label(c.ToString());
        });

    [Property(MaxTest = 1000)]
    public Property FullDays_GetTheirMoments_OnePerStratum() =>
        Prop.ForAll(Cases(), c =>
        {
            var s = c.Schedule;
            var moments = DiaryScheduler.Plan(s, c.StartedAt);
            return Enumerable.Range(0, s.Days).All(d =>
            {
                var date = s.FirstDay.AddDays(d);
                var from = DiaryScheduler.ToUtc(date, s.WakeFrom, Zone);
                var until = DiaryScheduler.ToUtc(date, s.WakeUntil, Zone);
                if (c.StartedAt + DiaryScheduler.Lead > from) return true; // the start day: see the next property
                var mine = moments.Where(m => m.Day == d).Select(m => m.At).ToList();
                var fit = s.MinGap > TimeSpan.Zero ? Math.Min(s.PerDay, (int)((until - from).Ticks / s.MinGap.Ticks)) : s.PerDay;
                if (fit == 0) return mine.Count == 0;
                var stratum = (until - from) / fit;
                // Exactly the moments that fit, the k-th in the k-th equal part of the window.
                return mine.Count == fit && mine.Select((at, k) => at >= from + stratum * k - TimeSpan.FromSeconds(1) && at <= from + stratum * (k + 1)).All(x => x);
            }).Label(c.ToString());
        });

    [Property(MaxTest = 1000)]
    public Property ADayStartedHalfway_GetsItsRemainingShare() =>
        Prop.ForAll(Cases(), c =>
        {
            var s = c.Schedule;
            var notBefore = c.StartedAt + DiaryScheduler.Lead;
            var moments = DiaryScheduler.Plan(s, c.StartedAt);
            return Enumerable.Range(0, s.Days).All(d =>
            {
                var date = s.FirstDay.AddDays(d);
                var from = DiaryScheduler.ToUtc(date, s.WakeFrom, Zone);
                var until = DiaryScheduler.ToUtc(date, s.WakeUntil, Zone);
                if (notBefore <= from) return true;
                var count = moments.Count(m => m.Day == d);
                if (notBefore >= until) return count == 0;
                var share = (int)Math.Floor(s.PerDay * ((until - notBefore) / (until - from)));
                var fit = s.MinGap > TimeSpan.Zero ? (int)((until - notBefore).Ticks / s.MinGap.Ticks) : int.MaxValue;
                return count == Math.Min(share, fit);
            }).Label(c.ToString());
        });

    [Property(MaxTest = 300)]
    public Property SameSeed_SameSchedule_AndOtherSeed_OtherSchedule() =>
        Prop.ForAll(Cases(), c =>
        {
            var a = DiaryScheduler.Plan(c.Schedule, c.StartedAt);
            var b = DiaryScheduler.Plan(c.Schedule with { }, c.StartedAt);
            var other = DiaryScheduler.Plan(c.Schedule with { Seed = c.Schedule.Seed + 1 }, c.StartedAt);
            // A window exactly filled by its moments and gaps leaves nothing to draw: only with slack must the seed matter.
            var slack = c.Schedule.WakeUntil - c.Schedule.WakeFrom - c.Schedule.MinGap * c.Schedule.PerDay;
            return (a.SequenceEqual(b) && (a.Count < 2 || slack < TimeSpan.FromHours(2) || !a.SequenceEqual(other))).Label(c.ToString());
        });

    [Fact]
    public void KnownSeed_GivesTheSameMoments_OnEveryMachine()
    {
        // A regression anchor: System.Random with a seed is stable across .NET versions and platforms.
        var s = new DiarySchedule(new DateOnly(2026, 3, 2), 1, new TimeOnly(8, 30), new TimeOnly(22, 0), 3, TimeSpan.FromMinutes(15), 42);
        var first = DiaryScheduler.Plan(s, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var again = DiaryScheduler.Plan(s, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, first.Count);
        Assert.Equal(first, again);
        Assert.All(first, m => Assert.Equal(0, m.At.Ticks % TimeSpan.TicksPerSecond));
    }

    [Theory]
    [InlineData("2026-03-29")] // spring: 02:00 → 03:00, a 23-hour day
    [InlineData("2026-10-25")] // autumn: 03:00 → 02:00, a 25-hour day
    public void OnTheChangeDays_AWindowOfWholeHours_KeepsItsLocalTimes(string day)
    {
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var s = new DiarySchedule(date, 1, new TimeOnly(8, 30), new TimeOnly(22, 0), 10, TimeSpan.FromMinutes(15), 7);
        var moments = DiaryScheduler.Plan(s, DiaryScheduler.ToUtc(date.AddDays(-1), new TimeOnly(12, 0), Zone));
        Assert.Equal(10, moments.Count);
        Assert.All(moments, m =>
        {
            var t = LocalTimeOfDay(m.At);
            Assert.InRange(t, new TimeSpan(8, 30, 0), new TimeSpan(22, 0, 0));
            Assert.Equal(date, LocalTime.Day(m.At));
        });
        // 13.5 real hours either way: the window is 08:30–22:00 local, after the change.
        Assert.Equal(TimeSpan.FromHours(13.5), DiaryScheduler.ToUtc(date, s.WakeUntil, Zone) - DiaryScheduler.ToUtc(date, s.WakeFrom, Zone));
    }

    [Fact]
    public void WindowAcrossTheSpringGap_IsAnHourShorter_AndStartsAtTheChange()
    {
        var date = new DateOnly(2026, 3, 29);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), DiaryScheduler.ToUtc(date, new TimeOnly(2, 30), Zone));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), DiaryScheduler.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Zone));
        Assert.Equal(TimeSpan.FromHours(4), DiaryScheduler.ToUtc(date, new TimeOnly(6, 0), Zone) - DiaryScheduler.ToUtc(date, new TimeOnly(1, 0), Zone));
    }

    [Fact]
    public void StartedAtThreePm_OfAnEightThirtyToTenWindow_GetsAboutHalfTheMoments()
    {
        var date = new DateOnly(2026, 6, 10);
        var s = new DiarySchedule(date, 5, new TimeOnly(8, 30), new TimeOnly(22, 0), 10, TimeSpan.FromMinutes(15), 1);
        var moments = DiaryScheduler.Plan(s, DiaryScheduler.ToUtc(date, new TimeOnly(15, 0), Zone));
        // 6h55m of 13h30m left after the 5-minute lead: floor(10 × 0.512) = 5 today, then 10 on each of the four other days.
        Assert.Equal(5, moments.Count(m => m.Day == 0));
        Assert.Equal(45, moments.Count);
        Assert.All(moments.Where(m => m.Day == 0), m => Assert.True(LocalTimeOfDay(m.At) >= new TimeSpan(15, 5, 0)));
    }

    [Fact]
    public void AWindowTooSmallForItsMoments_IsRefused_WithTheFieldNamed()
    {
        var s = new DiarySchedule(new DateOnly(2026, 6, 10), 5, new TimeOnly(9, 0), new TimeOnly(11, 0), 10, TimeSpan.FromMinutes(15), 1);
        var e = Assert.Throws<ValidationException>(() => DiaryScheduler.Plan(s, DateTimeOffset.UnixEpoch));
        Assert.Contains("MinGap", e.Errors.Keys);
        Assert.Contains("WakeUntil", new DiarySchedule(new DateOnly(2026, 6, 10), 5, new TimeOnly(9, 0), new TimeOnly(10, 0), 4, TimeSpan.Zero, 1).Validate().Keys);
    }
}
