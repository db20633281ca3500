using Gem.Core.Atlas;
using Gem.Core.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Gem.Core.Groups;

/// <summary>How often a series of sessions repeats.</summary>
public enum Repeat
{
    Once = 0,
    Weekly = 1,
    Biweekly = 2,
}

/// <summary>
/// A session and how it repeats: every week or every other week at the same local (Amsterdam) time until
/// <paramref name="Until"/>, without the <paramref name="Except"/> dates (holidays, a closed building).
/// </summary>
public sealed record SeriesInput(SessionInput First, Repeat Repeat, DateOnly? Until, IReadOnlyList<DateOnly> Except)
{
    /// <summary>At most this many sessions in one series (a year of weekly meetings).</summary>
    public const int MaxSessions = 53;

    /// <summary>
    /// The start times (UTC) of the series: an iCalendar RRULE (FREQ=WEEKLY;INTERVAL=1|2) with EXDATEs, expanded lazily up to the last day by
    /// Ical.Net in Europe/Amsterdam, so a meeting at 19:00 stays at 19:00 across the change to and from summer time.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Starts()
    {
        if (Repeat == Repeat.Once) return [First.Start.ToUniversalTime()];
        var tz = LocalTime.Zone.Id;
        var local = TimeZoneInfo.ConvertTime(First.Start, LocalTime.Zone).DateTime;
        var ev = new CalendarEvent { DtStart = new CalDateTime(local, tz) };
        // No UNTIL on the rule (Ical.Net wants it in UTC): the lazy expansion is cut at the end of the last local day instead.
        ev.RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, Repeat == Repeat.Biweekly ? 2 : 1);
        var last = Until!.Value;
        foreach (var day in Except) ev.ExceptionDates.Add(new CalDateTime(day.ToDateTime(TimeOnly.FromDateTime(local)), tz));
        return ev.GetOccurrences().Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero))
            .TakeWhile(start => LocalTime.Day(start) <= last).Take(MaxSessions + 1).ToList();
    }

    public void EnsureValid(DateTimeOffset now)
    {
        First.EnsureValid(now);
        if (Repeat == Repeat.Once) return;
        var errors = new Dictionary<string, string[]>();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(First.Start, LocalTime.Zone).DateTime);
        if (!Enum.IsDefined(Repeat)) errors[nameof(Repeat)] = ["Choose once, every week or every other week."];
        else if (Until is not { } until) errors[nameof(Until)] = ["A repeating session needs a last date."];
        else if (until <= firstDay) errors[nameof(Until)] = ["The last date comes after the first session."];
        else if (until > firstDay.AddYears(1)) errors[nameof(Until)] = ["A series runs at most one year; add another series later."];
        if (errors.Count == 0 && Starts().Count > MaxSessions) errors[nameof(Until)] = ["A series runs at most one year; add another series later."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}

/// <summary>Adds a whole series of sessions to one of the staff member's own offers in one save (all or nothing).</summary>
public sealed class SessionSeries(GemDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Session>> AddAsync(Actor actor, Guid offerId, SeriesInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var offer = await new OfferEditor(db, clock).FindOwnAsync(actor, offerId, ct);
        var now = clock.GetUtcNow();
        input.EnsureValid(now);
        var first = input.First;
        var length = first.End - first.Start;
        var editor = new SessionEditor(db, clock);
        var sessions = new List<Session>();
        foreach (var start in input.Starts())
        {
            sessions.Add(new Session
            {
                OfferId = offer.Id,
                Start = start,
                End = start + length,
                Place = first.Place?.Trim(),
                OnlineUrl = first.OnlineUrl?.Trim(),
                Seats = first.Seats,
                // Cohort courses: staff say whether the first starts a group; the rest of a series continues it.
                IsCohortStart = sessions.Count == 0 ? first.IsCohortStart ?? await editor.DefaultCohortStartAsync(offer, start, ct) : false,
            });
        }
        db.Sessions.AddRange(sessions);
        offer.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return sessions;
    }
}
