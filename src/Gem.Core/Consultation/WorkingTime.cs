using Gem.Core.Common;

namespace Gem.Core.Consultation;

/// <summary>
/// The Dutch general public holidays of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Tweede Paasdag,
/// Koningsdag, Bevrijdingsdag (5 May), Hemelvaartsdag, Tweede Pinksterdag and both Christmas days. Easter Sunday
/// and Whit Sunday are Sundays anyway. Koningsdag is 27 April, or 26 April when the 27th is a Sunday (from 2014);
/// before 2014 Koninginnedag was 30 April, or 29 April when that was a Sunday. Pure.
/// </summary>
public static class DutchHolidays
{
    /// <summary>Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static DateOnly KingsDay(int year)
    {
        var day = year >= 2014 ? new DateOnly(year, 4, 27) : new DateOnly(year, 4, 30);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }

    /// <summary>The holidays of one year with their Dutch names, in date order.</summary>
    public static IReadOnlyList<(DateOnly Day, string Name)> Of(int year)
    {
        var easter = EasterSunday(year);
        return new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            (easter.AddDays(1), "Tweede Paasdag"),
            (KingsDay(year), "Koningsdag"),
            (new DateOnly(year, 5, 5), "Bevrijdingsdag"),
            (easter.AddDays(39), "Hemelvaartsdag"),
            (easter.AddDays(50), "Tweede Pinksterdag"),
            (new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            (new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        }.OrderBy(h => h.Item1).ToList();
    }

    public static bool IsHoliday(DateOnly day) => Of(day.Year).Any(h => h.Day == day);
}

/// <summary>
/// Working time in Europe/Amsterdam: Monday to Friday, 09:00 to 17:00 local time, except Dutch public holidays
/// (<see cref="DutchHolidays"/>). A working day is <see cref="HoursPerDay"/> working hours, so "3 working days" is
/// 24 working hours. Daylight-saving changes happen on Sunday nights, so a working day is always 8 real hours;
/// the local times are converted to UTC per day, so the clock stays right across the change. Pure.
/// </summary>
public static class WorkingTime
{
    public const int HoursPerDay = 8;
    public static readonly TimeOnly DayStart = new(9, 0);
    public static readonly TimeOnly DayEnd = new(17, 0);
    public static readonly TimeZoneInfo Amsterdam = LocalTime.Zone;

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchHolidays.IsHoliday(day);

    public static DateOnly LocalDay(DateTimeOffset at) => LocalTime.Day(at);

    /// <summary>The UTC instant of a local time on a local day.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Amsterdam), TimeSpan.Zero);
    }

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var day = LocalDay(from); day <= LocalDay(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = Max(At(day, DayStart), from);
            var end = Min(At(day, DayEnd), to);
            if (end > start) total += end - start;
        }
        return total;
    }

    public static double HoursBetween(DateTimeOffset from, DateTimeOffset to) => Between(from, to).TotalHours;

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has passed after <paramref name="from"/>. Time
    /// outside working hours does not count: asked on Friday at 16:00, one working hour later is Monday 10:00.
    /// A zero amount answers the first working moment at or after <paramref name="from"/>.
    /// </summary>
    public static DateTimeOffset Add(DateTimeOffset from, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var left = amount;
        for (var day = LocalDay(from); ; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = Max(At(day, DayStart), from);
            var end = At(day, DayEnd);
            if (end <= start) continue;
            if (left <= end - start) return start + left;
            left -= end - start;
        }
    }

    public static DateTimeOffset AddWorkingDays(DateTimeOffset from, int days) => Add(from, TimeSpan.FromHours(HoursPerDay * days));

    public static bool IsWorkingMoment(DateTimeOffset at)
    {
        var day = LocalDay(at);
        return IsWorkingDay(day) && at >= At(day, DayStart) && at < At(day, DayEnd);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
