using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gem.Core.Consultation;

namespace Gem.Core.Tests.Consultation;

/// <summary>The working-day clock: published holiday dates, weekends, holidays and the daylight-saving change, as examples and as properties.</summary>
public sealed class WorkingTimeTests
{
    private static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => WorkingTime.At(new DateOnly(y, m, d), new TimeOnly(h, min));

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_MatchesPublishedDates(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DutchHolidays.EasterSunday(year));

    [Theory]
    [InlineData(2025, "2025-04-26")] // 27 April 2025 is a Sunday: Koningsdag on Saturday the 26th
    [InlineData(2026, "2026-04-27")]
    [InlineData(2014, "2014-04-26")]
    [InlineData(2013, "2013-04-30")] // Koninginnedag
    [InlineData(2006, "2006-04-29")] // 30 April 2006 was a Sunday
    public void KingsDay_FollowsTheSundayRule(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DutchHolidays.KingsDay(year));

    [Fact]
    public void Holidays2026_AreTheTermijnenwetDays()
    {
        var days = DutchHolidays.Of(2026).Select(h => h.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["2026-01-01", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"], days);
    }

    [Fact]
    public void Add_FridayAfternoon_ContinuesOnMonday()
    {
        // Friday 2026-03-27 16:00, 3 working days: 1 h Friday, 8 h Mon 30, 8 h Tue 31, 7 h Wed 1 April → 16:00 (after the DST change of 29 March).
        var due = WorkingTime.AddWorkingDays(Local(2026, 3, 27, 16), 3);
        Assert.Equal(Local(2026, 4, 1, 16), due);
        Assert.Equal(TimeSpan.FromHours(14), due.UtcDateTime.TimeOfDay); // CEST: 16:00 local is 14:00 UTC
    }

    [Fact]
    public void Add_OverEaster_SkipsGoodFridayWeekendAndEasterMonday()
    {
        // Thursday 2 April 2026 15:00 + 1 working day: 2 h Thursday, Friday 3 April is a working day (not in the Termijnenwet) → Fri 15:00.
        Assert.Equal(Local(2026, 4, 3, 15), WorkingTime.AddWorkingDays(Local(2026, 4, 2, 15), 1));
        // Friday 3 April 15:00 + 1 working day: 2 h Friday, weekend, Easter Monday 6 April → Tuesday 7 April 15:00.
        Assert.Equal(Local(2026, 4, 7, 15), WorkingTime.AddWorkingDays(Local(2026, 4, 3, 15), 1));
    }

    [Fact]
    public void Add_OutsideOfficeHours_StartsAtTheNextWorkingMorning()
    {
        Assert.Equal(Local(2026, 4, 28, 10), WorkingTime.Add(Local(2026, 4, 26, 22), TimeSpan.FromHours(1))); // Sunday night; Monday 27 is Koningsdag
        Assert.Equal(Local(2026, 12, 28, 9), WorkingTime.Add(Local(2026, 12, 24, 17, 30), TimeSpan.Zero));
    }

    [Fact]
    public void Between_OverTheAutumnDstChange_CountsOnlyOfficeHours()
    {
        // Friday 23 October 2026 12:00 to Monday 26 October 12:00 (clocks went back on the 25th): 5 h + 3 h.
        Assert.Equal(TimeSpan.FromHours(8), WorkingTime.Between(Local(2026, 10, 23, 12), Local(2026, 10, 26, 12)));
    }

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Any instant in 2024–2031, to the minute (so every DST change, Easter and Koningsdag of those years is covered).</summary>
    private static Arbitrary<DateTimeOffset> Instants() => Arb.From(Gen.Choose(0, 8 * 366 * 24 * 60).Select(m => Epoch.AddMinutes(m)));

    private static Arbitrary<int> Minutes() => Arb.From(Gen.Choose(0, 15 * 8 * 60));

    [Property(MaxTest = 500)]
    public Property Add_ThenBetween_GivesTheAmountBack() =>
        Prop.ForAll(Instants(), Minutes(), (from, minutes) =>
        {
            var amount = TimeSpan.FromMinutes(minutes);
            return (WorkingTime.Between(from, WorkingTime.Add(from, amount)) == amount).Label($"{from:o} + {minutes} min");
        });

    [Property(MaxTest = 500)]
    public Property Add_LandsInWorkingTime_OnAWorkingDay() =>
        Prop.ForAll(Instants(), Arb.From(Gen.Choose(1, 15 * 8 * 60)), (from, minutes) =>
        {
            var due = WorkingTime.Add(from, TimeSpan.FromMinutes(minutes));
            var day = WorkingTime.LocalDay(due);
            var local = TimeZoneInfo.ConvertTime(due, WorkingTime.Amsterdam).TimeOfDay;
            return (WorkingTime.IsWorkingDay(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchHolidays.IsHoliday(day)
                    && local > new TimeSpan(9, 0, 0) && local <= new TimeSpan(17, 0, 0)).Label($"{from:o} + {minutes} min = {due:o}");
        });

    [Property(MaxTest = 500)]
    public Property Between_IsMonotonicAndAdditive() =>
        Prop.ForAll(Instants(), Minutes(), Minutes(), (a, x, y) =>
        {
            var b = a.AddMinutes(x * 3);
            var c = b.AddMinutes(y * 3);
            var ab = WorkingTime.Between(a, b);
            var bc = WorkingTime.Between(b, c);
            return (ab + bc == WorkingTime.Between(a, c) && ab <= b - a && ab >= TimeSpan.Zero).Label($"{a:o} {b:o} {c:o}");
        });

    [Property(MaxTest = 300)]
    public Property WeekendsAndHolidays_CountForNothing() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 8 * 366)), offset =>
        {
            var day = DateOnly.FromDateTime(Epoch.UtcDateTime).AddDays(offset);
            var hours = WorkingTime.Between(WorkingTime.At(day, TimeOnly.MinValue), WorkingTime.At(day.AddDays(1), TimeOnly.MinValue));
            var off = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || DutchHolidays.IsHoliday(day);
            // A working day is always 8 real hours, even on the (Sunday) days the clocks change.
            return (off ? hours == TimeSpan.Zero : hours == TimeSpan.FromHours(8)).Label(day.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        });

    [Property(MaxTest = 300)]
    public Property DueTime_IsAtLeastTheUrgencysWorkingDays() =>
        Prop.ForAll(Instants(), Arb.From(Gen.Elements(Urgency.Soon, Urgency.Normal, Urgency.Calm)), (asked, urgency) =>
        {
            var days = ConsultationService.WorkingDays(urgency);
            var due = WorkingTime.AddWorkingDays(asked, days);
            // Whole calendar days pass at least as many as the working days (a 16:00 question with 1 day is due the next working day at 16:00).
            return (WorkingTime.HoursBetween(asked, due) == days * 8 && (due - asked).TotalDays >= days - 1).Label($"{asked:o} {urgency}");
        });
}
