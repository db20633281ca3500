using Gem.Core.Atlas;
using System.Globalization;

namespace Gem.Core.Demo;

/// <summary>
/// Where and when one partner runs an offer, written as one short line:
/// <c>"zandloper di 19:30-21:30"</c> (at the partner's own address),
/// <c>"zandloper@3847 ma,wo,vr 10:00-12:00"</c> (elsewhere in the region) or
/// <c>"zandloper@online do 20:00-21:00"</c>. See <see cref="DemoSchedule"/> for the schedule part.
/// </summary>
internal sealed record DemoHost(string PartnerKey, string? Pc4, bool IsOnline, DemoSchedule? Schedule)
{
    public static DemoHost Parse(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) throw new FormatException($"Demo host '{line}' needs a partner and a schedule.");
        var who = line[..space];
        var schedule = DemoSchedule.Parse(line[(space + 1)..]);
        var at = who.IndexOf('@', StringComparison.Ordinal);
        if (at < 0) return new DemoHost(who, null, false, schedule);
        var where = who[(at + 1)..];
        return where == "online"
            ? new DemoHost(who[..at], null, true, schedule)
            : new DemoHost(who[..at], where, false, schedule);
    }
}

/// <summary>
/// A weekly rhythm in Dutch local time, written as <c>"days HH:mm-HH:mm [options]"</c>:
/// days are <c>ma di wo do vr za zo</c> joined by commas, or <c>dagelijks</c>;
/// <c>/2</c> means every other week; <c>x8</c> means a course of 8 weekly meetings (a new cohort starts
/// every 10 weeks: 8 meetings and a 2-week break); <c>per60</c> cuts the time into 60-minute slots
/// (individual appointments). <c>altijd</c> means always reachable, without sessions (a helpline).
/// An end before the start means the session runs past midnight. Groups skip Dutch public holidays;
/// daily services do not.
/// </summary>
internal sealed record DemoSchedule(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, int EveryWeeks, int? Meetings, int? SlotMinutes)
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.Ordinal)
    {
        ["ma"] = DayOfWeek.Monday, ["di"] = DayOfWeek.Tuesday, ["wo"] = DayOfWeek.Wednesday, ["do"] = DayOfWeek.Thursday,
        ["vr"] = DayOfWeek.Friday, ["za"] = DayOfWeek.Saturday, ["zo"] = DayOfWeek.Sunday,
    };

    /// <summary>Weeks are counted from this Monday, so "every other week" and cohorts follow the calendar, not the day the demo is built.</summary>
    private static readonly DateOnly FirstMonday = new(2000, 1, 3);

    /// <summary>Null for <c>altijd</c>.</summary>
    public static DemoSchedule? Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["altijd"]) return null;
        if (parts.Length < 2) throw new FormatException($"Demo schedule '{text}' needs days and times.");

        var days = parts[0] == "dagelijks"
            ? Enum.GetValues<DayOfWeek>()
            : parts[0].Split(',').Select(d => DayNames.TryGetValue(d, out var day) ? day : throw new FormatException($"Unknown day '{d}' in '{text}'.")).ToArray();
        var times = parts[1].Split('-');
        if (times.Length != 2) throw new FormatException($"Demo schedule '{text}' needs a time range like 19:30-21:30.");

        int every = 1;
        int? meetings = null, slot = null;
        foreach (var option in parts.Skip(2))
        {
            if (option == "/2") every = 2;
            else if (option.StartsWith('x')) meetings = int.Parse(option[1..], CultureInfo.InvariantCulture);
            else if (option.StartsWith("per", StringComparison.Ordinal)) slot = int.Parse(option[3..], CultureInfo.InvariantCulture);
            else throw new FormatException($"Unknown option '{option}' in demo schedule '{text}'.");
        }
        var (start, end) = (Time(times[0]), Time(times[1]));
        if (start == end) throw new FormatException($"Demo schedule '{text}' starts and ends at the same time.");
        return new DemoSchedule(days, start, end, every, meetings, slot);
    }

    /// <summary>The sessions that start at or after <paramref name="now"/> and end within <paramref name="horizon"/>, in UTC.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End, bool CohortStart)> Occurrences(DateTimeOffset now, TimeSpan horizon, TimeZoneInfo zone, Guid offerId)
    {
        var until = now + horizon;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var period = Meetings is { } m ? m + 2 : EveryWeeks;
        var phase = DemoHash.Below(period, "phase", offerId.ToString("N"));
        var length = End - Start; // TimeOnly subtraction wraps around midnight

        for (var date = today; date <= DateOnly.FromDateTime(until.UtcDateTime).AddDays(1); date = date.AddDays(1))
        {
            if (!Days.Contains(date.DayOfWeek)) continue;
            if (Days.Count < 7 && IsPublicHoliday(date)) continue; // daily services (night shelter, chat) keep going
            var week = (date.DayNumber - FirstMonday.DayNumber) / 7;
            var position = ((week - phase) % period + period) % period;
            if (Meetings is { } meetings ? position >= meetings : position != 0) continue;

            var step = SlotMinutes is { } s ? TimeSpan.FromMinutes(s) : length;
            for (var offset = TimeSpan.Zero; offset + step <= length; offset += step)
            {
                var local = date.ToDateTime(Start).Add(offset);
                if (zone.IsInvalidTime(local)) continue;
                var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
                var end = start + step;
                // A course (xN) starts a new group at its first meeting of the first week of a run.
                var cohortStart = Meetings is not null && position == 0 && offset == TimeSpan.Zero
                    && date.DayOfWeek == Days.MinBy(d => ((int)d + 6) % 7);
                if (start >= now && end <= until) yield return (start, end, cohortStart);
            }
        }
    }

    /// <summary>Dutch public holidays on which groups do not meet: Christmas, New Year, King's Day, Easter, Ascension and Whit Monday.</summary>
    internal static bool IsPublicHoliday(DateOnly date)
    {
        var kingsDay = new DateOnly(date.Year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday) kingsDay = kingsDay.AddDays(-1);
        var easter = EasterSunday(date.Year);
        return (date.Month, date.Day) is (12, 25) or (12, 26) or (1, 1)
            || date == kingsDay
            || date == easter || date == easter.AddDays(1) || date == easter.AddDays(39) || date == easter.AddDays(49) || date == easter.AddDays(50);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
}
