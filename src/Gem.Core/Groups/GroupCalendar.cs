using Gem.Core.Atlas;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Gem.Core.Groups;

/// <summary>
/// iCalendar (RFC 5545) files and feeds for sessions, written with Ical.Net. Feeds served over HTTP carry no METHOD;
/// a calendar mailed to a person is an iTIP message (RFC 5546): <c>PUBLISH</c> to add sessions, <c>CANCEL</c> (same UID,
/// higher SEQUENCE) to take them out again, and its MIME type names the same method (<see cref="MailContentType"/>).
/// </summary>
public static class GroupCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string Publish = "PUBLISH";
    public const string Cancel = "CANCEL";
    /// <summary>SEQUENCE of a session as first sent; a cancellation carries the next one, so clients replace the event.</summary>
    public const int FirstSequence = 0;

    /// <summary>The MIME type of a mailed calendar: <c>text/calendar; method=…; charset=utf-8</c>.</summary>
    public static string MailContentType(string method) => $"text/calendar; method={method}; charset=utf-8";

    /// <summary>The UID of a session's event, the same in every feed and mail so clients match updates and cancellations.</summary>
    public static string Uid(Session session) => session.Id.ToString() + "@gem";

    /// <summary>A feed (no METHOD); cancelled sessions stay in it with STATUS:CANCELLED.</summary>
    public static string Write(string name, IEnumerable<(Session Session, Offer Offer)> sessions) =>
        Serialize(Calendar(name, null), sessions, null);

    /// <summary>An iTIP message for mail: <see cref="Publish"/> or <see cref="Cancel"/>, from <paramref name="organizer"/> to <paramref name="attendee"/>.</summary>
    public static string Write(string name, IEnumerable<(Session Session, Offer Offer)> sessions, string method,
        (string Email, string Name) organizer, (string Email, string Name) attendee, DateTimeOffset stamp)
    {
        if (method is not (Publish or Cancel)) throw new ArgumentException("METHOD is PUBLISH or CANCEL.", nameof(method));
        var calendar = Calendar(name, method);
        return Serialize(calendar, sessions, e =>
        {
            e.Organizer = new Organizer("mailto:" + organizer.Email) { CommonName = organizer.Name };
            e.DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC");
            if (method == Cancel)
            {
                // RFC 5546 §3.2.5: a CANCEL names the attendees it removes; PUBLISH carries none.
                e.Attendees.Add(new Ical.Net.DataTypes.Attendee("mailto:" + attendee.Email) { CommonName = attendee.Name, Role = "REQ-PARTICIPANT" });
                e.Status = EventStatus.Cancelled;
                e.Sequence = FirstSequence + 1;
            }
        });
    }

    private static Calendar Calendar(string name, string? method)
    {
        var calendar = new Calendar { ProductId = "-//Gem//Groups//NL" };
        if (method is not null) calendar.Method = method;
        calendar.AddProperty("X-WR-CALNAME", name);
        return calendar;
    }

    private static string Serialize(Calendar calendar, IEnumerable<(Session Session, Offer Offer)> sessions, Action<CalendarEvent>? adjust)
    {
        foreach (var (session, offer) in sessions)
        {
            var e = new CalendarEvent
            {
                Uid = Uid(session),
                Summary = offer.Name,
                Description = offer.Description,
                Location = offer.IsOnline ? (session.OnlineUrl ?? offer.OnlineUrl) : (session.Place ?? $"{offer.Address}, {offer.Pc4} {offer.City}"),
                DtStart = new CalDateTime(session.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(session.End.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(offer.UpdatedAt.UtcDateTime, "UTC"),
                Sequence = session.CancelledAt is null ? FirstSequence : FirstSequence + 1,
            };
            if (session.CancelledAt is not null) e.Status = EventStatus.Cancelled;
            adjust?.Invoke(e);
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
