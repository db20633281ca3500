using Gem.Core.Atlas;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Gem.Core.Groups;

/// <summary>iCalendar (RFC 5545) files and feeds for sessions, written with Ical.Net.</summary>
public static class GroupCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<(Session Session, Offer Offer)> sessions)
    {
        var calendar = new Calendar { ProductId = "-//Gem//Groups//NL" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var (session, offer) in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = session.Id.ToString() + "@gem",
                Summary = offer.Name,
                Description = offer.Description,
                Location = offer.IsOnline ? (session.OnlineUrl ?? offer.OnlineUrl) : (session.Place ?? $"{offer.Address}, {offer.Pc4} {offer.City}"),
                DtStart = new CalDateTime(session.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(session.End.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(offer.UpdatedAt.UtcDateTime, "UTC"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
